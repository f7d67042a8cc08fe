package reuse

import (
	"bytes"
	"errors"
	"io"
	"net/http"
)

// A transport made for one send dies with its call (syncthing's usage
// reporter): no connection of its pool is ever reused, so closing the
// body unread loses nothing (a transport per call is transportreuse's to
// report). Not closing it still leaks the connection.
func report(u string, b []byte) error {
	client := &http.Client{Transport: &http.Transport{Proxy: http.ProxyFromEnvironment}}
	resp, err := client.Post(u, "application/json", bytes.NewReader(b))
	if err != nil {
		return err
	}
	resp.Body.Close()
	return nil
}

func reportHelper(u string, b []byte) error {
	resp, err := newReporter().Post(u, "application/json", bytes.NewReader(b))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return errors.New("rejected")
	}
	return nil
}

func newReporter() *http.Client {
	return &http.Client{Transport: &http.Transport{Proxy: http.ProxyFromEnvironment}}
}

func reportLeak(u string, b []byte) (int, error) {
	client := &http.Client{Transport: &http.Transport{}}
	resp, err := client.Post(u, "application/json", bytes.NewReader(b)) // want `resp.Body is not closed`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// The same transport sending again in the run: the second request could
// have reused the connection the unread close gave up.
func reportTwice(u string, b []byte) error {
	client := &http.Client{Transport: &http.Transport{}}
	resp, err := client.Post(u, "application/json", bytes.NewReader(b)) // want `resp.Body is closed without being read`
	if err != nil {
		return err
	}
	resp.Body.Close()
	resp, err = client.Post(u, "application/json", bytes.NewReader(b))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = bytes.NewBuffer(nil).ReadFrom(resp.Body)
	return err
}

// A shared client keeps its connections: reported.
var shared = &http.Client{Transport: &http.Transport{}}

func reportShared(u string, b []byte) error {
	resp, err := shared.Post(u, "application/json", bytes.NewReader(b)) // want `resp.Body is closed without being read`
	if err != nil {
		return err
	}
	resp.Body.Close()
	return nil
}

// Keep-alives off on the client's transport: every connection is closed
// after its response, read or not (docker/cli's registry login, through
// a wrapper there): quiet. The same client with keep-alives on is
// reportShared above.
var noKeepAlive = &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}

func checkNoKeepAlive(u string) error {
	resp, err := noKeepAlive.Get(u)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return errors.New("check failed")
	}
	return nil
}

// Off only under a condition: reported.
var maybeKeepAlive = newMaybeClient(len(shared.Jar.Cookies(nil)) == 0)

func newMaybeClient(off bool) *http.Client {
	tr := &http.Transport{}
	if off {
		tr.DisableKeepAlives = true
	}
	return &http.Client{Transport: tr}
}

func checkMaybeKeepAlive(u string) error {
	resp, err := maybeKeepAlive.Get(u) // want `resp.Body is closed without being read`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A client that a closure captures is loaded again for each use: its two
// sends still share one pool, so the first one's unread close costs the
// second a connection.
func twoLoads(u string) error {
	c := &http.Client{Transport: &http.Transport{}}
	defer func() { c.CloseIdleConnections() }()
	resp, err := c.Get(u + "/a") // want `resp.Body is closed without being read`
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return errors.New(resp.Status)
	}
	resp, err = c.Get(u + "/b")
	if err != nil {
		return err
	}
	_, err = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return err
}

// Its twin sends once: the captured client's pool dies with the call.
func oneLoad(u string) error {
	c := &http.Client{Transport: &http.Transport{}}
	defer func() { c.CloseIdleConnections() }()
	resp, err := c.Get(u + "/a")
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return errors.New(resp.Status)
	}
	return nil
}
