// Package keptrequest keeps each request in a struct of the package, queues
// it and re-sends it from there until the server accepts it. A field that
// no other package can name holds the request for the package alone: the
// retries send the body the first attempt consumed unless the package puts
// a new one in.
package keptrequest

import (
	"bytes"
	"io"
	"net/http"
	"time"
)

// upload is unexported: its exported Req field is the package's own.
type upload struct {
	Req  *http.Request
	data []byte
}

func newUpload(u string, data []byte) (upload, error) {
	req, err := http.NewRequest(http.MethodPut, u, bytes.NewReader(data))
	if err != nil {
		return upload{}, err
	}
	return upload{Req: req, data: data}, nil
}

func sendOnce(c *http.Client, req *http.Request) int {
	resp, err := c.Do(req) // want `req is sent again by a retry loop after its body was consumed`
	if err != nil {
		return 0
	}
	resp.Body.Close()
	return resp.StatusCode
}

func drain(c *http.Client, queue []upload) {
	for _, up := range queue {
		for sendOnce(c, up.Req) != http.StatusCreated {
			time.Sleep(time.Second)
		}
	}
}

func Enqueue(c *http.Client, urls []string, data []byte) {
	var queue []upload
	for _, u := range urls {
		up, err := newUpload(u, data)
		if err != nil {
			continue
		}
		queue = append(queue, up)
	}
	drain(c, queue)
}

// The good twin puts a fresh body in before each send.
type refilled struct {
	req  *http.Request
	data []byte
}

func sendRefilled(c *http.Client, req *http.Request) int {
	resp, err := c.Do(req)
	if err != nil {
		return 0
	}
	resp.Body.Close()
	return resp.StatusCode
}

func EnqueueRefilled(c *http.Client, u string, data []byte) {
	req, err := http.NewRequest(http.MethodPut, u, bytes.NewReader(data))
	if err != nil {
		return
	}
	queue := []refilled{{req: req, data: data}}
	for _, r := range queue {
		for {
			r.req.Body = io.NopCloser(bytes.NewReader(r.data))
			if sendRefilled(c, r.req) == http.StatusCreated {
				break
			}
		}
	}
}

// Job is exported, and so is its Req: code elsewhere may set a new body
// between the package's sends.
type Job struct {
	Req *http.Request
}

func sendJob(c *http.Client, req *http.Request) int {
	resp, err := c.Do(req)
	if err != nil {
		return 0
	}
	resp.Body.Close()
	return resp.StatusCode
}

func Run(c *http.Client, jobs []*Job) {
	for _, j := range jobs {
		for sendJob(c, j.Req) != http.StatusCreated {
		}
	}
}

func NewJob(u string, data []byte) (*Job, error) {
	req, err := http.NewRequest(http.MethodPut, u, bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	return &Job{Req: req}, nil
}
