// Package bad is the shape of mackerelio/mackerel-agent's spec/cloud.go
// before PR #740: httpCli builds a new http.Client with a Transport of its
// own (to bypass HTTP_PROXY for the metadata service), and every metadata
// call makes one: refreshToken for the IMDSv2 token before each key that
// Generate reads, SuggestCustomIdentifier on each retry, the Azure
// generator once per run. Each transport dialled the metadata service
// afresh and left its idle connection open until it was collected.
package bad

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/url"
	"sync"
	"time"
)

var timeout = 3 * time.Second

func httpCli() *http.Client {
	return &http.Client{
		Timeout: timeout,
		Transport: &http.Transport{
			// don't use HTTP_PROXY when requesting cloud instance metadata APIs
			Proxy: nil,
		},
	}
}

// Cloud is the metadata sent to Mackerel.
type Cloud struct {
	Provider string
	MetaData map[string]string
}

// EC2Generator collects the metadata of an EC2 instance.
type EC2Generator struct {
	baseURL *url.URL

	mu    sync.Mutex
	token string
	until time.Time
}

// refreshToken gets an IMDSv2 API token, or "" for IMDSv1.
func (g *EC2Generator) refreshToken(ctx context.Context) string {
	cl := httpCli()
	g.mu.Lock()
	defer g.mu.Unlock()

	if g.token != "" && time.Now().Before(g.until) {
		return g.token
	}
	req, err := http.NewRequest("PUT", g.baseURL.String()+"/api/token", nil)
	if err != nil {
		return ""
	}
	req.Header.Set("X-aws-ec2-metadata-token-ttl-seconds", "21600")
	resp, err := cl.Do(req.WithContext(ctx))
	if err != nil {
		// IMDSv2 may be disabled: fall back to IMDSv1
		g.token = ""
		return ""
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		g.token = ""
		return ""
	}
	g.token = string(body)
	g.until = time.Now().Add(6 * time.Hour)
	return g.token
}

// Generate collects the instance's metadata.
func (g *EC2Generator) Generate() (*Cloud, error) {
	cl := httpCli()

	metadataKeys := []string{
		"instance-id",
		"instance-type",
		"placement/availability-zone",
		"security-groups",
		"ami-id",
		"hostname",
		"local-ipv4",
		"public-ipv4",
	}
	metadata := make(map[string]string)
	for _, key := range metadataKeys {
		value, err := g.getMetadata(cl, key)
		if err != nil {
			return nil, nil
		}
		metadata[key] = value
	}
	return &Cloud{Provider: "ec2", MetaData: metadata}, nil
}

func (g *EC2Generator) getMetadata(cl *http.Client, key string) (string, error) {
	req, err := http.NewRequest("GET", g.baseURL.String()+"/meta-data/"+key, nil)
	if err != nil {
		return "", err
	}
	if token := g.refreshToken(context.Background()); token != "" {
		req.Header.Set("X-aws-ec2-metadata-token", token)
	}
	resp, err := cl.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		io.Copy(io.Discard, resp.Body)
		return "", nil
	}
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return "", err
	}
	return string(body), nil
}

// SuggestCustomIdentifier suggests the identifier of the EC2 instance.
func (g *EC2Generator) SuggestCustomIdentifier() (string, error) {
	identifier := ""
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if attempt > 0 {
			time.Sleep(2 * time.Second)
		}
		err = func() error {
			cl := httpCli()
			req, err := http.NewRequest("GET", g.baseURL.String()+"/meta-data/instance-id", nil)
			if err != nil {
				return fmt.Errorf("error on create new request to retrieve instance-id: %s", err)
			}
			if token := g.refreshToken(context.Background()); token != "" {
				req.Header.Set("X-aws-ec2-metadata-token", token)
			}
			resp, err := cl.Do(req)
			if err != nil {
				return fmt.Errorf("error while retrieving instance-id: %s", err)
			}
			defer resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				io.Copy(io.Discard, resp.Body)
				return fmt.Errorf("failed to request instance-id. response code: %d", resp.StatusCode)
			}
			body, err := io.ReadAll(resp.Body)
			if err != nil {
				return err
			}
			identifier = string(body) + ".ec2.amazonaws.com"
			return nil
		}()
		if err == nil {
			return identifier, nil
		}
		log.Print(err)
	}
	return "", errors.New("could not get the instance id")
}
