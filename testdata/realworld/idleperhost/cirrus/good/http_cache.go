// Package good is the cirrus-ci-agent cache proxy after PR #225: the
// transport keeps as many idle connections per host as the proxy serves
// requests at once.
package good

import (
	"bufio"
	"context"
	"crypto/tls"
	"crypto/x509"
	"io"
	"log"
	"net"
	"net/http"
	"runtime"
	"time"
)

const activeRequestsPerLogicalCPU = 4

// CacheAPI is the part of the Cirrus gRPC client the proxy uses.
type CacheAPI interface {
	GenerateCacheDownloadURLs(ctx context.Context, key string) ([]string, error)
	GenerateCacheUploadURL(ctx context.Context, key string) (string, error)
}

var (
	cirrusClient    CacheAPI
	sem             = make(chan struct{}, runtime.NumCPU()*activeRequestsPerLogicalCPU)
	httpProxyClient = &http.Client{}
)

func Start(api CacheAPI, certPool *x509.CertPool) string {
	cirrusClient = api
	if certPool != nil {
		httpProxyClient = &http.Client{
			Transport: &http.Transport{
				TLSClientConfig:     &tls.Config{RootCAs: certPool},
				MaxIdleConnsPerHost: runtime.NumCPU() * activeRequestsPerLogicalCPU,
			},
			Timeout: time.Minute,
		}
	}
	http.HandleFunc("/", handler)
	listener, err := net.Listen("tcp", "127.0.0.1:12321")
	if err != nil {
		log.Printf("Failed to start http cache server: %s\n", err)
		return ""
	}
	go http.Serve(listener, nil)
	return listener.Addr().String()
}

func handler(w http.ResponseWriter, r *http.Request) {
	sem <- struct{}{}
	defer func() { <-sem }()
	key := r.URL.Path[1:]
	switch r.Method {
	case http.MethodGet:
		urls, err := cirrusClient.GenerateCacheDownloadURLs(r.Context(), key)
		if err != nil {
			w.WriteHeader(http.StatusNotFound)
			return
		}
		proxyDownloadFromURL(w, urls)
	case http.MethodPost, http.MethodPut:
		uploadCacheEntry(w, r, key)
	default:
		w.WriteHeader(http.StatusMethodNotAllowed)
	}
}

func proxyDownloadFromURL(w http.ResponseWriter, urls []string) {
	for _, url := range urls {
		resp, err := httpProxyClient.Get(url)
		if err != nil {
			log.Printf("Proxying cache %s failed: %v\n", url, err)
			continue
		}
		if resp.StatusCode >= 300 {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			continue
		}
		_, err = io.Copy(w, resp.Body)
		resp.Body.Close()
		if err != nil {
			log.Printf("Proxying cache download for %s failed with %v\n", url, err)
		}
		return
	}
	w.WriteHeader(http.StatusNotFound)
}

func uploadCacheEntry(w http.ResponseWriter, r *http.Request, key string) {
	uploadURL, err := cirrusClient.GenerateCacheUploadURL(r.Context(), key)
	if err != nil {
		w.WriteHeader(http.StatusInternalServerError)
		return
	}
	req, err := http.NewRequest(http.MethodPut, uploadURL, bufio.NewReader(r.Body))
	if err != nil {
		w.WriteHeader(http.StatusInternalServerError)
		return
	}
	req.Header.Set("Content-Type", "application/octet-stream")
	req.ContentLength = r.ContentLength
	resp, err := httpProxyClient.Do(req)
	if err != nil {
		w.WriteHeader(http.StatusInternalServerError)
		return
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	w.WriteHeader(resp.StatusCode)
}
