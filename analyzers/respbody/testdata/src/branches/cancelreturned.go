package branches

import (
	"context"
	"io"
	"net/http"
	"time"
)

type poller struct {
	hc  *http.Client
	url string
}

// get sends with a context of its own and hands its cancel back with the
// response: the caller's deferred cancel ends the request when it returns.
func (p *poller) get() (*http.Response, context.CancelFunc, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, p.url, nil)
	if err != nil {
		cancel()
		return nil, nil, err
	}
	resp, err := p.hc.Do(req)
	return resp, cancel, err
}

func (p *poller) poll() error {
	resp, cancel, err := p.get()
	if err != nil {
		return err
	}
	defer cancel()
	if resp.StatusCode == http.StatusPaymentRequired {
		return nil // no leak: the deferred cancel ends the request
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}

// The twin that drops the cancel: nothing ends the request on the early
// return.
func (p *poller) pollDropped() error {
	resp, _, err := p.get() // want `resp.Body is not closed on a path that returns`
	if err != nil {
		return err
	}
	if resp.StatusCode == http.StatusPaymentRequired {
		return nil
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}

// The twin whose cancel comes from another call than the response's.
func (p *poller) pollOther() error {
	_, cancel := context.WithCancel(context.Background())
	defer cancel()
	resp, _, err := p.get() // want `resp.Body is not closed on a path that returns`
	if err != nil {
		return err
	}
	if resp.StatusCode == http.StatusPaymentRequired {
		return nil
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}

// A wrapper of the wrapper hands the cancel on with the response.
func (p *poller) getAgain() (*http.Response, context.CancelFunc, error) {
	return p.get()
}

func (p *poller) pollAgain() error {
	resp, cancel, err := p.getAgain()
	defer cancel()
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return nil
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}

// The twin that defers the cancel only after a return that leaves the
// body open.
func (p *poller) pollLate() error {
	resp, cancel, err := p.get() // want `resp.Body is not closed on a path that returns`
	if err != nil {
		return err
	}
	if resp.StatusCode == http.StatusPaymentRequired {
		return nil
	}
	defer cancel()
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}

// The twin whose wrapper hands back the cancel of a context the request
// is not sent with.
func (p *poller) getUnrelated() (*http.Response, context.CancelFunc, error) {
	_, cancel := context.WithCancel(context.Background())
	req, err := http.NewRequest(http.MethodGet, p.url, nil)
	if err != nil {
		return nil, cancel, err
	}
	resp, err := p.hc.Do(req)
	return resp, cancel, err
}

func (p *poller) pollUnrelated() error {
	resp, cancel, err := p.getUnrelated() // want `resp.Body is not closed on a path that returns`
	defer cancel()
	if err != nil {
		return err
	}
	if resp.StatusCode == http.StatusPaymentRequired {
		return nil
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}

// A discarded response whose cancel is deferred: the request ends at the
// return.
func (p *poller) touch() error {
	_, cancel, err := p.get()
	defer cancel()
	return err
}
