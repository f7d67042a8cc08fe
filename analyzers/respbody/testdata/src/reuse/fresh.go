package reuse

import (
	"bytes"
	"errors"
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
