// Package basic writes to the defaults directly.
package basic

import (
	"crypto/tls"
	"net/http"
	"time"
)

func Tune() {
	http.DefaultTransport.(*http.Transport).MaxIdleConnsPerHost = 100 // want `assignment to http.DefaultTransport.\(\*http.Transport\).MaxIdleConnsPerHost changes http.DefaultTransport \(every client without its own transport shares it; the write races with requests in flight\)`
}

func TuneClone() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = 100
	return t
}

func More() {
	http.DefaultTransport.(*http.Transport).MaxIdleConns += 10 // want `assignment to http.DefaultTransport.\(\*http.Transport\).MaxIdleConns changes`
	http.DefaultTransport.(*http.Transport).MaxConnsPerHost++  // want `MaxConnsPerHost changes http.DefaultTransport`
}

func MoreClone(t *http.Transport) {
	c := t.Clone()
	c.MaxIdleConns += 10
	c.MaxConnsPerHost++
}

func Insecure() {
	http.DefaultTransport.(*http.Transport).TLSClientConfig = &tls.Config{InsecureSkipVerify: true} // want `TLSClientConfig changes http.DefaultTransport`
	http.DefaultTransport.(*http.Transport).TLSClientConfig.InsecureSkipVerify = true               // want `TLSClientConfig.InsecureSkipVerify changes http.DefaultTransport`
}

func InsecureClone() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.TLSClientConfig = &tls.Config{}
	t.TLSClientConfig.InsecureSkipVerify = true
	return t
}

func Whole(own *http.Transport) {
	*http.DefaultTransport.(*http.Transport) = *own // want `assignment to \*http.DefaultTransport.\(\*http.Transport\) changes`
}

func WholeOwn(own *http.Transport) *http.Transport {
	var t http.Transport
	t = *own
	t.MaxIdleConns = 1
	return &t
}

func Reads() (int, bool, time.Duration) {
	t := http.DefaultTransport.(*http.Transport)
	return t.MaxIdleConns, t.DisableKeepAlives, http.DefaultClient.Timeout
}

func Client() {
	http.DefaultClient.Timeout = 10 * time.Second    // want `assignment to http.DefaultClient.Timeout changes http.DefaultClient \(http.Get, http.Post and every other user of it in the process see the change\)`
	http.DefaultClient.Transport = &http.Transport{} // want `assignment to http.DefaultClient.Transport changes http.DefaultClient`
	http.DefaultClient.CheckRedirect = nil           // want `CheckRedirect changes http.DefaultClient`
}

func ClientOwn() *http.Client {
	c := &http.Client{}
	c.Timeout = 10 * time.Second
	c.Transport = &http.Transport{}
	return c
}

func ClientCopy() *http.Client {
	c := *http.DefaultClient // a copy of the client: its own Timeout
	c.Timeout = 10 * time.Second
	return &c
}

func WholeClient() {
	*http.DefaultClient = http.Client{Timeout: time.Second} // want `assignment to \*http.DefaultClient changes http.DefaultClient`
}
