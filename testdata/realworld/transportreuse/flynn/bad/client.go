// Package bad is the shape of flynn/flynn's API clients before PR #3698
// (commit 544947bb): every NewClient (controller, log aggregator, cluster
// and sirenia clients alike) builds an http.Client around a new
// http.Transport with the retrying dialer. The cluster-monitor fixer makes
// new clients in some of its phases, on every check, and drops them; each
// dropped transport keeps the connections it opened idle in its own pool,
// so the monitor leaked connections for as long as it ran.
package bad

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"time"
)

// retryDial dials addr, retrying refused connections for a while.
func retryDial(network, addr string) (net.Conn, error) {
	var err error
	for i := 0; i < 5; i++ {
		var c net.Conn
		if c, err = net.DialTimeout(network, addr, 5*time.Second); err == nil {
			return c, nil
		}
		time.Sleep(time.Duration(i+1) * 100 * time.Millisecond)
	}
	return nil, err
}

// Client is a client of the controller API.
type Client struct {
	url  string
	key  string
	http *http.Client
}

// NewClient returns a client of the controller at uri.
func NewClient(uri, key string) (*Client, error) {
	httpClient := &http.Client{Transport: &http.Transport{Dial: retryDial}}
	return NewClientWithHTTP(uri, key, httpClient)
}

// NewClientWithHTTP returns a client of the controller at uri that sends
// through hc.
func NewClientWithHTTP(uri, key string, hc *http.Client) (*Client, error) {
	if uri == "" {
		return nil, fmt.Errorf("controller: empty URL")
	}
	return &Client{url: uri, key: key, http: hc}, nil
}

// App is an app of the controller.
type App struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// AppList lists the controller's apps.
func (c *Client) AppList(ctx context.Context) ([]*App, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.url+"/apps", nil)
	if err != nil {
		return nil, err
	}
	req.SetBasicAuth("", c.key)
	res, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("controller: %s", res.Status)
	}
	var apps []*App
	err = json.NewDecoder(res.Body).Decode(&apps)
	return apps, err
}

// ClusterFixer is the cluster monitor's repair loop.
type ClusterFixer struct {
	controllerURL string
	key           string
}

// checkController makes sure the controller answers, with a client made
// for this phase.
func (f *ClusterFixer) checkController(ctx context.Context) error {
	client, err := NewClient(f.controllerURL, f.key)
	if err != nil {
		return err
	}
	_, err = client.AppList(ctx)
	return err
}

// Run checks the controller every interval until ctx is done.
func (f *ClusterFixer) Run(ctx context.Context, interval time.Duration) {
	for {
		if err := f.checkController(ctx); err != nil {
			fmt.Println("cluster monitor: controller check failed:", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(interval):
		}
	}
}
