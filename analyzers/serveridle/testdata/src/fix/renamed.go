package fix

import (
	"net/http"
	stdtime "time"
)

func toDuration(n int64) stdtime.Duration { return stdtime.Duration(n) }

func renamed() *http.Server {
	return &http.Server{ReadTimeout: 3 * stdtime.Second} // want `close after 3s`
}
