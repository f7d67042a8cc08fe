// Package good is softlayer-go's HTTP client after PR #142: the body is
// read once and every attempt builds its own request over a new reader,
// and a reset connection is retried too.
package good

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httputil"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// HttpClient talks to the SoftLayer REST API.
type HttpClient struct {
	HTTPClient *http.Client

	username, password string
	useHttps           bool
	apiUrl             string
	nonVerbose         bool
}

// NewHttpClient returns a client over http.DefaultClient.
func NewHttpClient(username, password, apiUrl string, useHttps bool) *HttpClient {
	return &HttpClient{
		username:   username,
		password:   password,
		useHttps:   useHttps,
		apiUrl:     apiUrl,
		HTTPClient: http.DefaultClient,
		nonVerbose: os.Getenv("NON_VERBOSE") == "TRUE",
	}
}

func (slc *HttpClient) scheme() string {
	if !slc.useHttps {
		return "http"
	}
	return "https"
}

// DoRawHttpRequest sends requestBody to the API path with requestType.
func (slc *HttpClient) DoRawHttpRequest(path, requestType string, requestBody *bytes.Buffer) ([]byte, int, error) {
	url := fmt.Sprintf("%s://%s:%s@%s/%s", slc.scheme(), slc.username, slc.password, slc.apiUrl, path)
	return slc.makeHttpRequest(url, requestType, requestBody)
}

func (slc *HttpClient) makeHttpRequest(url, requestType string, requestBody *bytes.Buffer) ([]byte, int, error) {
	var (
		resp *http.Response
		bs   []byte
	)
	body, err := io.ReadAll(requestBody)
	if err != nil {
		return nil, 0, err
	}

	waitTime, err := strconv.Atoi(os.Getenv("SL_API_WAIT_TIME"))
	if err != nil || waitTime == 0 {
		waitTime = 1
	}
	retryCount, err := strconv.Atoi(os.Getenv("SL_API_RETRY_COUNT"))
	if err != nil || retryCount == 0 {
		retryCount = 3
	}

	for i := 1; i <= retryCount; i++ {
		req, err := http.NewRequest(requestType, url, bytes.NewReader(body))
		if err != nil {
			return nil, 0, err
		}
		bs, err = httputil.DumpRequest(req, true)
		if err != nil {
			return nil, 0, err
		}
		if !slc.nonVerbose {
			fmt.Fprintf(os.Stderr, "\n---\n[softlayer-go] Request:\n%s\n", hideCredentials(string(bs)))
		}

		resp, err = slc.HTTPClient.Do(req)
		if err != nil {
			fmt.Fprintf(os.Stderr, "[softlayer-go] Error: %s, retrying %d time(s)\n", err.Error(), i)
			if !strings.Contains(err.Error(), "i/o timeout") && !strings.Contains(err.Error(), "connection refused") && !strings.Contains(err.Error(), "connection reset by peer") || i >= retryCount {
				return nil, 520, err
			}
		} else {
			break
		}
		time.Sleep(time.Duration(waitTime) * time.Second)
	}
	defer resp.Body.Close()

	responseBody, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, resp.StatusCode, err
	}
	if resp.StatusCode >= 400 {
		if err := checkForErrors(responseBody); err != nil {
			return nil, resp.StatusCode, err
		}
	}
	return responseBody, resp.StatusCode, nil
}

func checkForErrors(data []byte) error {
	var decoded map[string]any
	if json.Unmarshal(data, &decoded) != nil {
		return nil
	}
	if msg, ok := decoded["error"].(string); ok {
		return errors.New(msg)
	}
	return nil
}

var passwordField = regexp.MustCompile(`"password":"[^"]*"`)

func hideCredentials(s string) string {
	return passwordField.ReplaceAllString(s, `"password":"******"`)
}
