package fix

import "net/http"

const maxIdle = 256

var a = &http.Client{
	Transport: &http.Transport{ // want `every request goes to a.internal `
		MaxIdleConns:    maxIdle, // all hosts
		IdleConnTimeout: 0,
	},
}

var b = &http.Client{Transport: &http.Transport{IdleConnTimeout: 0}} // want `every request goes to b.internal `

var c = &http.Client{Transport: &http.Transport{}} // want `every request goes to c.internal `

var d = &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 0, MaxIdleConns: 10}} // want `sets MaxIdleConns to 10 but keeps 2`

var e = &http.Transport{ // want `every request goes to e.internal `
	ForceAttemptHTTP2: true,
}

func Calls() {
	a.Get("http://a.internal/x")
	b.Get("http://b.internal/x")
	c.Get("http://c.internal/x")
	d.Get("http://d.internal/x")
	(&http.Client{Transport: e}).Get("http://e.internal/x")
}

func cloned(n int) {
	t := http.DefaultTransport.(*http.Transport).Clone() // want `every request goes to f.internal `
	t.MaxIdleConns = 50
	c := &http.Client{Transport: t}
	for range n {
		go c.Get("http://f.internal/x")
	}
}

func allocated(n int) {
	t := new(http.Transport) // want `every request goes to g.internal `
	c := &http.Client{Transport: t}
	for range n {
		go c.Get("http://g.internal/x")
	}
}
