// Package good is geoipupdate's updater after commit e541ebc: a configured
// proxy goes into a clone of the default transport that only the
// updater's client uses.
package good

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"sync"

	"example.com/realworld/shareddefault/geoipupdate/good/client"
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
	httpClient := &http.Client{}
	if config.Proxy != nil {
		transport := http.DefaultTransport.(*http.Transport).Clone()
		transport.Proxy = http.ProxyURL(config.Proxy)
		httpClient.Transport = transport
	}

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
