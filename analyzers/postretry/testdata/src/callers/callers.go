package callers

import (
	"net/http"
	"strings"
)

type api struct{ c *http.Client }

// send is unexported and every caller retries it.
func (a *api) send(path string) error {
	resp, err := a.c.Post("http://api"+path, "application/json", strings.NewReader("{}"))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (a *api) Create() error {
	var err error
	for i := 0; i < 3; i++ {
		if err = a.send("/create"); err == nil {
			return nil
		}
	}
	return err
}

func (a *api) Update() error {
	for {
		if err := a.send("/update"); err == nil {
			return nil
		}
	}
}

// sendSome has one caller that does not retry.
func (a *api) sendSome(path string) error {
	resp, err := a.c.Post("http://api"+path, "application/json", strings.NewReader("{}")) // want `POST via Client\.Post is not retried`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (a *api) Delete() error {
	for i := 0; i < 3; i++ {
		if err := a.sendSome("/delete"); err == nil {
			return nil
		}
	}
	return nil
}

func (a *api) Ping() error { return a.sendSome("/ping") }

// Send is exported: callers elsewhere may not retry.
func (a *api) Send(path string) error {
	resp, err := a.c.Post("http://api"+path, "application/json", nil) // want `POST via Client\.Post is not retried`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (a *api) SendTwice() error {
	for i := 0; i < 2; i++ {
		if err := a.Send("/x"); err == nil {
			return nil
		}
	}
	return nil
}

// Two levels: post is called by attempt, which is called in a loop.
func post(c *http.Client) error {
	_, err := c.Post("http://x", "text/plain", nil)
	return err
}

func attempt(c *http.Client) error { return post(c) }

func Run(c *http.Client) error {
	var err error
	for i := 0; i < 3; i++ {
		if err = attempt(c); err == nil {
			break
		}
	}
	return err
}

// Recursion ends.
func recurse(c *http.Client, n int) error {
	if n == 0 {
		return nil
	}
	_, err := c.Post("http://x", "text/plain", nil) // want `POST via Client\.Post is not retried`
	if err != nil {
		return err
	}
	return recurse(c, n-1)
}

func Recurse(c *http.Client) error { return recurse(c, 3) }
