package flags

import (
	"net/http"
	"time"
)

func forced() *http.Transport {
	return &http.Transport{ForceAttemptHTTP2: true} // want `sets ForceAttemptHTTP2 without HTTP2.SendPingTimeout`
}

func explicit() *http.Transport {
	return &http.Transport{HTTP2: &http.HTTP2Config{MaxReadFrameSize: 1 << 20}} // want `turns on HTTP/2 without HTTP2.SendPingTimeout`
}

func good() *http.Transport {
	return &http.Transport{ForceAttemptHTTP2: true, HTTP2: &http.HTTP2Config{SendPingTimeout: time.Minute}}
}
