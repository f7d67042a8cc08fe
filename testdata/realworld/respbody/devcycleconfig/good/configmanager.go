// Package good is DevCycleHQ/go-server-sdk's config manager after PR #125:
// fetchConfig closes every response. Error bodies are closed unread, so
// their connections are dropped rather than reused, but none is kept.
package good

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net/http"
	"time"
)

// Options configure the SDK.
type Options struct {
	ConfigCDNBasePath string
	PollingInterval   time.Duration
}

type configStore interface {
	StoreConfig(config string) error
}

// EnvironmentConfigManager keeps the SDK's configuration up to date.
type EnvironmentConfigManager struct {
	sdkKey         string
	cfg            *Options
	httpClient     *http.Client
	localBucketing configStore
	configETag     string
	hasConfig      bool
	firstLoad      bool
	context        context.Context
	cancel         context.CancelFunc
	pollingStop    chan bool
	ticker         *time.Ticker
}

func errorf(format string, a ...any) error {
	err := fmt.Errorf(format, a...)
	log.Print(err)
	return err
}

// StartPolling fetches the config every interval until stopped.
func (e *EnvironmentConfigManager) StartPolling(interval time.Duration) {
	e.ticker = time.NewTicker(interval)
	go func() {
		for {
			select {
			case <-e.pollingStop:
				e.ticker.Stop()
				return
			case <-e.ticker.C:
				if err := e.fetchConfig(false); err != nil {
					log.Printf("Error fetching config: %s", err)
				}
			}
		}
	}()
}

func (e *EnvironmentConfigManager) fetchConfig(retrying bool) error {
	req, err := http.NewRequest("GET", e.getConfigURL(), nil)
	if err != nil {
		return err
	}
	if e.configETag != "" {
		req.Header.Set("If-None-Match", e.configETag)
	}
	resp, err := e.httpClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	switch statusCode := resp.StatusCode; {
	case statusCode == http.StatusOK:
		if err = e.setConfig(resp); err != nil {
			return err
		}
	case statusCode == http.StatusNotModified:
	case statusCode == http.StatusForbidden:
		e.pollingStop <- true
		return errorf("invalid SDK key. Aborting config polling")
	case statusCode >= 500:
		if !retrying {
			log.Printf("Retrying config fetch. Status: %s", resp.Status)
			return e.fetchConfig(true)
		}
		log.Printf("Config fetch failed. Status: %s", resp.Status)
	default:
		err = errorf("Unexpected response code: %d\nBody: %s\nURL: %s\nHeaders: %s\n",
			resp.StatusCode, resp.Body, e.getConfigURL(), resp.Header)
		e.cancel()
	}
	return err
}

func (e *EnvironmentConfigManager) setConfig(response *http.Response) error {
	raw, err := io.ReadAll(response.Body)
	if err != nil {
		return err
	}
	if !json.Valid(raw) {
		return errorf("invalid JSON data received for config")
	}
	if err := e.localBucketing.StoreConfig(string(raw)); err != nil {
		return err
	}
	e.hasConfig = true
	e.configETag = response.Header.Get("Etag")
	if e.firstLoad {
		e.firstLoad = false
		log.Print("DevCycle SDK Initialized.")
	}
	return nil
}

func (e *EnvironmentConfigManager) getConfigURL() string {
	return fmt.Sprintf("%s/config/v1/server/%s.json", e.cfg.ConfigCDNBasePath, e.sdkKey)
}
