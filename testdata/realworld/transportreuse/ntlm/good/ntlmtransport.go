// Package good is go-http-ntlm v2.0.0, the fix for issue #9: the NTLM
// transport sends through a RoundTripper it is given once and keeps
// (http.DefaultTransport when none is), so every request reuses one pool.
package good

import (
	"encoding/base64"
	"errors"
	"io"
	"net/http"
	"strings"
)

// NtlmTransport is an http.RoundTripper that authenticates with NTLM.
type NtlmTransport struct {
	http.RoundTripper
	Domain   string
	User     string
	Password string
}

// RoundTrip sends req and performs the NTLM authentication.
func (t NtlmTransport) RoundTrip(req *http.Request) (res *http.Response, err error) {
	// first send the NTLM Negotiate header
	r, _ := http.NewRequest("GET", req.URL.String(), strings.NewReader(""))
	r.Header.Add("Authorization", "NTLM "+base64.StdEncoding.EncodeToString(negotiate()))

	rt := t.RoundTripper
	if rt == nil {
		rt = http.DefaultTransport
	}
	client := http.Client{Transport: rt}

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
