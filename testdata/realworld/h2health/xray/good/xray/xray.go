// Package xray stands for github.com/aws/aws-sdk-go/service/xray: the
// service client POSTs the daemon's batches of segments and its telemetry
// to the region's X-Ray endpoint through the Config's HTTPClient, and
// sends a request again after a transport error, up to MaxRetries times
// (the SDK's retryer). Request signing is left out.
package xray

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"

	"example.com/realworld/h2health/xray/good/aws"
)

// PutTraceSegmentsInput is a batch of segment documents.
type PutTraceSegmentsInput struct {
	TraceSegmentDocuments []string
}

// PutTraceSegmentsOutput lists the segments the service did not take.
type PutTraceSegmentsOutput struct {
	UnprocessedTraceSegments []string
}

// XRay is the X-Ray service client.
type XRay struct {
	Endpoint   string
	client     *http.Client
	maxRetries int
}

// New returns a client for cfg.
func New(cfg *aws.Config) *XRay {
	endpoint := cfg.Endpoint
	if endpoint == "" {
		endpoint = "https://xray." + cfg.Region + ".amazonaws.com"
	}
	client := cfg.HTTPClient
	if client == nil {
		client = http.DefaultClient
	}
	return &XRay{Endpoint: endpoint, client: client, maxRetries: cfg.MaxRetries}
}

// PutTraceSegments uploads a batch of segments.
func (x *XRay) PutTraceSegments(in *PutTraceSegmentsInput) (*PutTraceSegmentsOutput, error) {
	body, err := json.Marshal(in)
	if err != nil {
		return nil, err
	}
	var resp *http.Response
	for try := 0; ; try++ {
		resp, err = x.client.Post(x.Endpoint+"/TraceSegments", "application/json", bytes.NewReader(body))
		if err == nil {
			break
		}
		if try == x.maxRetries {
			return nil, err
		}
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("xray: %s: %s", resp.Status, data)
	}
	var out PutTraceSegmentsOutput
	if err := json.Unmarshal(data, &out); err != nil {
		return nil, err
	}
	return &out, nil
}
