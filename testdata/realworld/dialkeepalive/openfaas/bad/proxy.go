// Package bad is the shape of openfaas/faas-provider's function proxy
// before commit 1c91a11 (PR #78): the proxy client's dialer sets TCP
// keep-alive probes to 1 s, as if probes kept the pooled connections to
// the function pods usable, while the transport drops idle connections
// after 120 ms. The fix removes the KeepAlive override (the default 15 s
// probes remain) and lets idle connections live 5 s.
package bad

import (
	"io"
	"log"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"example.com/realworld/dialkeepalive/openfaas/bad/types"
)

// BaseURLResolver finds the service URL of a function.
type BaseURLResolver interface {
	Resolve(functionName string) (url.URL, error)
}

// NewHandlerFunc proxies /function/<name>/<params> to the function.
func NewHandlerFunc(config types.FaaSConfig, resolver BaseURLResolver) http.HandlerFunc {
	if resolver == nil {
		panic("NewHandlerFunc: empty proxy handler resolver, cannot be nil")
	}
	proxyClient := NewProxyClientFromConfig(config)
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Body != nil {
			defer r.Body.Close()
		}
		switch r.Method {
		case http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete, http.MethodGet, http.MethodOptions, http.MethodHead:
			proxyRequest(w, r, proxyClient, resolver)
		default:
			w.WriteHeader(http.StatusMethodNotAllowed)
		}
	}
}

// NewProxyClientFromConfig builds the proxy client from the configuration.
func NewProxyClientFromConfig(config types.FaaSConfig) *http.Client {
	return NewProxyClient(config.GetReadTimeout(), config.GetMaxIdleConns(), config.GetMaxIdleConnsPerHost())
}

// NewProxyClient builds a client for proxying function calls.
func NewProxyClient(timeout time.Duration, maxIdleConns int, maxIdleConnsPerHost int) *http.Client {
	return &http.Client{
		Transport: &http.Transport{
			Proxy: http.ProxyFromEnvironment,
			DialContext: (&net.Dialer{
				Timeout:   timeout,
				KeepAlive: 1 * time.Second,
				DualStack: true,
			}).DialContext,
			MaxIdleConns:          maxIdleConns,
			MaxIdleConnsPerHost:   maxIdleConnsPerHost,
			IdleConnTimeout:       120 * time.Millisecond,
			TLSHandshakeTimeout:   10 * time.Second,
			ExpectContinueTimeout: 1500 * time.Millisecond,
		},
		Timeout: timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			return http.ErrUseLastResponse
		},
	}
}

func proxyRequest(w http.ResponseWriter, originalReq *http.Request, proxyClient *http.Client, resolver BaseURLResolver) {
	rest := strings.TrimPrefix(originalReq.URL.Path, "/function/")
	name, params, _ := strings.Cut(rest, "/")
	if name == "" {
		http.Error(w, "Provide function name in the request path", http.StatusBadRequest)
		return
	}
	functionAddr, err := resolver.Resolve(name)
	if err != nil {
		log.Printf("resolver error: no endpoints for %s: %s\n", name, err)
		http.Error(w, "No endpoints available for: "+name, http.StatusServiceUnavailable)
		return
	}
	functionAddr.Path = "/" + params
	functionAddr.RawQuery = originalReq.URL.RawQuery
	proxyReq, err := http.NewRequestWithContext(originalReq.Context(), originalReq.Method, functionAddr.String(), originalReq.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	proxyReq.Header = originalReq.Header.Clone()
	resp, err := proxyClient.Do(proxyReq)
	if err != nil {
		log.Printf("error with proxy request to: %s, %s\n", proxyReq.URL.String(), err)
		http.Error(w, "Can't reach service for: "+name, http.StatusInternalServerError)
		return
	}
	defer resp.Body.Close()
	for k, vs := range resp.Header {
		for _, v := range vs {
			w.Header().Add(k, v)
		}
	}
	w.WriteHeader(resp.StatusCode)
	io.Copy(w, resp.Body)
}
