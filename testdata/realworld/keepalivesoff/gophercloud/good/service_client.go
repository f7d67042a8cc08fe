package good

import "net/http"

// ServiceClient is a client of one OpenStack service's endpoint.
type ServiceClient struct {
	*ProviderClient
	Endpoint string
}

// ServiceURL is the endpoint joined with parts.
func (client *ServiceClient) ServiceURL(parts ...string) string {
	u := client.Endpoint
	for _, p := range parts {
		u += p + "/"
	}
	return u[:len(u)-1]
}

func (client *ServiceClient) initReqOpts(JSONBody, JSONResponse any, opts *RequestOpts) {
	if JSONBody != nil {
		opts.JSONBody = JSONBody
	}
	if JSONResponse != nil {
		opts.JSONResponse = JSONResponse
	}
}

// Get calls GET on url.
func (client *ServiceClient) Get(url string, JSONResponse any, opts *RequestOpts) (*http.Response, error) {
	if opts == nil {
		opts = new(RequestOpts)
	}
	client.initReqOpts(nil, JSONResponse, opts)
	return client.Request("GET", url, opts)
}

// Post calls POST on url.
func (client *ServiceClient) Post(url string, JSONBody, JSONResponse any, opts *RequestOpts) (*http.Response, error) {
	if opts == nil {
		opts = new(RequestOpts)
	}
	client.initReqOpts(JSONBody, JSONResponse, opts)
	return client.Request("POST", url, opts)
}

// Delete calls DELETE on url.
func (client *ServiceClient) Delete(url string, opts *RequestOpts) (*http.Response, error) {
	if opts == nil {
		opts = new(RequestOpts)
	}
	client.initReqOpts(nil, nil, opts)
	return client.Request("DELETE", url, opts)
}
