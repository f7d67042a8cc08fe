// Package good is connect-ng's client after PR #42 (commit 27b2857):
// callHTTP makes its transport and client on the first call only and
// keeps them in a package variable, so the calls of one run share a pool.
package good

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

// httpclient is the client of every call, made by the first one.
var httpclient *http.Client

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
	if httpclient == nil {
		tr := &http.Transport{
			TLSClientConfig: &tls.Config{InsecureSkipVerify: CFG.Insecure},
			Proxy:           proxyWithAuth,
		}
		httpclient = &http.Client{Transport: tr}
	}

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

	resp, err := httpclient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, APIError{Code: resp.StatusCode, Message: errorMessage(resp.Body)}
	}
	return io.ReadAll(resp.Body)
}
