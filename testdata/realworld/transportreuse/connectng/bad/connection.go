// Package bad is the shape of SUSE/connect-ng's SCC client before PR #42
// (commit 27b2857, "Fix callHTTP() so connections are reused"): every API
// call goes through callHTTP, which builds a new http.Transport (the TLS
// setting and a proxy function that adds curlrc credentials) and a client
// around it, sends one request to the registration server and drops both.
// Registering a product tree or deregistering a system makes one call per
// product, so each of them dials and handshakes anew, and every dropped
// transport keeps its connection idle until the process exits.
package bad

import (
	"bytes"
	"crypto/tls"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
)

// Config is the client's configuration, read from SUSEConnect's file.
type Config struct {
	BaseURL  string
	Insecure bool
	Token    string
	Email    string
	Login    string
	Password string
}

// CFG is the configuration in use.
var CFG = Config{BaseURL: "https://scc.suse.com"}

// APIError is an error answer of the server.
type APIError struct {
	Code    int
	Message string
}

func (e APIError) Error() string { return fmt.Sprintf("API error %d: %s", e.Code, e.Message) }

type authType int

const (
	authNone authType = iota
	authSystem
	authToken
)

// errorMessage returns the "error" member of an error answer.
func errorMessage(body io.Reader) string {
	var m map[string]any
	if err := json.NewDecoder(body).Decode(&m); err == nil {
		if s, ok := m["error"].(string); ok {
			return s
		}
	}
	return ""
}

func setAuth(req *http.Request, auth authType) {
	switch auth {
	case authSystem:
		req.SetBasicAuth(CFG.Login, CFG.Password)
	case authToken:
		req.Header.Add("Authorization", "Token token="+CFG.Token)
	}
}

// proxyWithAuth is the proxy from the environment, with the user and
// password of ~/.curlrc when there is one.
func proxyWithAuth(req *http.Request) (*url.URL, error) {
	u, err := http.ProxyFromEnvironment(req)
	if u == nil || err != nil {
		return u, err
	}
	if user, pass, ok := curlrcCredentials(); ok {
		u.User = url.UserPassword(user, pass)
	}
	return u, nil
}

func curlrcCredentials() (string, string, bool) {
	user, pass := os.Getenv("CURLRC_USER"), os.Getenv("CURLRC_PASSWORD")
	return user, pass, user != ""
}

// callHTTP sends one request to the server and returns its body.
func callHTTP(verb, path string, body []byte, query map[string]string, auth authType) ([]byte, error) {
	tr := &http.Transport{
		TLSClientConfig: &tls.Config{InsecureSkipVerify: CFG.Insecure},
		Proxy:           proxyWithAuth,
	}
	client := &http.Client{Transport: tr}

	req, err := http.NewRequest(verb, CFG.BaseURL, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.URL.Path = path
	setAuth(req, auth)
	req.Header.Add("Content-Type", "application/json")
	req.Header.Add("Accept", "application/json,application/vnd.scc.suse.com.v4+json")
	values := req.URL.Query()
	for k, v := range query {
		values.Add(k, v)
	}
	req.URL.RawQuery = values.Encode()

	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, APIError{Code: resp.StatusCode, Message: errorMessage(resp.Body)}
	}
	return io.ReadAll(resp.Body)
}
