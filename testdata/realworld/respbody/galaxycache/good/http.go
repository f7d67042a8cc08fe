// Package good is galaxycache's HTTP peer protocol after PR #67: fetch
// also defers draining the body, so whatever the status the body is read
// to the end before it is closed and the connection goes back to the pool.
package good

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

const defaultBasePath = "/_galaxycache/"
const defaultPeekBasePath = "/_galaxycache_peek/"

const galaxyPresentHeader = "X-Galaxycache-Galaxy-Status"
const galaxyStatusFound = "Found"
const galaxyStatusNotFound = "Not Found"

// ErrNotFound is returned for a key the peer does not have.
var ErrNotFound = errors.New("key not found")

// RemoteFetcher gets values from one peer.
type RemoteFetcher interface {
	Fetch(ctx context.Context, galaxy string, key string) ([]byte, error)
	Peek(ctx context.Context, galaxy string, key string) ([]byte, error)
	Close() error
}

// HTTPFetchProtocol makes fetchers that talk to peers over HTTP.
type HTTPFetchProtocol struct {
	transport    http.RoundTripper
	basePath     string
	peekBasePath string
}

// HTTPOptions configures the protocol.
type HTTPOptions struct {
	Transport    http.RoundTripper
	BasePath     string
	PeekBasePath string
}

// NewHTTPFetchProtocol returns the protocol with the given options.
func NewHTTPFetchProtocol(opts *HTTPOptions) *HTTPFetchProtocol {
	p := &HTTPFetchProtocol{
		transport:    http.DefaultTransport,
		basePath:     defaultBasePath,
		peekBasePath: defaultPeekBasePath,
	}
	if opts == nil {
		return p
	}
	if opts.Transport != nil {
		p.transport = opts.Transport
	}
	if opts.BasePath != "" {
		p.basePath = opts.BasePath
	}
	if opts.PeekBasePath != "" {
		p.peekBasePath = opts.PeekBasePath
	}
	return p
}

// NewFetcher returns a fetcher for the peer at url.
func (hp *HTTPFetchProtocol) NewFetcher(url string) (RemoteFetcher, error) {
	if !(strings.HasPrefix(url, "http://") || strings.HasPrefix(url, "https://")) {
		url = "http://" + url
	}
	return &httpFetcher{transport: hp.transport, baseURL: url + hp.basePath, basePeekURL: url + hp.peekBasePath}, nil
}

type httpFetcher struct {
	transport   http.RoundTripper
	baseURL     string
	basePeekURL string
}

// Fetch gets the value of key from the peer.
func (h *httpFetcher) Fetch(ctx context.Context, galaxy string, key string) ([]byte, error) {
	return h.fetch(ctx, false, galaxy, key)
}

// Peek gets the value of key from the peer's cache only.
func (h *httpFetcher) Peek(ctx context.Context, galaxy string, key string) ([]byte, error) {
	return h.fetch(ctx, true, galaxy, key)
}

func (h *httpFetcher) fetch(ctx context.Context, peek bool, galaxy string, key string) ([]byte, error) {
	baseURL := h.baseURL
	if peek {
		baseURL = h.basePeekURL
	}
	u := fmt.Sprintf("%v%v/%v", baseURL, url.PathEscape(galaxy), url.PathEscape(key))
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	res, err := h.transport.RoundTrip(req.WithContext(ctx))
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	// Drain whatever is left, so the connection can be reused.
	defer io.Copy(io.Discard, res.Body)
	switch res.StatusCode {
	case http.StatusNotFound:
		switch galaxyPresent := res.Header.Get(galaxyPresentHeader); galaxyPresent {
		case galaxyStatusNotFound:
			return nil, errors.New("galaxy not found")
		case galaxyStatusFound:
			return nil, fmt.Errorf("%w: %q", ErrNotFound, key)
		default:
			// an older peer, or the handler is not registered for the path
			return nil, fmt.Errorf("server returned HTTP response status code: %v; %q header: %q",
				res.Status, galaxyPresentHeader, galaxyPresent)
		}
	case http.StatusOK:
		data, err := io.ReadAll(res.Body)
		if err != nil {
			return nil, fmt.Errorf("reading response body: %v", err)
		}
		return data, nil
	default:
		return nil, fmt.Errorf("server returned HTTP response status code: %v", res.Status)
	}
}

// Close does nothing for HTTP.
func (h *httpFetcher) Close() error {
	return nil
}
