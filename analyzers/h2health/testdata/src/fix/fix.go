package fix

import (
	"net/http"
	"time"

	"golang.org/x/net/http2"
)

var _ = time.Second

func config() *http.Transport {
	p := new(http.Protocols)
	p.SetHTTP2(true)
	return &http.Transport{
		Protocols: p,
		HTTP2: &http.HTTP2Config{ // want `turns on HTTP/2 without HTTP2.SendPingTimeout`
			MaxReadFrameSize: 1 << 20,
		},
	}
}

func oneLine() *http.Transport {
	return &http.Transport{HTTP2: &http.HTTP2Config{PingTimeout: 5 * time.Second}} // want `sets PingTimeout but not SendPingTimeout`
}

func noConfig() *http.Transport {
	t := &http.Transport{ // want `turns on HTTP/2 without HTTP2.SendPingTimeout`
		MaxIdleConnsPerHost: 10,
	}
	t.Protocols = new(http.Protocols)
	t.Protocols.SetHTTP2(true)
	return t
}

func nilConfig() *http.Transport {
	t := &http.Transport{HTTP2: nil, Protocols: new(http.Protocols)} // want `turns on HTTP/2 without HTTP2.SendPingTimeout`
	t.Protocols.SetHTTP2(true)
	return t
}

func x() *http2.Transport {
	return &http2.Transport{AllowHTTP: true} // want `http2.Transport has no ReadIdleTimeout`
}

func configureTransports() (*http.Transport, error) {
	t := &http.Transport{}
	t2, err := http2.ConfigureTransports(t) // want `ConfigureTransports result has no ReadIdleTimeout`
	if err != nil {
		return nil, err
	}
	t2.AllowHTTP = true
	return t, nil
}

// No fix: the error is not checked, so t2 may be nil.
func unchecked() *http.Transport {
	t := &http.Transport{}
	t2, _ := http2.ConfigureTransports(t) // want `ConfigureTransports result has no ReadIdleTimeout`
	t2.AllowHTTP = true
	return t
}

// No fix: the call is not a plain statement, and the package still
// names http2.
func checked() (*http.Transport, error) {
	t := &http.Transport{}
	if err := http2.ConfigureTransport(t); err != nil { // want `http2.ConfigureTransport turns on HTTP/2`
		return nil, err
	}
	return t, nil
}

// The shape of Azure/azure-sdk-for-go#21468: a shared default transport
// that forces HTTP/2 with no health check.
var defaultTransport = &http.Transport{ // want `http.Transport sets ForceAttemptHTTP2 without HTTP2.SendPingTimeout`
	ForceAttemptHTTP2: true,
	MaxIdleConns:      100,
}
