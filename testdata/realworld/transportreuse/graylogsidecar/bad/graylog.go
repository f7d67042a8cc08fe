// Package bad is the shape of Graylog2/collector-sidecar before PR #68
// (September 2016, "Use a shared HTTP client/transport to ensure
// persistent connections"). RequestConfiguration and UpdateRegistration,
// which the sidecar's two periodic goroutines call every update interval,
// each start with rest.NewClient(nil, tlsConfig), and NewClient installs
// a new http.Transport into http.DefaultClient every time it is given no
// client. So every configuration poll and every status report went out
// on a transport of its own: a new connection and TLS handshake to the
// Graylog server each time, and the connection the previous transport
// pooled left idle until the server dropped it. The fix builds one client
// with rest.NewHTTPClient in StartPeriodicals and passes it to both.
package bad

import (
	"crypto/tls"
	"encoding/json"
	"io"
	"log"
	"net/url"
	"strings"

	"example.com/realworld/transportreuse/graylogsidecar/bad/rest"
)

// Ctx is the sidecar's running configuration.
type Ctx struct {
	ServerURL   *url.URL
	CollectorID string
	NodeID      string
	Tags        []string
	SendStatus  bool
	SkipVerify  bool
	Interval    int
}

// CollectorConfiguration is what the server answers to a configuration
// request.
type CollectorConfiguration struct {
	Inputs  []map[string]any `json:"inputs"`
	Outputs []map[string]any `json:"outputs"`
}

// StatusRequest is the status a collector reports.
type StatusRequest struct {
	Status  int               `json:"status"`
	Message string            `json:"message"`
	Backend map[string]string `json:"backends"`
}

type registrationRequest struct {
	NodeID      string `json:"node_id"`
	NodeDetails struct {
		OperatingSystem string         `json:"operating_system"`
		Tags            []string       `json:"tags,omitempty"`
		Status          *StatusRequest `json:"status,omitempty"`
	} `json:"node_details"`
}

// RequestConfiguration fetches the collector's configuration for its tags.
func RequestConfiguration(ctx *Ctx) (CollectorConfiguration, error) {
	c := rest.NewClient(nil, GetTLSConfig(ctx))
	c.BaseURL = ctx.ServerURL

	params := make(map[string]string)
	if len(ctx.Tags) != 0 {
		tags, err := json.Marshal(ctx.Tags)
		if err != nil {
			log.Printf("[RequestConfiguration] tags can not be sent to the Graylog server: %v", err)
		} else {
			params["tags"] = string(tags)
		}
	}
	r, err := c.NewRequest("GET", "/plugins/org.graylog.plugins.collector/"+ctx.CollectorID, params, nil)
	if err != nil {
		return CollectorConfiguration{}, err
	}
	var cfg CollectorConfiguration
	resp, err := c.Do(r, &cfg)
	switch {
	case resp != nil && resp.StatusCode == 204:
		log.Print("[RequestConfiguration] no configuration found for configured tags")
		return CollectorConfiguration{}, nil
	case resp != nil && resp.StatusCode != 200:
		log.Printf("[RequestConfiguration] bad response status from Graylog server: %s", resp.Status)
		return CollectorConfiguration{}, nil
	case err != nil:
		log.Printf("[RequestConfiguration] fetching configuration failed: %v", err)
	}
	return cfg, err
}

// UpdateRegistration reports the collector's status to the server.
func UpdateRegistration(ctx *Ctx, status *StatusRequest) {
	c := rest.NewClient(nil, GetTLSConfig(ctx))
	c.BaseURL = ctx.ServerURL

	var registration registrationRequest
	registration.NodeID = ctx.NodeID
	registration.NodeDetails.OperatingSystem = "Linux"
	if ctx.SendStatus {
		registration.NodeDetails.Tags = ctx.Tags
		registration.NodeDetails.Status = status
	}
	r, err := c.NewRequest("PUT", "/plugins/org.graylog.plugins.collector/collectors/"+ctx.CollectorID, nil, registration)
	if err != nil {
		log.Print("[UpdateRegistration] can not initialize REST request")
		return
	}
	respBody := new(map[string]any)
	resp, err := c.Do(r, respBody)
	switch {
	case resp != nil && resp.StatusCode == 400 && err != nil && strings.Contains(err.Error(), "Unable to map property"):
		log.Print("[UpdateRegistration] sending collector status failed, disabling send_status")
		ctx.SendStatus = false
	case resp != nil && resp.StatusCode != 202:
		log.Printf("[UpdateRegistration] bad response from Graylog server: %s", resp.Status)
	case err != nil && err != io.EOF: // an empty 202 answer decodes to EOF
		log.Printf("[UpdateRegistration] failed to report collector status: %v", err)
	}
}

// GetTLSConfig is the TLS configuration the user asked for.
func GetTLSConfig(ctx *Ctx) *tls.Config {
	if ctx.SkipVerify {
		return &tls.Config{InsecureSkipVerify: true}
	}
	return nil
}
