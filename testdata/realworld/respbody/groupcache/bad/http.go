// Package bad is the shape of golang/groupcache's HTTP peer getter before
// PR #13: when a peer answers with a status other than 200, Get returns
// the error before the deferred Close is set up, so the response body and
// its connection stay open.
package bad

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
)

// Context is the opaque value passed through to the transport hook.
type Context interface{}

type GetRequest struct{ Group, Key string }

type GetResponse struct {
	Value []byte `json:"value"`
}

type httpGetter struct {
	transport func(Context) http.RoundTripper
	baseURL   string
}

func (h *httpGetter) Get(context Context, in *GetRequest, out *GetResponse) error {
	u := fmt.Sprintf(
		"%v%v/%v",
		h.baseURL,
		url.QueryEscape(in.Group),
		url.QueryEscape(in.Key),
	)
	req, err := http.NewRequest("GET", u, nil)
	if err != nil {
		return err
	}
	tr := http.DefaultTransport
	if h.transport != nil {
		tr = h.transport(context)
	}
	res, err := tr.RoundTrip(req)
	if err != nil {
		return err
	}
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("server returned: %v", res.Status)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		return fmt.Errorf("reading response body: %v", err)
	}
	if err := json.Unmarshal(b, out); err != nil {
		return fmt.Errorf("decoding response body: %v", err)
	}
	return nil
}
