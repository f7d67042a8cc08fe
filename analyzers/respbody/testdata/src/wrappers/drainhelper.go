package wrappers

import (
	"context"
	"errors"
	"io"
	"net/http"
	"time"
)

type apiErr struct{ body []byte }

func (e *apiErr) Error() string { return string(e.body) }

// checkAnswer reads a failed answer's body to its end, which hands the
// connection back (benthos' studio session tracker), and leaves a
// successful one to its caller.
func checkAnswer(res *http.Response) (abort bool, err error) {
	if res.StatusCode == http.StatusOK {
		return false, nil
	}
	abort = res.StatusCode == http.StatusNotFound
	b, _ := io.ReadAll(res.Body)
	return abort, &apiErr{b}
}

func doChecked(ctx context.Context, mk func() (*http.Request, error)) (*http.Response, error) {
	for {
		req, err := mk()
		if err != nil {
			return nil, err
		}
		res, err := http.DefaultClient.Do(req.WithContext(ctx))
		var abort bool
		if err == nil {
			if abort, err = checkAnswer(res); err == nil {
				return res, nil
			}
		}
		if abort {
			return nil, err
		}
		time.Sleep(time.Second)
	}
}

// checkCode only looks at the status: the failed answer's body is left
// open when the loop sends again.
func checkCode(res *http.Response) (bool, error) {
	if res.StatusCode == http.StatusOK {
		return false, nil
	}
	return res.StatusCode == http.StatusNotFound, errors.New(res.Status)
}

func doUnchecked(ctx context.Context, mk func() (*http.Request, error)) (*http.Response, error) {
	for {
		req, err := mk()
		if err != nil {
			return nil, err
		}
		res, err := http.DefaultClient.Do(req.WithContext(ctx)) // want `res.Body is not closed before http.DefaultClient.Do runs again in the loop`
		var abort bool
		if err == nil {
			if abort, err = checkCode(res); err == nil {
				return res, nil
			}
		}
		if abort {
			return nil, err
		}
		time.Sleep(time.Second)
	}
}

// checkSome reads one kind of failed answer to its end and only the
// first KiB of another (influxdb1-client's checkResponse): an answer
// over 1 KiB is neither read to EOF nor closed when the caller returns
// its error.
func checkSome(res *http.Response) error {
	if res.StatusCode >= 500 {
		b, _ := io.ReadAll(res.Body)
		return &apiErr{b}
	}
	if res.Header.Get("Content-Type") != "application/json" {
		b, _ := io.ReadAll(io.LimitReader(res.Body, 1024))
		return &apiErr{b}
	}
	return nil
}

func queryChunks(c *http.Client, req *http.Request) (io.ReadCloser, error) {
	res, err := c.Do(req) // want `res.Body is not closed on a path that returns`
	if err != nil {
		return nil, err
	}
	if err := checkSome(res); err != nil {
		return nil, err
	}
	return res.Body, nil
}

// checkAnswer leaves a successful answer open: a caller that returns
// without closing it on the path where the check passes leaks it.
func pingChecked(ctx context.Context, req *http.Request) error {
	res, err := http.DefaultClient.Do(req.WithContext(ctx)) // want `res.Body is not closed on a path that returns`
	if err != nil {
		return err
	}
	if _, err := checkAnswer(res); err != nil {
		return err
	}
	return nil
}

// Its twin closes the successful answer; the failed one is read to EOF.
func pingCheckedClosed(ctx context.Context, req *http.Request) error {
	res, err := http.DefaultClient.Do(req.WithContext(ctx))
	if err != nil {
		return err
	}
	if _, err := checkAnswer(res); err != nil {
		return err
	}
	return res.Body.Close()
}

// checkClosing closes a failed answer and returns an error, and leaves a
// successful one to its caller: a caller that then drops it leaks the
// connection on its success path.
func checkClosing(res *http.Response) error {
	if res.StatusCode != http.StatusOK {
		res.Body.Close()
		return errors.New(res.Status)
	}
	return nil
}

func notify(c *http.Client, u string) error {
	res, err := c.Get(u) // want `res.Body is not closed on a path that returns`
	if err != nil {
		return err
	}
	if err := checkClosing(res); err != nil {
		return err
	}
	return nil
}

func notifyClosed(c *http.Client, u string) error {
	res, err := c.Get(u)
	if err != nil {
		return err
	}
	if err := checkClosing(res); err != nil {
		return err
	}
	_, err = io.Copy(io.Discard, res.Body)
	res.Body.Close()
	return err
}
