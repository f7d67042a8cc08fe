package bodiless

import (
	"context"
	"net/http"
	"strings"

	"example.com/couch/chttp"
)

// A HEAD sent through another package's sender that takes the method
// (kivik's Ping): the answer has no body, so only its headers are read.
func ping(ctx context.Context, c *chttp.Client) (bool, error) {
	resp, err := c.DoError(ctx, http.MethodHead, "/_up")
	if err != nil {
		return false, err
	}
	return strings.HasPrefix(resp.Header.Get("Server"), "CouchDB/1."), nil
}

// The same sender with GET: the body is left open.
func version(ctx context.Context, c *chttp.Client) (string, error) {
	resp, err := c.DoError(ctx, http.MethodGet, "/") // want `resp.Body is not closed`
	if err != nil {
		return "", err
	}
	return resp.Header.Get("Server"), nil
}
