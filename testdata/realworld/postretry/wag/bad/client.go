package bad

import (
	"bytes"
	"context"
	"crypto/md5"
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"github.com/afex/hystrix-go/hystrix"
)

// Book is a book of the sample service.
type Book struct {
	ID     int64  `json:"id,omitempty"`
	Name   string `json:"name,omitempty"`
	Author string `json:"author,omitempty"`
}

// Error is an error answer of the service.
type Error struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

func (e *Error) Error() string { return fmt.Sprintf("%d: %s", e.Code, e.Message) }

// WagClient is used to make requests to the swagger-test service.
type WagClient struct {
	basePath    string
	requestDoer doer
	transport   *http.Transport
	// Keep the retry doer around so that we can set the retry policy
	retryDoer *retryDoer
	// Keep the circuit doer around so that we can turn it on / off
	circuitDoer    *circuitBreakerDoer
	defaultTimeout time.Duration
}

func shortHash(s string) string {
	return fmt.Sprintf("%x", md5.Sum([]byte(s)))[0:6]
}

// New creates a new client for the service at basePath.
func New(basePath string) *WagClient {
	base := baseDoer{}
	tracing := tracingDoer{d: base}
	retry := retryDoer{d: tracing, retryPolicy: SingleRetryPolicy{}}
	circuit := &circuitBreakerDoer{
		d:           &retry,
		debug:       true,
		circuitName: fmt.Sprintf("swagger-test-%s", shortHash(basePath)),
	}
	client := &WagClient{requestDoer: circuit, retryDoer: &retry, circuitDoer: circuit, defaultTimeout: 10 * time.Second,
		transport: &http.Transport{}, basePath: basePath}
	hystrix.ConfigureCommand(circuit.circuitName, hystrix.CommandConfig{Timeout: 100 * 1000, MaxConcurrentRequests: 100, RequestVolumeThreshold: 20, SleepWindow: 5000, ErrorPercentThreshold: 90})
	return client
}

// SetRetryPolicy sets the retry policy for all requests.
func (c *WagClient) SetRetryPolicy(retryPolicy RetryPolicy) {
	c.retryDoer.retryPolicy = retryPolicy
}

// SetCircuitBreakerDebug turns the circuit breaker's debug mode on or off.
func (c *WagClient) SetCircuitBreakerDebug(b bool) {
	c.circuitDoer.debug = b
}

// PutBook makes a PUT request to /books.
func (c *WagClient) PutBook(ctx context.Context, i *Book) (*Book, error) {
	headers := make(map[string]string)
	var body []byte
	path := c.basePath + "/v1/books"
	if i != nil {
		var err error
		if body, err = json.Marshal(i); err != nil {
			return nil, err
		}
	}
	req, err := http.NewRequest("PUT", path, bytes.NewBuffer(body))
	if err != nil {
		return nil, err
	}
	return c.doBookRequest(ctx, req, headers, "putBook")
}

// GetBookByID makes a GET request to /books/{book_id}.
func (c *WagClient) GetBookByID(ctx context.Context, id int64) (*Book, error) {
	req, err := http.NewRequest("GET", fmt.Sprintf("%s/v1/books/%d", c.basePath, id), nil)
	if err != nil {
		return nil, err
	}
	return c.doBookRequest(ctx, req, map[string]string{}, "getBookByID")
}

func (c *WagClient) doBookRequest(ctx context.Context, req *http.Request, headers map[string]string, opName string) (*Book, error) {
	client := &http.Client{Transport: c.transport}
	for field, value := range headers {
		req.Header.Set(field, value)
	}
	// Add the opname for doers like tracing
	ctx = context.WithValue(ctx, opNameCtx{}, opName)
	req = req.WithContext(ctx)
	// The timeout is not set in a doer: its cancel must wait until the
	// answer is read.
	if c.defaultTimeout != 0 {
		ctx, cancel := context.WithTimeout(req.Context(), c.defaultTimeout)
		defer cancel()
		req = req.WithContext(ctx)
	}
	resp, err := c.requestDoer.Do(client, req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	switch resp.StatusCode {
	case 200:
		var output Book
		if err := json.NewDecoder(resp.Body).Decode(&output); err != nil {
			return nil, err
		}
		return &output, nil
	case 400, 404, 500:
		var output Error
		if err := json.NewDecoder(resp.Body).Decode(&output); err != nil {
			return nil, err
		}
		return nil, &output
	default:
		return nil, &Error{Code: resp.StatusCode, Message: "Unknown response"}
	}
}
