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

// ServiceConfig is the whole service.
type ServiceConfig struct {
	Port      int
	Endpoints []*EndpointConfig
}
