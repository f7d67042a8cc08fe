// Package bad is the shape of cs3org/reva's ocdav service before PR #1260:
// every GET (and PUT, COPY and tus upload; GET stands for them here) asks
// rhttp.GetHTTPClient for a client, which holds a new clone of
// http.DefaultTransport, sends one request to the data gateway through it
// and drops it; the idle connection of each dropped transport stays open
// until its 90 s IdleConnTimeout, and the service ran out of file
// descriptors. The gRPC calls that find the file and ask for a download
// endpoint are left out (Gateway stands for them).
package bad

import (
	"context"
	"io"
	"net/http"
	"strconv"
	"time"

	"example.com/realworld/transportreuse/reva/bad/rhttp"
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
	c  *Config
	gw Gateway
}

// New returns the service's handler.
func New(c *Config, gw Gateway) http.Handler {
	return &svc{c: c, gw: gw}
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
	httpClient := rhttp.GetHTTPClient(
		rhttp.Context(ctx),
		rhttp.Timeout(time.Duration(s.c.Timeout*int64(time.Second))),
		rhttp.Insecure(s.c.Insecure),
	)

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
