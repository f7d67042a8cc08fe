// Package good is go-github's Client.Do after PR #317: the deferred
// function drains what is left of the body before closing it, so the
// connection is reused by the next call.
package good

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"sync"
)

const (
	defaultBaseURL      = "https://api.github.com/"
	mediaTypeV3         = "application/vnd.github.v3+json"
	headerRateRemaining = "X-RateLimit-Remaining"
)

// Client manages communication with the GitHub API.
type Client struct {
	client    *http.Client
	BaseURL   *url.URL
	UserAgent string

	rateMu sync.Mutex
	rate   Rate

	Repositories *RepositoriesService
}

type service struct {
	client *Client
}

// Rate is the API rate limit of the client.
type Rate struct {
	Remaining int
}

// Response wraps the http.Response with the rate of this call.
type Response struct {
	*http.Response
	Rate Rate
}

// NewClient returns a new GitHub API client.
func NewClient(httpClient *http.Client) *Client {
	if httpClient == nil {
		httpClient = http.DefaultClient
	}
	baseURL, _ := url.Parse(defaultBaseURL)
	c := &Client{client: httpClient, BaseURL: baseURL}
	c.Repositories = &RepositoriesService{client: c}
	return c
}

// NewRequest creates an API request with a JSON-encoded body.
func (c *Client) NewRequest(method, urlStr string, body any) (*http.Request, error) {
	rel, err := url.Parse(urlStr)
	if err != nil {
		return nil, err
	}
	u := c.BaseURL.ResolveReference(rel)

	var buf io.ReadWriter
	if body != nil {
		buf = new(bytes.Buffer)
		if err := json.NewEncoder(buf).Encode(body); err != nil {
			return nil, err
		}
	}
	req, err := http.NewRequest(method, u.String(), buf)
	if err != nil {
		return nil, err
	}
	req.Header.Add("Accept", mediaTypeV3)
	if c.UserAgent != "" {
		req.Header.Add("User-Agent", c.UserAgent)
	}
	return req, nil
}

func newResponse(r *http.Response) *Response {
	resp := &Response{Response: r}
	resp.Rate.Remaining, _ = strconv.Atoi(r.Header.Get(headerRateRemaining))
	return resp
}

// Do sends an API request and decodes the JSON response into v, or copies
// it to v if v is an io.Writer.
func (c *Client) Do(req *http.Request, v any) (*Response, error) {
	resp, err := c.client.Do(req)
	if err != nil {
		return nil, err
	}

	defer func() {
		// Drain and close the body to let the Transport reuse the connection
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}()

	response := newResponse(resp)

	c.rateMu.Lock()
	c.rate = response.Rate
	c.rateMu.Unlock()

	err = CheckResponse(resp)
	if err != nil {
		// the response is returned too, for the caller to inspect
		return response, err
	}

	if v != nil {
		if w, ok := v.(io.Writer); ok {
			io.Copy(w, resp.Body)
		} else {
			err = json.NewDecoder(resp.Body).Decode(v)
			if err == io.EOF {
				err = nil // an empty body
			}
		}
	}
	return response, err
}

// ErrorResponse is an error reported by the API.
type ErrorResponse struct {
	Response *http.Response
	Message  string `json:"message"`
}

func (r *ErrorResponse) Error() string {
	return fmt.Sprintf("%v %v: %d %v", r.Response.Request.Method, r.Response.Request.URL, r.Response.StatusCode, r.Message)
}

// CheckResponse reads an error response's body into an ErrorResponse.
func CheckResponse(r *http.Response) error {
	if c := r.StatusCode; 200 <= c && c <= 299 {
		return nil
	}
	errorResponse := &ErrorResponse{Response: r}
	data, err := io.ReadAll(r.Body)
	if err == nil && data != nil {
		json.Unmarshal(data, errorResponse)
	}
	return errorResponse
}

// RepositoriesService handles the repository part of the API.
type RepositoriesService service

// Repository is a GitHub repository.
type Repository struct {
	ID       *int    `json:"id,omitempty"`
	FullName *string `json:"full_name,omitempty"`
}

// Get fetches a repository.
func (s *RepositoriesService) Get(owner, repo string) (*Repository, *Response, error) {
	u := fmt.Sprintf("repos/%v/%v", owner, repo)
	req, err := s.client.NewRequest("GET", u, nil)
	if err != nil {
		return nil, nil, err
	}
	repository := new(Repository)
	resp, err := s.client.Do(req, repository)
	if err != nil {
		return nil, resp, err
	}
	return repository, resp, err
}
