// Package request holds the request template of a run: the target URL,
// method, headers and body with the FUZZ placeholder in them.
package request

import (
	"net/http"
	"strings"
)

// Request is a template for the requests of a run.
type Request struct {
	Method string
	URL    string
	Body   string
	Header http.Header
}

// Apply replaces FUZZ with item everywhere in the template.
func (r *Request) Apply(item string) (*http.Request, error) {
	req, err := http.NewRequest(r.Method, strings.ReplaceAll(r.URL, "FUZZ", item), strings.NewReader(strings.ReplaceAll(r.Body, "FUZZ", item)))
	if err != nil {
		return nil, err
	}
	for k, vs := range r.Header {
		for _, v := range vs {
			req.Header.Add(k, strings.ReplaceAll(v, "FUZZ", item))
		}
	}
	return req, nil
}
