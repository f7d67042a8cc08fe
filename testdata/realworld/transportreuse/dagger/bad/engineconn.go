// Package bad is the shape of dagger/dagger's Go SDK engine connection
// before PR #4960: the client that defaultHTTPClient returns wraps a
// RoundTripperFunc that makes a new http.Transport for every GraphQL
// request, dialling the session's local port. Each query leaves a pool
// with its idle connection and two goroutines behind, which is the
// goroutine leak the PR fixed.
package bad

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"strconv"
)

// EngineConn is a connection to the engine's GraphQL API.
type EngineConn interface {
	Do(*http.Request) (*http.Response, error)
	Host() string
	Close() error
}

// ConnectParams is how a session is reached.
type ConnectParams struct {
	Port         int    `json:"port"`
	SessionToken string `json:"session_token"`
}

// Get connects to the session named by the environment.
func Get(ctx context.Context) (EngineConn, error) {
	conn, ok, err := FromSessionEnv()
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, errors.New("DAGGER_SESSION_PORT is not set")
	}
	return conn, nil
}

func defaultHTTPClient(p *ConnectParams) *http.Client {
	return &http.Client{
		Transport: RoundTripperFunc(func(r *http.Request) (*http.Response, error) {
			r.SetBasicAuth(p.SessionToken, "")
			return (&http.Transport{
				DialContext: func(_ context.Context, _, _ string) (net.Conn, error) {
					return net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", p.Port))
				},
			}).RoundTrip(r)
		}),
	}
}

// RoundTripperFunc is a function used as a RoundTripper.
type RoundTripperFunc func(*http.Request) (*http.Response, error)

func (f RoundTripperFunc) RoundTrip(r *http.Request) (*http.Response, error) {
	return f(r)
}

// FromSessionEnv connects to the session in DAGGER_SESSION_PORT.
func FromSessionEnv() (EngineConn, bool, error) {
	portStr, ok := os.LookupEnv("DAGGER_SESSION_PORT")
	if !ok {
		return nil, false, nil
	}
	port, err := strconv.Atoi(portStr)
	if err != nil {
		return nil, false, fmt.Errorf("invalid port in DAGGER_SESSION_PORT: %w", err)
	}
	token := os.Getenv("DAGGER_SESSION_TOKEN")
	if token == "" {
		return nil, false, errors.New("DAGGER_SESSION_TOKEN must be set when using DAGGER_SESSION_PORT")
	}
	httpClient := defaultHTTPClient(&ConnectParams{Port: port, SessionToken: token})
	return &sessionEnvConn{Client: httpClient, host: fmt.Sprintf("127.0.0.1:%d", port)}, true, nil
}

type sessionEnvConn struct {
	*http.Client
	host string
}

func (c *sessionEnvConn) Host() string { return c.host }

func (c *sessionEnvConn) Close() error { return nil }
