// Package bad is the shape of gruntwork-io/terratest's http_helper before
// PR #365 (September 2019, the fix of issue #364). HTTPDoWithRetryE and
// HTTPDoWithValidationRetryE took the request body as an io.Reader and
// gave that same reader to every attempt that retry.DoWithRetryE makes:
// the first attempt's request reads it to the end, so when a test's POST
// got a 503 from a service still starting (or failed on the network) and
// was retried, every later attempt sent an empty body, or failed with
// "ContentLength=N with Body length 0". The fix takes the body as []byte
// and makes a new bytes.Reader inside the retried closure.
package bad

import (
	"crypto/tls"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"example.com/realworld/postretry/terratest/bad/retry"
)

// ValidationFunctionFailed is returned when an answer is not the one
// expected.
type ValidationFunctionFailed struct {
	URL    string
	Status int
	Body   string
}

func (err ValidationFunctionFailed) Error() string {
	return fmt.Sprintf("Validation failed for URL %s. Response status: %d. Response body:\n%s", err.URL, err.Status, err.Body)
}

// HttpGetE sends a GET, with an optional TLS configuration, and returns
// the status code and body.
func HttpGetE(t *testing.T, url string, tlsConfig *tls.Config) (int, string, error) {
	t.Logf("Making an HTTP GET call to URL %s", url)
	client := http.Client{
		// Go imposes no timeout by default.
		Timeout:   10 * time.Second,
		Transport: &http.Transport{TLSClientConfig: tlsConfig},
	}
	resp, err := client.Get(url)
	if err != nil {
		return -1, "", err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return -1, "", err
	}
	return resp.StatusCode, strings.TrimSpace(string(body)), nil
}

// HTTPDo sends method to url and returns the status code and body,
// failing the test on an error.
func HTTPDo(t *testing.T, method, url string, body io.Reader, headers map[string]string) (int, string) {
	status, respBody, err := HTTPDoE(t, method, url, body, headers)
	if err != nil {
		t.Fatal(err)
	}
	return status, respBody
}

// HTTPDoE sends method to url and returns the status code and body.
func HTTPDoE(t *testing.T, method, url string, body io.Reader, headers map[string]string) (int, string, error) {
	t.Logf("Making an HTTP %s call to URL %s", method, url)
	client := http.Client{
		// Go imposes no timeout by default.
		Timeout: 10 * time.Second,
	}
	req := newRequest(method, url, body, headers)
	resp, err := client.Do(req)
	if err != nil {
		return -1, "", err
	}
	defer resp.Body.Close()
	respBody, err := io.ReadAll(resp.Body)
	if err != nil {
		return -1, "", err
	}
	return resp.StatusCode, strings.TrimSpace(string(respBody)), nil
}

// HTTPDoWithRetry sends method to url until it gets expectedStatus, up to
// retries more times, and fails the test if it never does.
func HTTPDoWithRetry(t *testing.T, method, url string, body io.Reader, headers map[string]string, expectedStatus, retries int, sleepBetweenRetries time.Duration) string {
	out, err := HTTPDoWithRetryE(t, method, url, body, headers, expectedStatus, retries, sleepBetweenRetries)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// HTTPDoWithRetryE sends method to url until it gets expectedStatus, up to
// retries more times.
func HTTPDoWithRetryE(t *testing.T, method, url string, body io.Reader, headers map[string]string, expectedStatus, retries int, sleepBetweenRetries time.Duration) (string, error) {
	return retry.DoWithRetryE(t, fmt.Sprintf("HTTP %s to URL %s", method, url), retries, sleepBetweenRetries, func() (string, error) {
		status, out, err := HTTPDoE(t, method, url, body, headers)
		if err != nil {
			return "", err
		}
		t.Logf("output: %v", out)
		if status != expectedStatus {
			return "", ValidationFunctionFailed{URL: url, Status: status}
		}
		return out, nil
	})
}

// HTTPDoWithValidationRetry sends method to url until it gets the expected
// status and body, and fails the test if it never does.
func HTTPDoWithValidationRetry(t *testing.T, method, url string, body io.Reader, headers map[string]string, expectedStatus int, expectedBody string, retries int, sleepBetweenRetries time.Duration) {
	if err := HTTPDoWithValidationRetryE(t, method, url, body, headers, expectedStatus, expectedBody, retries, sleepBetweenRetries); err != nil {
		t.Fatal(err)
	}
}

// HTTPDoWithValidationRetryE sends method to url until it gets the
// expected status and body.
func HTTPDoWithValidationRetryE(t *testing.T, method, url string, body io.Reader, headers map[string]string, expectedStatus int, expectedBody string, retries int, sleepBetweenRetries time.Duration) error {
	_, err := retry.DoWithRetryE(t, fmt.Sprintf("HTTP %s to URL %s", method, url), retries, sleepBetweenRetries, func() (string, error) {
		return "", HTTPDoWithValidationE(t, method, url, body, headers, expectedStatus, expectedBody)
	})
	return err
}

// HTTPDoWithValidationE sends method to url and checks the status and
// body.
func HTTPDoWithValidationE(t *testing.T, method, url string, body io.Reader, headers map[string]string, expectedStatus int, expectedBody string) error {
	return HTTPDoWithCustomValidationE(t, method, url, body, headers, func(status int, respBody string) bool {
		return status == expectedStatus && respBody == expectedBody
	})
}

// HTTPDoWithCustomValidationE sends method to url and checks the answer
// with validateResponse.
func HTTPDoWithCustomValidationE(t *testing.T, method, url string, body io.Reader, headers map[string]string, validateResponse func(int, string) bool) error {
	status, respBody, err := HTTPDoE(t, method, url, body, headers)
	if err != nil {
		return err
	}
	if !validateResponse(status, respBody) {
		return ValidationFunctionFailed{URL: url, Status: status, Body: respBody}
	}
	return nil
}

func newRequest(method, url string, body io.Reader, headers map[string]string) *http.Request {
	req, err := http.NewRequest(method, url, body)
	if err != nil {
		return nil
	}
	for k, v := range headers {
		req.Header.Add(k, v)
	}
	return req
}
