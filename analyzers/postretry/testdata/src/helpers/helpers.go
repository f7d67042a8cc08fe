package helpers

import (
	"errors"
	"net/http"
	"strings"
	"sync"
	"time"
)

// retry is a retry helper: it calls its func parameter in a loop. Its name
// does not matter.
func retry(attempts int, f func() error) error {
	var err error
	for i := 0; i < attempts; i++ {
		if err = f(); err == nil {
			return nil
		}
		time.Sleep(time.Duration(i) * time.Second)
	}
	return err
}

// again passes the function on to retry.
func again(f func() error) error { return retry(3, f) }

// once calls its func parameter once.
func once(f func() error) error { return f() }

type worker struct{ c *http.Client }

func (w *worker) viaHelper(u string) error {
	return retry(3, func() error {
		resp, err := w.c.Post(u, "text/plain", strings.NewReader("x"))
		if err != nil {
			return err
		}
		return resp.Body.Close()
	})
}

func (w *worker) viaPassOn(u string) error {
	return again(func() error {
		resp, err := w.c.Post(u, "text/plain", strings.NewReader("x"))
		if err != nil {
			return err
		}
		return resp.Body.Close()
	})
}

func (w *worker) viaOnce(u string) error {
	return once(func() error {
		resp, err := w.c.Post(u, "text/plain", strings.NewReader("x")) // want `POST via Client\.Post is not retried`
		if err != nil {
			return err
		}
		return resp.Body.Close()
	})
}

// A closure kept in a variable and called in a loop.
func (w *worker) viaVariable(u string) error {
	send := func() error {
		resp, err := w.c.Post(u, "text/plain", nil)
		if err != nil {
			return err
		}
		return resp.Body.Close()
	}
	var err error
	for i := 0; i < 3; i++ {
		if err = send(); err == nil {
			break
		}
	}
	return err
}

func (w *worker) viaVariableOnce(u string) error {
	send := func() error {
		resp, err := w.c.Post(u, "text/plain", nil) // want `POST via Client\.Post is not retried`
		if err != nil {
			return err
		}
		return resp.Body.Close()
	}
	return send()
}

// A method value handed to the helper.
func (w *worker) sendOnce() error {
	resp, err := w.c.Post("http://x", "text/plain", nil)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (w *worker) viaMethodValue() error { return retry(5, w.sendOnce) }

// Standard-library functions that run a callback once do not retry it.
func handlers(c *http.Client) {
	http.HandleFunc("/hook", func(w http.ResponseWriter, r *http.Request) {
		resp, err := c.Post("http://backend/hook", "text/plain", r.Body) // want `POST via Client\.Post is not retried`
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		resp.Body.Close()
	})
	var o sync.Once
	o.Do(func() {
		c.Post("http://backend/register", "text/plain", nil) // want `POST via Client\.Post is not retried`
	})
}

// A function value of unknown origin may retry.
func viaValue(run func(func() error) error, c *http.Client) error {
	return run(func() error {
		_, err := c.Post("http://x", "text/plain", nil)
		return err
	})
}

var errStatus = errors.New("status")
