package fix

import "net/http"

func noTime() *http.Transport {
	return &http.Transport{HTTP2: &http.HTTP2Config{}} // want `turns on HTTP/2 without HTTP2.SendPingTimeout`
}
