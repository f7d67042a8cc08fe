// Package good is the outpost after PR #3996: the flow executor wraps the
// transport of the outpost's API client, made once with the outpost,
// instead of a new one per flow.
package good

import (
	"context"
	"crypto/tls"
	"net/http"
	"net/http/cookiejar"
	"net/url"
)

// GetTLSTransport returns a transport honouring the outpost's TLS
// settings.
func GetTLSTransport(insecure bool) http.RoundTripper {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.TLSClientConfig = &tls.Config{InsecureSkipVerify: insecure}
	return tr
}

type userAgentTransport struct {
	inner http.RoundTripper
	ua    string
}

func (t userAgentTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	r.Header.Set("User-Agent", t.ua)
	return t.inner.RoundTrip(r)
}

// FlowExecutor runs one flow against the authentik server.
type FlowExecutor struct {
	server string
	client *http.Client
}

// NewFlowExecutor returns an executor of flowSlug for one user's login.
func NewFlowExecutor(ctx context.Context, server, flowSlug string, api *http.Client) *FlowExecutor {
	jar, _ := cookiejar.New(nil)
	transport := userAgentTransport{inner: api.Transport, ua: "goauthentik.io/outpost"}
	return &FlowExecutor{
		server: server + "/api/v3/flows/executor/" + url.PathEscape(flowSlug) + "/",
		client: &http.Client{Jar: jar, Transport: transport},
	}
}

// Execute runs the flow's first stage and reports whether it passed.
func (fe *FlowExecutor) Execute(ctx context.Context) (bool, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, fe.server, nil)
	if err != nil {
		return false, err
	}
	resp, err := fe.client.Do(req)
	if err != nil {
		return false, err
	}
	defer resp.Body.Close()
	return resp.StatusCode == http.StatusOK, nil
}

// Outpost serves logins.
type Outpost struct {
	Server string
	api    *http.Client
}

// NewOutpost returns an outpost of server with its API client.
func NewOutpost(server string, insecure bool) *Outpost {
	return &Outpost{Server: server, api: &http.Client{Transport: GetTLSTransport(insecure)}}
}

// ServeHTTP runs the authentication flow for the request's user.
func (o *Outpost) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	fe := NewFlowExecutor(r.Context(), o.Server, "default-authentication-flow", o.api)
	ok, err := fe.Execute(r.Context())
	if err != nil || !ok {
		http.Error(w, "authentication failed", http.StatusUnauthorized)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
