package basic

import (
	"crypto/tls"
	"net"
	"net/http"
	"time"
)

func protocolsField() *http.Client {
	t := &http.Transport{} // want `http.Transport turns on HTTP/2 without HTTP2.SendPingTimeout \(no health check`
	t.Protocols = new(http.Protocols)
	t.Protocols.SetHTTP1(true)
	t.Protocols.SetHTTP2(true)
	return &http.Client{Transport: t}
}

func protocolsFieldGood() *http.Client {
	t := &http.Transport{HTTP2: &http.HTTP2Config{SendPingTimeout: 30 * time.Second}}
	t.Protocols = new(http.Protocols)
	t.Protocols.SetHTTP1(true)
	t.Protocols.SetHTTP2(true)
	return &http.Client{Transport: t}
}

func protocolsVar() *http.Transport {
	var p http.Protocols
	p.SetHTTP2(true)
	return &http.Transport{Protocols: &p} // want `turns on HTTP/2 without HTTP2.SendPingTimeout`
}

func protocolsVarGood() *http.Transport {
	var p http.Protocols
	p.SetHTTP2(true)
	t := &http.Transport{Protocols: &p}
	t.HTTP2 = &http.HTTP2Config{}
	t.HTTP2.SendPingTimeout = 20 * time.Second
	return t
}

func unencrypted() *http.Transport {
	p := new(http.Protocols)
	p.SetUnencryptedHTTP2(true)
	return &http.Transport{Protocols: p} // want `turns on HTTP/2 without HTTP2.SendPingTimeout`
}

func unencryptedGood() *http.Transport {
	p := new(http.Protocols)
	p.SetUnencryptedHTTP2(true)
	return &http.Transport{Protocols: p, HTTP2: &http.HTTP2Config{SendPingTimeout: time.Minute}}
}

// Protocols without HTTP/2: nothing to health-check.
func http1Only() *http.Transport {
	p := new(http.Protocols)
	p.SetHTTP1(true)
	p.SetHTTP2(false)
	return &http.Transport{Protocols: p}
}

func http2Settings() *http.Transport {
	return &http.Transport{
		HTTP2: &http.HTTP2Config{MaxReadFrameSize: 1 << 20}, // want `turns on HTTP/2 without HTTP2.SendPingTimeout`
	}
}

func http2SettingsGood() *http.Transport {
	return &http.Transport{
		HTTP2: &http.HTTP2Config{MaxReadFrameSize: 1 << 20, SendPingTimeout: 15 * time.Second},
	}
}

func explicitZero() *http.Transport {
	return &http.Transport{HTTP2: &http.HTTP2Config{SendPingTimeout: 0}} // want `turns on HTTP/2 without HTTP2.SendPingTimeout`
}

func pingOnly() *http.Transport {
	return &http.Transport{HTTP2: &http.HTTP2Config{PingTimeout: 5 * time.Second}} // want `http.HTTP2Config sets PingTimeout but not SendPingTimeout \(no ping is ever sent`
}

func pingBoth() *http.Transport {
	return &http.Transport{HTTP2: &http.HTTP2Config{PingTimeout: 5 * time.Second, SendPingTimeout: 30 * time.Second}}
}

func customTLS(conf *tls.Config) *http.Transport {
	return &http.Transport{
		TLSClientConfig: conf,
		HTTP2:           &http.HTTP2Config{SendPingTimeout: 30 * time.Second}, // want `http.Transport sets HTTP2 but speaks HTTP/1.1 only \(its custom TLSClientConfig`
	}
}

func customTLSForced(conf *tls.Config) *http.Transport {
	return &http.Transport{
		TLSClientConfig:   conf,
		ForceAttemptHTTP2: true,
		HTTP2:             &http.HTTP2Config{SendPingTimeout: 30 * time.Second},
	}
}

func customDialer(d *net.Dialer) *http.Transport {
	t := &http.Transport{DialContext: d.DialContext}
	t.HTTP2 = &http.HTTP2Config{SendPingTimeout: 30 * time.Second} // want `speaks HTTP/1.1 only \(its custom DialContext`
	return t
}

func customDialerProtocols(d *net.Dialer) *http.Transport {
	t := &http.Transport{DialContext: d.DialContext, Protocols: new(http.Protocols)}
	t.Protocols.SetHTTP1(true)
	t.Protocols.SetHTTP2(true)
	t.HTTP2 = &http.HTTP2Config{SendPingTimeout: 30 * time.Second}
	return t
}

func config() *http.HTTP2Config {
	return &http.HTTP2Config{StrictMaxConcurrentRequests: true} // want `turns on HTTP/2 without HTTP2.SendPingTimeout`
}

func viaHelper() *http.Transport {
	t := new(http.Transport)
	t.HTTP2 = config()
	return t
}

func configGood() *http.HTTP2Config {
	return &http.HTTP2Config{SendPingTimeout: time.Minute}
}

func viaHelperGood() *http.Transport {
	t := new(http.Transport)
	t.HTTP2 = configGood()
	return t
}

func closure() *http.Transport {
	t := &http.Transport{HTTP2: &http.HTTP2Config{}}
	set := func() { t.HTTP2.SendPingTimeout = time.Minute }
	set()
	return t
}

// ForceAttemptHTTP2 with a health check: quiet.
var forcedChecked = &http.Transport{
	ForceAttemptHTTP2: true,
	HTTP2:             &http.HTTP2Config{SendPingTimeout: 30 * time.Second},
}

// hashicorp/go-cleanhttp: a pooled transport, and a constructor that
// turns its keep-alives off for the callers of that one only. The pooled
// one's connections are reused: reported.
func PooledTransport() *http.Transport {
	return &http.Transport{ForceAttemptHTTP2: true, MaxIdleConnsPerHost: 8} // want `http.Transport sets ForceAttemptHTTP2 without HTTP2.SendPingTimeout`
}

func UnpooledTransport() *http.Transport {
	t := PooledTransport()
	t.DisableKeepAlives = true
	return t
}

// Keep-alives off where it is made: every connection serves one request.
func SingleUseTransport() *http.Transport {
	return &http.Transport{ForceAttemptHTTP2: true, DisableKeepAlives: true}
}
