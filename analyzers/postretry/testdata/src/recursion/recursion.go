// Package recursion retries by recursion: a helper that calls itself on
// the send's error path, with its retry counter stepped, sends again
// (Symantec/cloud-gate#37). Conditions on the error's text may let a
// stale connection's error through, or may not.
package recursion

import (
	"errors"
	"net/http"
	"net/url"
	"strings"
)

type Server struct {
	c *http.Client
}

// Retried when the text contains "unexpected EOF": a Client's error on a
// connection the server closed is `Post "...": unexpected EOF` or `: EOF`.
func (s *Server) post(u string, data url.Values, retries int) error {
	if retries <= 0 {
		return errors.New("too many retries")
	}
	resp, err := s.c.PostForm(u, data)
	if err != nil {
		if strings.Contains(err.Error(), "unexpected EOF") {
			return s.post(u, data, retries-1)
		}
		return err
	}
	return resp.Body.Close()
}

func (s *Server) Login(u string, data url.Values) error { return s.post(u, data, 3) }

// The combined condition, the counter counting up.
func (s *Server) postUp(u string, data url.Values, attempt int) error {
	resp, err := s.c.PostForm(u, data)
	if err != nil && strings.HasSuffix(err.Error(), "EOF") && attempt < 3 {
		return s.postUp(u, data, attempt+1)
	}
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (s *Server) Register(u string, data url.Values) error { return s.postUp(u, data, 0) }

// The bad twin: the text can only end with "i/o timeout" for a timeout,
// never for a stale connection, whose error ends with EOF or a reset.
func (s *Server) postTimeout(u string, data url.Values, retries int) error {
	resp, err := s.c.PostForm(u, data) // want `POST via Client\.PostForm is not retried`
	if err != nil {
		if strings.HasSuffix(err.Error(), "i/o timeout") && retries > 0 {
			return s.postTimeout(u, data, retries-1)
		}
		return err
	}
	return resp.Body.Close()
}

func (s *Server) Logout(u string, data url.Values) error { return s.postTimeout(u, data, 3) }

// The bad twin: the text of a Client's error is never just "EOF" (it
// starts with the method and URL).
func (s *Server) postExact(u string, data url.Values, retries int) error {
	resp, err := s.c.PostForm(u, data) // want `POST via Client\.PostForm is not retried`
	if err != nil {
		if err.Error() == "EOF" && retries > 0 {
			return s.postExact(u, data, retries-1)
		}
		return err
	}
	return resp.Body.Close()
}

func (s *Server) Refresh(u string, data url.Values) error { return s.postExact(u, data, 3) }

// The bad twin: calling itself with another URL on failure sends another
// request, not this one again.
func (s *Server) postFallback(u, fallback string, data url.Values) error {
	resp, err := s.c.PostForm(u, data) // want `POST via Client\.PostForm is not retried`
	if err != nil {
		if fallback == "" {
			return err
		}
		return s.postFallback(fallback, "", data)
	}
	return resp.Body.Close()
}

func (s *Server) Revoke(u, fallback string, data url.Values) error {
	return s.postFallback(u, fallback, data)
}
