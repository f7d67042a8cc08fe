package handoff

import (
	"net/http"
)

type holder struct{ resp *http.Response }

var last *http.Response

func stored(u string) *holder {
	resp, err := http.Get(u)
	if err != nil {
		return nil
	}
	return &holder{resp: resp}
}

func field(h *holder, u string) {
	h.resp, _ = http.Get(u)
}

func global(u string) {
	last, _ = http.Get(u)
}

func channel(u string, ch chan<- *http.Response) {
	resp, err := http.Get(u)
	if err != nil {
		return
	}
	ch <- resp
}

func mapped(u string, m map[string]*http.Response) {
	resp, err := http.Get(u)
	if err != nil {
		return
	}
	m[u] = resp
}

func appended(urls []string) []*http.Response {
	var out []*http.Response
	for _, u := range urls {
		resp, err := http.Get(u)
		if err != nil {
			continue
		}
		out = append(out, resp)
	}
	return out
}

// Exported: its callers in other packages get the response.
func Fetch(u string) (*http.Response, error) {
	resp, err := http.Get(u)
	if err != nil {
		return nil, err
	}
	return resp, nil
}

func callback(u string, f func(*http.Response)) {
	resp, err := http.Get(u)
	if err != nil {
		return
	}
	f(resp)
}

type consumer interface{ Consume(*http.Response) }

func iface(u string, c consumer) {
	resp, err := http.Get(u)
	if err != nil {
		return
	}
	c.Consume(resp)
}
