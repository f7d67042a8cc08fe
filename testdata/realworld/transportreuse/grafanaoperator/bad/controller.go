// Package bad is the shape of grafana/grafana-operator's dashboard
// controller before PR #308: every reconcile asks getClient for a Grafana
// client, and NewGrafanaClient builds it around a new http.Transport (a
// struct value whose address goes in the client), so each reconcile loop
// leaves another pool with an open connection to Grafana behind; the
// conntrack table of the operator's node filled with ~35k entries.
package bad

import (
	"crypto/tls"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"
)

// GrafanaFolder is a folder of dashboards.
type GrafanaFolder struct {
	ID    *int64 `json:"id"`
	Title string `json:"title"`
	UID   string `json:"uid"`
}

// GrafanaClient is the controller's view of the Grafana API.
type GrafanaClient interface {
	GetAllFolders() ([]GrafanaFolder, error)
}

// GrafanaClientImpl sends requests to one Grafana instance.
type GrafanaClientImpl struct {
	url      string
	user     string
	password string
	client   *http.Client
}

// NewGrafanaClient returns a client of the Grafana at url.
func NewGrafanaClient(url, user, password string, timeoutSeconds time.Duration) GrafanaClient {
	transport := http.Transport{
		TLSClientConfig: &tls.Config{InsecureSkipVerify: true},
	}
	client := &http.Client{
		Transport: &transport,
		Timeout:   time.Second * timeoutSeconds,
	}
	return &GrafanaClientImpl{url: url, user: user, password: password, client: client}
}

// GetAllFolders lists Grafana's folders.
func (r *GrafanaClientImpl) GetAllFolders() ([]GrafanaFolder, error) {
	parsed, err := url.Parse(r.url + "/api/folders")
	if err != nil {
		return nil, err
	}
	parsed.User = url.UserPassword(r.user, r.password)
	req, err := http.NewRequest("GET", parsed.String(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/json")
	resp, err := r.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != 200 {
		return nil, fmt.Errorf("listing folders: expected status 200 but got %v", resp.StatusCode)
	}
	var folders []GrafanaFolder
	err = json.Unmarshal(data, &folders)
	return folders, err
}

// ControllerState is what the Grafana controller publishes.
type ControllerState struct {
	AdminUrl      string
	AdminUser     string
	AdminPassword string
	ClientTimeout int
}

// ReconcileGrafanaDashboard reconciles GrafanaDashboard objects.
type ReconcileGrafanaDashboard struct {
	state ControllerState
}

// NewReconciler returns the reconciler the controller manager runs.
func NewReconciler(state ControllerState) *ReconcileGrafanaDashboard {
	return &ReconcileGrafanaDashboard{state: state}
}

// Reconcile brings the dashboards of one request in line with Grafana;
// the controller runtime calls it for every change and on every resync.
func (r *ReconcileGrafanaDashboard) Reconcile(name string) (time.Duration, error) {
	client, err := r.getClient()
	if err != nil {
		return time.Minute, err
	}
	folders, err := client.GetAllFolders()
	if err != nil {
		return time.Minute, err
	}
	_ = folders
	return 0, nil
}

func (r *ReconcileGrafanaDashboard) getClient() (GrafanaClient, error) {
	if r.state.AdminUrl == "" {
		return nil, fmt.Errorf("grafana url not set")
	}
	duration := time.Duration(r.state.ClientTimeout)
	return NewGrafanaClient(r.state.AdminUrl, r.state.AdminUser, r.state.AdminPassword, duration), nil
}
