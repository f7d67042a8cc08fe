package recall

import (
	"net/http"
	"strings"
)

// jjmrocha/beast#43: the client is kept in a field of an interface type
// of the package, for tests to mock, and sent through with its Do: its
// only value in the package is the *http.Client, whose pool is judged.
type doer interface {
	Do(*http.Request) (*http.Response, error)
}

type Loader struct {
	native doer
}

func NewLoader() *Loader {
	tr := &http.Transport{} // want `every request goes to load.internal `
	return &Loader{native: &http.Client{Transport: tr}}
}

func (l *Loader) Fire(body string) (*http.Response, error) {
	req, err := http.NewRequest("POST", "http://load.internal/hit", strings.NewReader(body))
	if err != nil {
		return nil, err
	}
	return l.native.Do(req)
}

// The good twins: more idle connections per host; or the interface also
// holds another implementation in the package, which may do anything with
// the request.
type TunedLoader struct {
	native doer
}

func NewTunedLoader() *TunedLoader {
	tr := &http.Transport{MaxIdleConnsPerHost: 64}
	return &TunedLoader{native: &http.Client{Transport: tr}}
}

func (l *TunedLoader) Fire(body string) (*http.Response, error) {
	req, err := http.NewRequest("POST", "http://load.internal/hit", strings.NewReader(body))
	if err != nil {
		return nil, err
	}
	return l.native.Do(req)
}

type retrying struct{ next *http.Client }

func (r retrying) Do(req *http.Request) (*http.Response, error) { return r.next.Do(req) }

type RetryLoader struct {
	native doer
}

func NewRetryLoader(retry bool) *RetryLoader {
	tr := &http.Transport{}
	c := &http.Client{Transport: tr}
	if retry {
		return &RetryLoader{native: retrying{next: &http.Client{}}}
	}
	return &RetryLoader{native: c}
}

func (l *RetryLoader) Fire(body string) (*http.Response, error) {
	req, err := http.NewRequest("POST", "http://load.internal/hit", strings.NewReader(body))
	if err != nil {
		return nil, err
	}
	return l.native.Do(req)
}
