package basic

import (
	"net"
	"net/http"
	"time"
)

func literal() *http.Client {
	d := &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second} // want `net.Dialer.KeepAlive sets TCP keep-alive probes, not HTTP idle time; this Transport never expires idle connections`
	return &http.Client{Transport: &http.Transport{DialContext: d.DialContext}}
}

func literalGood() *http.Client {
	d := &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}
	return &http.Client{Transport: &http.Transport{DialContext: d.DialContext, IdleConnTimeout: 5 * time.Second}}
}

func assigned(keepAlive time.Duration) *http.Transport {
	var d net.Dialer
	d.KeepAlive = keepAlive // want `never expires idle connections`
	t := &http.Transport{}
	t.DialContext = d.DialContext
	return t
}

func assignedGood(keepAlive, idle time.Duration) *http.Transport {
	var d net.Dialer
	d.KeepAlive = keepAlive
	t := &http.Transport{}
	t.DialContext = d.DialContext
	t.IdleConnTimeout = idle
	return t
}

func explicitZero() *http.Transport {
	d := &net.Dialer{KeepAlive: 15 * time.Second} // want `never expires idle connections`
	return &http.Transport{Dial: d.Dial, IdleConnTimeout: 0}
}

func explicitZeroGood() *http.Transport {
	d := &net.Dialer{KeepAlive: 15 * time.Second}
	return &http.Transport{Dial: d.Dial, IdleConnTimeout: time.Minute}
}

func config() *http.Transport {
	d := &net.Dialer{KeepAliveConfig: net.KeepAliveConfig{Enable: true, Idle: 15 * time.Second}} // want `net.Dialer.KeepAliveConfig sets TCP keep-alive probes`
	return &http.Transport{DialContext: d.DialContext}
}

func configGood() *http.Transport {
	d := &net.Dialer{KeepAliveConfig: net.KeepAliveConfig{Enable: true, Idle: 15 * time.Second}}
	return &http.Transport{DialContext: d.DialContext, IdleConnTimeout: 5 * time.Second}
}

func configDisabled() *http.Transport {
	d := &net.Dialer{KeepAliveConfig: net.KeepAliveConfig{Idle: 15 * time.Second}}
	return &http.Transport{DialContext: d.DialContext}
}

func configField() *http.Transport {
	d := &net.Dialer{}
	d.KeepAliveConfig.Enable = true // want `KeepAliveConfig sets TCP keep-alive probes`
	return &http.Transport{DialContext: d.DialContext}
}

func configFieldOff() *http.Transport {
	d := &net.Dialer{}
	d.KeepAliveConfig.Enable = false
	return &http.Transport{DialContext: d.DialContext}
}

var shared = &net.Dialer{KeepAlive: 20 * time.Second} // want `never expires idle connections`

var global = &http.Transport{DialContext: shared.DialContext}

var sharedGood = &net.Dialer{KeepAlive: 20 * time.Second}

var globalGood = &http.Transport{DialContext: sharedGood.DialContext, IdleConnTimeout: time.Minute}
