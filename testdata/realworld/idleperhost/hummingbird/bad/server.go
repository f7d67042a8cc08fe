// Package bad is the shape of troubling/hummingbird's object server before
// PR #310: every object PUT or DELETE the server handles sends container
// updates to the few container servers of the object's ring partition,
// from a goroutine per request, through one updateClient whose Transport
// keeps the default 2 idle connections per host. Under load the updates to
// each container server run far more than 2 at a time, so most of their
// connections are closed after one use and pile up in TIME_WAIT.
package bad

import (
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// ObjectServer serves object requests and keeps container listings up to
// date.
type ObjectServer struct {
	updateClient  *http.Client
	updateTimeout time.Duration
}

// Config is the part of the server's configuration read here.
type Config struct {
	ConnTimeout   time.Duration
	NodeTimeout   time.Duration
	UpdateTimeout time.Duration
}

// GetServer builds the object server from its configuration.
func GetServer(conf Config) *ObjectServer {
	server := &ObjectServer{updateTimeout: conf.UpdateTimeout}
	server.updateClient = &http.Client{
		Timeout:   conf.NodeTimeout,
		Transport: &http.Transport{Dial: (&net.Dialer{Timeout: conf.ConnTimeout}).Dial},
	}
	return server
}

func splitHeader(h string) []string {
	if h == "" {
		return nil
	}
	return strings.Split(h, ",")
}

// sendContainerUpdate tells one container server about the object.
func (server *ObjectServer) sendContainerUpdate(host, device, method, partition, account, container, obj string, headers http.Header) bool {
	u := fmt.Sprintf("http://%s/%s/%s/%s/%s/%s", host, device, partition,
		url.PathEscape(account), url.PathEscape(container), url.PathEscape(obj))
	req, err := http.NewRequest(method, u, nil)
	if err != nil {
		return false
	}
	req.Header = headers
	resp, err := server.updateClient.Do(req)
	if err != nil {
		return false
	}
	resp.Body.Close()
	return resp.StatusCode/100 == 2
}

// updateContainer sends the update to every container server named in the
// request's headers.
func (server *ObjectServer) updateContainer(request *http.Request, account, container, obj string) {
	partition := request.Header.Get("X-Container-Partition")
	hosts := splitHeader(request.Header.Get("X-Container-Host"))
	devices := splitHeader(request.Header.Get("X-Container-Device"))
	if partition == "" || len(hosts) == 0 || len(hosts) != len(devices) {
		return
	}
	headers := http.Header{
		"X-Timestamp": {request.Header.Get("X-Timestamp")},
		"X-Trans-Id":  {request.Header.Get("X-Trans-Id")},
	}
	for i := range hosts {
		server.sendContainerUpdate(hosts[i], devices[i], request.Method, partition, account, container, obj, headers)
	}
}

// containerUpdates runs the update beside the request and waits for it no
// longer than updateTimeout.
func (server *ObjectServer) containerUpdates(request *http.Request, account, container, obj string) {
	done := make(chan struct{}, 1)
	go func() {
		server.updateContainer(request, account, container, obj)
		done <- struct{}{}
	}()
	select {
	case <-done:
	case <-time.After(server.updateTimeout):
	}
}

// ServeHTTP handles an object PUT or DELETE: /device/partition/account/container/object.
func (server *ObjectServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	parts := strings.SplitN(strings.TrimPrefix(r.URL.Path, "/"), "/", 5)
	if len(parts) != 5 {
		http.Error(w, "bad path", http.StatusBadRequest)
		return
	}
	switch r.Method {
	case http.MethodPut, http.MethodDelete:
		server.containerUpdates(r, parts[2], parts[3], parts[4])
		w.WriteHeader(http.StatusCreated)
	default:
		w.WriteHeader(http.StatusMethodNotAllowed)
	}
}
