// Package bad is the shape of TencentAd/marketing-api-go-sdk before PR #5
// (commit 9b27a9ab): NewAPIClient fills a configuration without a client
// with http.DefaultClient itself, and Init then installs the SDK client
// (its auth, header, host-rewriting and logging middlewares) as that
// client's Transport. From the first Init on, every request of the process
// that goes through http.DefaultClient or http.Get is signed with the
// advertiser's access token and rewritten to the ads API host.
package bad

import (
	"context"
	"net/http"
	"strconv"
	"time"
)

// Configuration is the API client's configuration.
type Configuration struct {
	BasePath   string
	Host       string
	Scheme     string
	HTTPClient *http.Client
}

// SDKConfig is the SDK's configuration.
type SDKConfig struct {
	Configuration
	AccessToken string
	IsDebug     bool
}

// APIClient sends API requests.
type APIClient struct {
	Cfg *Configuration
}

// NewAPIClient returns a client of cfg.
func NewAPIClient(cfg *Configuration) *APIClient {
	if cfg.HTTPClient == nil {
		cfg.HTTPClient = http.DefaultClient
	}
	return &APIClient{Cfg: cfg}
}

func (c *APIClient) callAPI(request *http.Request) (*http.Response, error) {
	return c.Cfg.HTTPClient.Do(request)
}

// Middleware changes a request on its way out.
type Middleware interface {
	Handle(req *http.Request) error
}

type authMiddleware struct{ tads *SDKClient }

func (m *authMiddleware) Handle(req *http.Request) error {
	q := req.URL.Query()
	q.Set("access_token", m.tads.Config.AccessToken)
	q.Set("timestamp", strconv.FormatInt(time.Now().Unix(), 10))
	req.URL.RawQuery = q.Encode()
	return nil
}

type hostMiddleware struct{ tads *SDKClient }

func (m *hostMiddleware) Handle(req *http.Request) error {
	req.URL.Host = m.tads.Client.Cfg.Host
	req.Host = m.tads.Client.Cfg.Host
	return nil
}

// SDKClient is the SDK: an API client whose transport runs the
// middlewares.
type SDKClient struct {
	http.RoundTripper
	Config         *SDKConfig
	Client         *APIClient
	Ctx            context.Context
	ApiVersion     string
	middlewareList []Middleware
}

// Init returns an SDK client of cfg.
func Init(cfg *SDKConfig) *SDKClient {
	client := NewAPIClient(&cfg.Configuration)
	sdkClient := &SDKClient{
		Config:       cfg,
		Ctx:          context.Background(),
		Client:       client,
		RoundTripper: http.DefaultTransport,
		ApiVersion:   "v1.3",
	}
	sdkClient.Client.Cfg.HTTPClient.Transport = sdkClient
	sdkClient.UseSandbox()
	sdkClient.middlewareList = []Middleware{
		&authMiddleware{sdkClient},
		&hostMiddleware{sdkClient},
	}
	return sdkClient
}

// RoundTrip runs the middlewares and sends the request.
func (tads *SDKClient) RoundTrip(req *http.Request) (*http.Response, error) {
	req = req.Clone(req.Context())
	for _, m := range tads.middlewareList {
		if err := m.Handle(req); err != nil {
			return nil, err
		}
	}
	return tads.RoundTripper.RoundTrip(req)
}

// SetHost points the client at host.
func (tads *SDKClient) SetHost(host, schema string) *SDKClient {
	tads.Client.Cfg.Host = host
	tads.Client.Cfg.Scheme = schema
	tads.Client.Cfg.BasePath = schema + "://" + host + "/" + tads.ApiVersion
	return tads
}

// UseSandbox points the client at the sandbox.
func (tads *SDKClient) UseSandbox() *SDKClient {
	return tads.SetHost("sandbox-api.e.qq.com", "https")
}

// UseProduction points the client at production.
func (tads *SDKClient) UseProduction() *SDKClient {
	return tads.SetHost("api.e.qq.com", "https")
}

// Get sends a GET of path with the SDK's client.
func (tads *SDKClient) Get(path string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(tads.Ctx, http.MethodGet, tads.Client.Cfg.BasePath+path, nil)
	if err != nil {
		return nil, err
	}
	return tads.Client.callAPI(req)
}
