// Package clientcredentials is a stand-in for
// golang.org/x/oauth2/clientcredentials: a Config whose TokenSource fetches
// tokens from TokenURL.
package clientcredentials

import (
	"context"

	"golang.org/x/oauth2"
)

// Config is the client-credentials flow's configuration.
type Config struct {
	ClientID, ClientSecret, TokenURL string
	Scopes                           []string
}

type source struct{ c *Config }

func (s source) Token() (*oauth2.Token, error) { return &oauth2.Token{AccessToken: s.c.ClientID}, nil }

// TokenSource returns a source of tokens for c.
func (c *Config) TokenSource(ctx context.Context) oauth2.TokenSource { return source{c} }
