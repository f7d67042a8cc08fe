// Package bad is the shape of Symantec/cloud-gate's OpenID Connect broker
// before PR #37: the OAuth2 callback exchanges the code for a token and
// fetches the user info with form POSTs through the server's shared
// client, and a POST that lands on a keep-alive connection the provider
// has just closed fails with "unexpected EOF" (net/http does not retry a
// POST itself), failing the user's login.
package bad

import (
	"encoding/json"
	"errors"
	"io"
	"log"
	"net/http"
	"net/url"
	"time"
)

// OpenIDConfig is the broker's identity provider configuration.
type OpenIDConfig struct {
	TokenURL     string
	UserinfoURL  string
	ClientID     string
	ClientSecret string
}

// Server is the broker's web server.
type Server struct {
	openID    OpenIDConfig
	netClient *http.Client
	logger    *log.Logger
}

// NewServer creates the broker's server.
func NewServer(cfg OpenIDConfig, logger *log.Logger) *Server {
	return &Server{openID: cfg, logger: logger, netClient: &http.Client{Timeout: 15 * time.Second}}
}

func (s *Server) getBytesFromSuccessfullPost(url string, data url.Values) ([]byte, error) {
	response, err := s.netClient.PostForm(url, data)
	if err != nil {
		s.logger.Printf("client post error err: %s", err)
		return nil, err
	}
	defer response.Body.Close()
	body, err := io.ReadAll(response.Body)
	if err != nil {
		return nil, err
	}
	if response.StatusCode >= 300 {
		s.logger.Print(string(body))
		return nil, errors.New("invalid status code")
	}
	return body, nil
}

// oauth2RedirectPathHandler finishes the login: it exchanges the code for
// an access token and reads the user's name.
func (s *Server) oauth2RedirectPathHandler(w http.ResponseWriter, r *http.Request) {
	code := r.URL.Query().Get("code")
	if code == "" {
		http.Error(w, "null code", http.StatusUnauthorized)
		return
	}
	tokenBody, err := s.getBytesFromSuccessfullPost(s.openID.TokenURL, url.Values{
		"code":          {code},
		"grant_type":    {"authorization_code"},
		"client_id":     {s.openID.ClientID},
		"client_secret": {s.openID.ClientSecret},
	})
	if err != nil {
		http.Error(w, "bad transaction with openid provider", http.StatusInternalServerError)
		return
	}
	var token struct {
		AccessToken string `json:"access_token"`
	}
	if err := json.Unmarshal(tokenBody, &token); err != nil || token.AccessToken == "" {
		http.Error(w, "cannot decode token response", http.StatusInternalServerError)
		return
	}
	userBody, err := s.getBytesFromSuccessfullPost(s.openID.UserinfoURL, url.Values{"access_token": {token.AccessToken}})
	if err != nil {
		http.Error(w, "bad transaction with openid provider", http.StatusInternalServerError)
		return
	}
	var user struct {
		Email string `json:"email"`
	}
	if err := json.Unmarshal(userBody, &user); err != nil {
		http.Error(w, "cannot decode user info", http.StatusInternalServerError)
		return
	}
	w.Write([]byte("welcome " + user.Email))
}

// Mux returns the broker's routes.
func (s *Server) Mux() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("/auth/oauth2/callback", s.oauth2RedirectPathHandler)
	return mux
}
