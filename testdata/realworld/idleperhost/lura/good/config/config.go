// Package config is the gateway's service configuration: the endpoints it
// serves and, for each, the backends it forwards to.
package config

// Backend is one upstream of an endpoint.
type Backend struct {
	Host       []string
	URLPattern string
	Method     string
}

// EndpointConfig is one endpoint the gateway serves.
type EndpointConfig struct {
	Endpoint string
	Backend  []*Backend
}

// DefaultMaxIdleConnsPerHost is used when the configuration sets no value.
const DefaultMaxIdleConnsPerHost = 250

// ServiceConfig is the whole service.
type ServiceConfig struct {
	Port      int
	Endpoints []*EndpointConfig

	MaxIdleConnsPerHost int
}

// Init fills in the defaults.
func (s *ServiceConfig) Init() {
	if s.MaxIdleConnsPerHost == 0 {
		s.MaxIdleConnsPerHost = DefaultMaxIdleConnsPerHost
	}
}
