// Package good is aws/aws-xray-daemon's pkg/conn after PR #216:
// getNewHTTPClient keeps the HTTP/2 transport that
// http2.ConfigureTransports returns and sets its ReadIdleTimeout (1 s) and
// PingTimeout (2 s), so a connection that stops answering is closed within
// about three seconds; the transport's IdleConnTimeout becomes 90 s,
// longer than the 60 s between telemetry uploads.
package good

import (
	"crypto/tls"
	"log"
	"net/http"
	"net/url"
	"os"
	"time"

	"example.com/realworld/h2health/xray/good/aws"
	"example.com/realworld/h2health/xray/good/xray"
	"golang.org/x/net/http2"
)

// Config is the part of the daemon's configuration the client uses.
type Config struct {
	Endpoint           string
	Region             string
	NoVerifySSL        bool
	ProxyAddress       string
	MaxIdleConnPerHost int
	RequestTimeout     int
}

// getNewHTTPClient returns an HTTP client with the given settings.
func getNewHTTPClient(maxIdle int, requestTimeout int, noVerify bool, proxyAddress string) *http.Client {
	tlsConfig := &tls.Config{
		InsecureSkipVerify: noVerify,
	}

	proxyURL := getProxyURL(getProxyAddress(proxyAddress))
	transport := &http.Transport{
		MaxIdleConnsPerHost: maxIdle,
		TLSClientConfig:     tlsConfig,
		IdleConnTimeout:     90 * time.Second,
		Proxy:               http.ProxyURL(proxyURL),
	}

	// A transport with its own TLSClientConfig does not speak HTTP/2
	// unless configured for it.
	h2transport, err := http2.ConfigureTransports(transport)
	if err != nil {
		log.Printf("Failed to configure HTTP2 transport: %v", err)
	} else {
		// A ping after 1 s without a frame; the connection is closed if
		// its answer takes more than 2 s.
		h2transport.ReadIdleTimeout = 1 * time.Second
		h2transport.PingTimeout = 2 * time.Second
	}
	return &http.Client{
		Transport: transport,
		Timeout:   time.Second * time.Duration(requestTimeout),
	}
}

func getProxyAddress(proxyAddress string) string {
	if proxyAddress != "" {
		return proxyAddress
	}
	return os.Getenv("HTTPS_PROXY")
}

func getProxyURL(proxyAddress string) *url.URL {
	if proxyAddress == "" {
		return nil
	}
	u, err := url.Parse(proxyAddress)
	if err != nil {
		log.Fatalf("Bad proxy URL: %v", err)
	}
	return u
}

// GetAWSConfig returns the configuration of the daemon's X-Ray client.
func GetAWSConfig(c *Config) *aws.Config {
	httpClient := getNewHTTPClient(c.MaxIdleConnPerHost, c.RequestTimeout, c.NoVerifySSL, c.ProxyAddress)
	region := c.Region
	if region == "" {
		region = os.Getenv("AWS_REGION")
	}
	return &aws.Config{
		Region:                 region,
		DisableParamValidation: true,
		MaxRetries:             2,
		Endpoint:               c.Endpoint,
		HTTPClient:             httpClient,
	}
}

// XRay is the part of the X-Ray API the daemon uses.
type XRay interface {
	PutTraceSegments(input *xray.PutTraceSegmentsInput) (*xray.PutTraceSegmentsOutput, error)
}

// NewXRay returns the X-Ray client of awsConfig.
func NewXRay(awsConfig *aws.Config) XRay {
	x := xray.New(awsConfig)
	log.Printf("Using Endpoint: %s", x.Endpoint)
	return x
}
