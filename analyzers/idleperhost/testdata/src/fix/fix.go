package fix

import "net/http"

const maxIdle = 256

func multiLine() *http.Response {
	c := &http.Client{
		Transport: &http.Transport{ // want `every request goes to a.internal `
			MaxIdleConns:    maxIdle, // all hosts
			IdleConnTimeout: 0,
		},
	}
	resp, _ := c.Get("http://a.internal/x")
	return resp
}

func oneLine() {
	c := &http.Client{Transport: &http.Transport{IdleConnTimeout: 0}} // want `every request goes to b.internal `
	c.Get("http://b.internal/x")
}

func empty() {
	c := &http.Client{Transport: &http.Transport{}} // want `every request goes to c.internal `
	c.Get("http://c.internal/x")
}

func explicitZero() {
	c := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 0, MaxIdleConns: 10}} // want `sets MaxIdleConns to 10 but keeps 2`
	c.Get("http://d.internal/x")
}

func lastElement() {
	t := &http.Transport{ // want `every request goes to e.internal `
		ForceAttemptHTTP2: true,
	}
	c := &http.Client{Transport: t}
	c.Get("http://e.internal/x")
}

func cloned() {
	t := http.DefaultTransport.(*http.Transport).Clone() // want `every request goes to f.internal `
	t.MaxIdleConns = 50
	c := &http.Client{Transport: t}
	c.Get("http://f.internal/x")
}

func allocated() {
	t := new(http.Transport) // want `every request goes to g.internal `
	c := &http.Client{Transport: t}
	c.Get("http://g.internal/x")
}
