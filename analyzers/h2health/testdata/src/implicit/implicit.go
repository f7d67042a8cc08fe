package implicit

import (
	"net/http"
	"time"
)

func clone() *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone() // want `http.Transport speaks HTTP/2 by default without HTTP2.SendPingTimeout`
	t.MaxIdleConnsPerHost = 10
	return &http.Client{Transport: t}
}

func cloneGood() *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.HTTP2 = &http.HTTP2Config{SendPingTimeout: 30 * time.Second}
	return &http.Client{Transport: t}
}

func forced() *http.Transport {
	return &http.Transport{ForceAttemptHTTP2: true} // want `sets ForceAttemptHTTP2 without HTTP2.SendPingTimeout`
}

func forcedGood() *http.Transport {
	return &http.Transport{ForceAttemptHTTP2: true, HTTP2: &http.HTTP2Config{SendPingTimeout: time.Minute}}
}

// A plain literal, and the default transport itself, stay quiet.
func plain() []http.RoundTripper {
	return []http.RoundTripper{&http.Transport{}, http.DefaultTransport}
}
