// Package bad is the shape of maxmind/geoipupdate's updater before commit
// e541ebc (issue #488): when a proxy is configured, NewUpdater sets the
// Proxy field of http.DefaultTransport itself and builds its client on
// it, so every other user of the default transport or client in the
// process is sent through the updater's proxy too.
package bad

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"sync"

	"example.com/realworld/shareddefault/geoipupdate/bad/client"
)

// Config is the updater's configuration.
type Config struct {
	AccountID   int
	LicenseKey  string
	URL         string
	Proxy       *url.URL
	EditionIDs  []string
	Parallelism int
}

type updateClient interface {
	Download(context.Context, string, string) (client.DownloadResponse, error)
}

// Updater downloads the configured editions.
type Updater struct {
	config       *Config
	updateClient updateClient
}

// NewUpdater initializes an Updater.
func NewUpdater(config *Config) (*Updater, error) {
	transport := http.DefaultTransport
	if config.Proxy != nil {
		proxyFunc := http.ProxyURL(config.Proxy)
		transport.(*http.Transport).Proxy = proxyFunc
	}
	httpClient := &http.Client{Transport: transport}

	updateClient, err := client.New(
		config.AccountID,
		config.LicenseKey,
		client.WithEndpoint(config.URL),
		client.WithHTTPClient(httpClient),
	)
	if err != nil {
		return nil, err
	}
	return &Updater{config: config, updateClient: updateClient}, nil
}

// Run downloads every edition, Parallelism at a time.
func (u *Updater) Run(ctx context.Context) error {
	sem := make(chan struct{}, max(u.config.Parallelism, 1))
	errs := make(chan error, len(u.config.EditionIDs))
	var wg sync.WaitGroup
	for _, editionID := range u.config.EditionIDs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			if _, err := u.updateClient.Download(ctx, editionID, ""); err != nil {
				errs <- fmt.Errorf("downloading %s: %w", editionID, err)
			}
		}()
	}
	wg.Wait()
	close(errs)
	return <-errs
}
