package basic

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
)

func deferred(url string) ([]byte, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

func statusBeforeClose(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req) // want `resp.Body is not closed on a path that returns \(connection leak\)`
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(new(any))
}

func statusAfterClose(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		_, _ = io.Copy(io.Discard, resp.Body)
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	return json.NewDecoder(resp.Body).Decode(new(any))
}

func neverClosed(url string) (int, error) {
	resp, err := http.Get(url) // want `resp.Body is not closed on a path that returns`
	if err != nil {
		return 0, err
	}
	n, err := resp.Body.Read(make([]byte, 512))
	return n, err
}

func discarded(url string) error {
	_, err := http.Get(url) // want `the response of http.Get is discarded and its body never closed`
	return err
}

func discardedHead(url string) error {
	_, err := http.Head(url) // HEAD: no body
	return err
}

func statement(url string) {
	http.Post(url, "text/plain", nil) // want `the response of http.Post is discarded`
}

func orCondition(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req) // want `resp.Body is not closed on a path that returns`
	if err != nil || resp.StatusCode != 200 {
		return errors.New("failed")
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}

func orConditionClosed(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		return errors.New("failed")
	}
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}

func endOfFunction(url string) {
	resp, err := http.Get(url) // want `resp.Body is not closed on the path that reaches the end of the function`
	if err != nil {
		return
	}
	fmt.Println(resp.Status)
}

func printed(url string) {
	resp, err := http.Get(url) // want `resp.Body is not closed`
	if err != nil {
		return
	}
	fmt.Println(resp) // printing keeps nothing
}

func nilCheck(url string) {
	resp, _ := http.Get(url)
	if resp != nil {
		defer resp.Body.Close()
		_, _ = io.ReadAll(resp.Body)
	}
}

func roundTrip(rt http.RoundTripper, req *http.Request) (int, error) {
	resp, err := rt.RoundTrip(req) // want `resp.Body is not closed`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func transportRoundTrip(t *http.Transport, req *http.Request) (int, error) {
	resp, err := t.RoundTrip(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, resp.Body)
	return resp.StatusCode, nil
}

func fatal(url string) {
	resp, err := http.Get(url)
	if err != nil {
		panic(err)
	}
	defer resp.Body.Close()
	_, _ = io.ReadAll(resp.Body)
}

func closedOnErrorOnly(url string) error {
	resp, err := http.Get(url) // want `resp.Body is not closed on a path that returns`
	if err != nil {
		return err
	}
	if err := json.NewDecoder(resp.Body).Decode(new(any)); err != nil {
		resp.Body.Close()
		return err
	}
	return nil
}

func closeResultUsed(url string) (err error) {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := resp.Body.Close(); err == nil {
			err = cerr
		}
	}()
	_, err = io.ReadAll(resp.Body)
	return err
}

func expectError(c *http.Client, req *http.Request) {
	_, err := c.Do(req)
	if err == nil {
		panic("expected an error")
	}
}

func discardedInLoop(urls []string) {
	for _, u := range urls {
		_, err := http.Get(u) // want `the response of http.Get is discarded`
		if err != nil {
			continue
		}
	}
}

func isTimeout(err error) bool { return errors.Is(err, errors.ErrUnsupported) }

func errorPredicate(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req)
	if isTimeout(err) {
		return err
	}
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.ReadAll(resp.Body)
	return err
}

func notErrorPredicate(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req)
	if !errors.Is(err, context.Canceled) {
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		_, err = io.ReadAll(resp.Body)
		return err
	}
	return err // canceled: no response
}

func upgrade(rt http.RoundTripper, req *http.Request) (io.ReadWriteCloser, error) {
	resp, err := rt.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusSwitchingProtocols {
		resp.Body.Close()
		return nil, fmt.Errorf("no upgrade: %s", resp.Status)
	}
	return nil, nil // the body is the upgraded connection, owned elsewhere
}

func notUpgrade(rt http.RoundTripper, req *http.Request) error {
	resp, err := rt.RoundTrip(req) // want `resp.Body is not closed on a path that returns`
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %s", resp.Status)
	}
	resp.Body.Close()
	return nil
}

// A body read to EOF is not a leak even when it is never closed: at EOF
// the transport's bodyEOFSignal puts the connection back in the pool.
func readToEOFNotClosed(url string) (int, error) {
	resp, err := http.Get(url)
	if err != nil {
		return 0, err
	}
	b, err := io.ReadAll(resp.Body)
	return len(b), err
}

func readToEOFOnErrorOnlyClosed(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	if _, err := io.ReadAll(resp.Body); err != nil {
		resp.Body.Close()
		return err
	}
	return nil
}

// Reading to EOF only after an early return leaves that return's body open.
func readToEOFTooLate(url string) error {
	resp, err := http.Get(url) // want `resp.Body is not closed on a path that returns`
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}
