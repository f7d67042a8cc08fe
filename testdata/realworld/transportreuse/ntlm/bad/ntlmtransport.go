// Package bad is the shape of vadimi/go-http-ntlm before the fix for issue
// #9 (released in v2.0.0): NtlmTransport.RoundTrip, run for every request,
// builds a new http.Client with a new http.Transport for the NTLM
// handshake and the request itself, so each request leaves a pool of
// keep-alive connections behind and the program runs out of descriptors.
package bad

import (
	"crypto/tls"
	"encoding/base64"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"time"
)

// NtlmTransport is an http.RoundTripper that authenticates with NTLM.
type NtlmTransport struct {
	TLSClientConfig *tls.Config
	Domain          string
	User            string
	Password        string
}

// RoundTrip sends req and performs the NTLM authentication.
func (t NtlmTransport) RoundTrip(req *http.Request) (res *http.Response, err error) {
	// first send the NTLM Negotiate header
	r, _ := http.NewRequest("GET", req.URL.String(), strings.NewReader(""))
	r.Header.Add("Authorization", "NTLM "+base64.StdEncoding.EncodeToString(negotiate()))

	client := http.Client{Transport: &http.Transport{
		Proxy: http.ProxyFromEnvironment,
		DialContext: (&net.Dialer{
			Timeout:   30 * time.Second,
			KeepAlive: 30 * time.Second,
		}).DialContext,
		MaxIdleConns:          100,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ExpectContinueTimeout: 1 * time.Second,
		TLSClientConfig:       t.TLSClientConfig,
	}}

	resp, err := client.Do(r)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode == http.StatusUnauthorized {
		// the handshake must go on over the same connection: read the
		// body to the end and close it
		if _, err = io.Copy(io.Discard, resp.Body); err != nil {
			return nil, err
		}
		if err = resp.Body.Close(); err != nil {
			return nil, err
		}
		challenge := strings.TrimPrefix(resp.Header.Get("WWW-Authenticate"), "NTLM ")
		if challenge == "" {
			return nil, errors.New("Wrong WWW-Authenticate header")
		}
		auth, err := authenticate(challenge, t.User, t.Password, t.Domain)
		if err != nil {
			return nil, err
		}
		req.Header.Set("Authorization", "NTLM "+base64.StdEncoding.EncodeToString(auth))
		resp, err = client.Do(req)
	}
	return resp, err
}

func negotiate() []byte { return []byte("NTLMSSP\x00\x01") }

func authenticate(challenge, user, password, domain string) ([]byte, error) {
	c, err := base64.StdEncoding.DecodeString(challenge)
	if err != nil {
		return nil, err
	}
	return append(c, []byte(domain+`\`+user+":"+password)...), nil
}
