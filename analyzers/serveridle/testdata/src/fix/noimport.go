package fix

import "net/http"

func fromParam(d interface{ Read() int64 }) *http.Server {
	return &http.Server{ReadTimeout: toDuration(d.Read())} // want `close after ReadTimeout`
}
