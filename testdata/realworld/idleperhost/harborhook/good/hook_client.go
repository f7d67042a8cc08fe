// Package good is harbor's hook package after PR #23591: hooks only ever
// go to the core endpoint, so the transport keeps all its 20 idle
// connections for that host.
package good

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"time"
)

// Client handles the hook events.
type Client interface {
	// SendEvent sends the event to the subscribed party.
	SendEvent(evt *Event) error
}

// basicClient posts the related data to the interested party.
type basicClient struct {
	client *http.Client
	ctx    context.Context
}

// NewClient returns a hook client.
func NewClient(ctx context.Context, tlsConfig func() (*TLSConfig, error)) Client {
	transport := &http.Transport{
		MaxIdleConns:        20,
		MaxIdleConnsPerHost: 20,
		IdleConnTimeout:     30 * time.Second,
		DialContext: (&net.Dialer{
			Timeout:   30 * time.Second,
			KeepAlive: 30 * time.Second,
		}).DialContext,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: 10 * time.Second,
		ExpectContinueTimeout: 1 * time.Second,
		Proxy:                 http.ProxyFromEnvironment,
	}
	if tlsConfig != nil {
		if c, err := tlsConfig(); err == nil {
			transport.TLSClientConfig = c.Config
		}
	}
	return &basicClient{
		client: &http.Client{Timeout: 30 * time.Second, Transport: transport},
		ctx:    ctx,
	}
}

// SendEvent posts the status change to the hook URL of the event.
func (bc *basicClient) SendEvent(evt *Event) error {
	if evt == nil {
		return errors.New("nil event")
	}
	if err := evt.Validate(); err != nil {
		return err
	}
	data, err := json.Marshal(evt.Data)
	if err != nil {
		return err
	}
	req, err := http.NewRequest(http.MethodPost, evt.URL, strings.NewReader(string(data)))
	if err != nil {
		return err
	}
	res, err := bc.client.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		if res.ContentLength > 0 {
			dt, err := io.ReadAll(res.Body)
			if err != nil {
				return err
			}
			return errors.New(string(dt))
		}
		return fmt.Errorf("failed to report status change via hook, expect '200' but got '%d'", res.StatusCode)
	}
	return nil
}
