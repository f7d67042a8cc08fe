// Package bad is the shape of goauthentik/authentik's Go outpost before
// PR #3996 (issue #3995): every flow the outpost runs for a user (a
// login through the proxy or LDAP outpost) makes a FlowExecutor, and
// NewFlowExecutor wraps GetTLSTransport, which returns a new
// http.Transport on each call, in the user-agent and tracing
// round-trippers; each login's connections to the authentik server were
// left in a pool of their own.
package bad

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
func NewFlowExecutor(ctx context.Context, server, flowSlug string, insecure bool) *FlowExecutor {
	jar, _ := cookiejar.New(nil)
	transport := userAgentTransport{inner: GetTLSTransport(insecure), ua: "goauthentik.io/outpost"}
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
	Server   string
	Insecure bool
}

// ServeHTTP runs the authentication flow for the request's user.
func (o *Outpost) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	fe := NewFlowExecutor(r.Context(), o.Server, "default-authentication-flow", o.Insecure)
	ok, err := fe.Execute(r.Context())
	if err != nil || !ok {
		http.Error(w, "authentication failed", http.StatusUnauthorized)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
