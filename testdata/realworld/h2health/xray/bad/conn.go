// Package bad is the shape of aws/aws-xray-daemon's pkg/conn before PR
// #216: getNewHTTPClient turns HTTP/2 on with http2.ConfigureTransport
// (the transport's own TLSClientConfig would keep it off otherwise) and
// sets no ReadIdleTimeout, so the daemon's segment uploads are
// multiplexed over one connection per endpoint with no PING health check.
// During ALB maintenance a connection to the X-Ray endpoint could go bad
// without being closed; the daemon kept sending new requests on it, each
// timed out, and segments were lost. The STS role, the ECS and EC2
// metadata lookups of the region and the TCP proxy server's transport are
// left out.
package bad

import (
	"crypto/tls"
	"log"
	"net/http"
	"net/url"
	"os"
	"time"

	"example.com/realworld/h2health/xray/bad/aws"
	"example.com/realworld/h2health/xray/bad/xray"
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
		Proxy:               http.ProxyURL(proxyURL),
	}

	// A transport with its own TLSClientConfig does not speak HTTP/2
	// unless configured for it.
	http2.ConfigureTransport(transport)
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
