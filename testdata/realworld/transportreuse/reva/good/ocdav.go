// Package good is reva's ocdav service after PR #1260: New makes one
// client with rhttp.GetHTTPClient and keeps it in the service, and every
// download sends through it.
package good

import (
	"context"
	"io"
	"net/http"
	"strconv"
	"time"

	"example.com/realworld/transportreuse/reva/good/rhttp"
)

// Config is the part of ocdav's configuration the downloads use.
type Config struct {
	Timeout  int64
	Insecure bool
}

// Gateway stands for the CS3 gateway's gRPC client.
type Gateway interface {
	InitiateFileDownload(ctx context.Context, path string) (endpoint, token string, size uint64, err error)
}

type svc struct {
	c      *Config
	gw     Gateway
	client *http.Client
}

// New returns the service's handler.
func New(c *Config, gw Gateway) http.Handler {
	return &svc{
		c:  c,
		gw: gw,
		client: rhttp.GetHTTPClient(
			rhttp.Timeout(time.Duration(c.Timeout*int64(time.Second))),
			rhttp.Insecure(c.Insecure),
		),
	}
}

func (s *svc) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodGet:
		s.handleGet(w, r, "/home")
	default:
		w.WriteHeader(http.StatusNotImplemented)
	}
}

func (s *svc) handleGet(w http.ResponseWriter, r *http.Request, ns string) {
	ctx := r.Context()
	fn := ns + r.URL.Path

	dataServerURL, token, size, err := s.gw.InitiateFileDownload(ctx, fn)
	if err != nil {
		w.WriteHeader(http.StatusInternalServerError)
		return
	}

	httpReq, err := rhttp.NewRequest(ctx, "GET", dataServerURL, nil)
	if err != nil {
		w.WriteHeader(http.StatusInternalServerError)
		return
	}
	httpReq.Header.Set("X-Reva-Transfer", token)
	httpClient := s.client

	httpRes, err := httpClient.Do(httpReq)
	if err != nil {
		w.WriteHeader(http.StatusInternalServerError)
		return
	}
	defer httpRes.Body.Close()

	if httpRes.StatusCode != http.StatusOK {
		w.WriteHeader(http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Length", strconv.FormatUint(size, 10))
	io.Copy(w, httpRes.Body)
}
