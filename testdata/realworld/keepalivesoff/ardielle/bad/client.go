// Package bad is the shape of the Go clients ardielle/ardielle-tools
// generated from RDL before PR #31: each call makes a new http.Client
// around the caller's (or the default) transport and marks its request
// Close, "to avoid leaking fds as a new client is created", though the
// connections belong to the shared transport, which could have pooled
// them; every call to the service pays a new TCP and TLS handshake.
package bad

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

// ZooClient is a generated client of the Zoo service.
type ZooClient struct {
	URL         string
	Transport   http.RoundTripper
	CredsHeader *string
	CredsToken  *string
	Timeout     time.Duration
}

// NewClient creates a client of the Zoo service.
func NewClient(url string, transport http.RoundTripper) ZooClient {
	return ZooClient{URL: url, Transport: transport}
}

func (client ZooClient) getClient() *http.Client {
	var c *http.Client
	if client.Transport != nil {
		c = &http.Client{Transport: client.Transport}
	} else {
		c = &http.Client{}
	}
	if client.Timeout > 0 {
		c.Timeout = client.Timeout
	}
	return c
}

func (client ZooClient) addAuthHeader(req *http.Request) {
	if client.CredsHeader != nil && client.CredsToken != nil {
		if strings.HasPrefix(*client.CredsHeader, "Cookie.") {
			req.Header.Add("Cookie", (*client.CredsHeader)[7:]+"="+*client.CredsToken)
		} else {
			req.Header.Add(*client.CredsHeader, *client.CredsToken)
		}
	}
}

func (client ZooClient) httpGet(url string, headers map[string]string) (*http.Response, error) {
	hclient := client.getClient()
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		return nil, err
	}
	req.Close = true // a new client is created each time: don't leak its fds
	client.addAuthHeader(req)
	for k, v := range headers {
		req.Header.Add(k, v)
	}
	return hclient.Do(req)
}

func (client ZooClient) httpPut(url string, headers map[string]string, body []byte) (*http.Response, error) {
	hclient := client.getClient()
	req, err := http.NewRequest("PUT", url, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Close = true // a new client is created each time: don't leak its fds
	req.Header.Add("Content-type", "application/json")
	client.addAuthHeader(req)
	for k, v := range headers {
		req.Header.Add(k, v)
	}
	return hclient.Do(req)
}

// Animal is a resource of the service.
type Animal struct {
	Name    string `json:"name"`
	Species string `json:"species"`
}

// ResourceError is the error a call returns for an unexpected status.
type ResourceError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

func (e ResourceError) Error() string { return fmt.Sprintf("%d %s", e.Code, e.Message) }

func resourceError(status int, contentBytes []byte) error {
	var errobj ResourceError
	json.Unmarshal(contentBytes, &errobj)
	if errobj.Code == 0 {
		errobj.Code = status
	}
	if errobj.Message == "" {
		errobj.Message = string(contentBytes)
	}
	return errobj
}

// GetAnimal fetches one animal.
func (client ZooClient) GetAnimal(name string) (*Animal, error) {
	var data *Animal
	url := client.URL + "/animals/" + name
	resp, err := client.httpGet(url, nil)
	if err != nil {
		return data, err
	}
	contentBytes, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return data, err
	}
	switch resp.StatusCode {
	case 200:
		err = json.Unmarshal(contentBytes, &data)
		if err != nil {
			return data, err
		}
		return data, nil
	default:
		return data, resourceError(resp.StatusCode, contentBytes)
	}
}

// PutAnimal stores one animal.
func (client ZooClient) PutAnimal(name string, animal *Animal) error {
	url := client.URL + "/animals/" + name
	contentBytes, err := json.Marshal(animal)
	if err != nil {
		return err
	}
	resp, err := client.httpPut(url, nil, contentBytes)
	if err != nil {
		return err
	}
	contentBytes, err = io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return err
	}
	switch resp.StatusCode {
	case 204:
		return nil
	default:
		return resourceError(resp.StatusCode, contentBytes)
	}
}
