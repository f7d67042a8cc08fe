package fix

import "net/http"

var c = &http.Client{Transport: &http.Transport{
	MaxIdleConns:      10,
	DisableKeepAlives: true, // want `sets DisableKeepAlives`
}}

var d = &http.Client{Transport: &http.Transport{DisableKeepAlives: true, MaxIdleConns: 10}} // want `sets DisableKeepAlives`

func Get(u string) { c.Get(u); d.Get(u) }

func Do(u string) {
	req, _ := http.NewRequest("GET", u, nil)
	req.Close = true // want `sets Close`
	req.Header.Set("Connection", "close") // want `sets Connection: close`
	req.Header.Set("X-Keep", "1")
	http.DefaultClient.Do(req)
}
