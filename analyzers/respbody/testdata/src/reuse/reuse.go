package reuse

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
)

func statusOnly(u string) (bool, error) {
	resp, err := http.Get(u) // want `resp.Body is closed without being read \(connection not reused\)`
	if err != nil {
		return false, err
	}
	defer resp.Body.Close()
	return resp.StatusCode == http.StatusOK, nil
}

func statusDrained(u string) (bool, error) {
	resp, err := http.Get(u)
	if err != nil {
		return false, err
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, resp.Body)
	return resp.StatusCode == http.StatusOK, nil
}

// Read on one path; the other returns success with the body unread, and
// gives its connection up on every answer that is not a 200.
func readOnSomePath(u string, v any) error {
	resp, err := http.Get(u) // want `resp.Body is closed without being read on a path that returns normally`
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil
	}
	return json.NewDecoder(resp.Body).Decode(v)
}

func head(c *http.Client, u string) (int, error) {
	req, err := http.NewRequest(http.MethodHead, u, nil)
	if err != nil {
		return 0, err
	}
	resp, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	resp.Body.Close()
	return resp.StatusCode, nil
}

func closedByHelperUnread(u string) error {
	resp, err := http.Get(u) // want `resp.Body is closed without being read`
	if err != nil {
		return err
	}
	closeOnly(resp)
	return nil
}

func closeOnly(resp *http.Response) { resp.Body.Close() }

// newRequest is the package's own request constructor.
func newRequest(method, u string) (*http.Request, error) {
	req, err := http.NewRequest(method, u, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/json")
	return req, nil
}

func headThroughWrapper(ctx context.Context, c *http.Client, u string) (bool, error) {
	req, err := newRequest("HEAD", u)
	if err != nil {
		return false, err
	}
	resp, err := c.Do(req.WithContext(ctx)) // HEAD: no body to read or close
	if err != nil {
		return false, err
	}
	return resp.StatusCode == http.StatusOK, nil
}

func getThroughWrapper(ctx context.Context, c *http.Client, u string) (bool, error) {
	req, err := newRequest("GET", u)
	if err != nil {
		return false, err
	}
	resp, err := c.Do(req.WithContext(ctx)) // want `resp.Body is not closed`
	if err != nil {
		return false, err
	}
	return resp.StatusCode == http.StatusOK, nil
}

type doer interface {
	Do(*http.Request) (*http.Response, error)
}

func headThroughDoer(d doer, u string) bool {
	req, err := http.NewRequest(http.MethodHead, u, nil)
	if err != nil {
		return false
	}
	resp, err := d.Do(req) // HEAD: no body
	return err == nil && resp.StatusCode == http.StatusOK
}

// An upgrade request (client-go's websocket Negotiate): a successful answer
// is 101 and the connection belongs to the websocket, so closing the
// response unread loses nothing.
func negotiate(rt http.RoundTripper, req *http.Request, protocols []string) error {
	req.Header["Sec-WebSocket-Protocol"] = protocols
	resp, err := rt.RoundTrip(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func upgradeSet(c *http.Client, req *http.Request) error {
	req.Header.Set("Upgrade", "websocket")
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The same without the upgrade header: the connection is discarded.
func notUpgrade(rt http.RoundTripper, req *http.Request, protocols []string) error {
	req.Header["X-Protocols"] = protocols
	resp, err := rt.RoundTrip(req) // want `resp.Body is closed without being read`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A response from a function value: its implementations may have read the
// body already (a health check that reads and closes it, then returns the
// response for its status), so closing it unread is left alone.
type pool struct {
	healthCheck func(u string) (*http.Response, error)
}

func (p *pool) probe(u string) error {
	resp, err := p.healthCheck(u)
	if resp != nil && resp.Body != nil {
		resp.Body.Close()
	}
	return err
}

// The same response from the client itself is closed unread.
func (p *pool) probeClient(c *http.Client, u string) error {
	resp, err := c.Get(u) // want `resp.Body is closed without being read`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The shape of icholy/digest's RoundTrip before PR #3: the 401 challenge
// is closed unread and the request sent again, on every first request to
// a host; the other answers are returned to the caller.
func digestRoundTrip(rt http.RoundTripper, req, retry *http.Request) (*http.Response, error) {
	res, err := rt.RoundTrip(req) // want `res.Body is closed without being read before the next request`
	if err != nil || res.StatusCode != http.StatusUnauthorized {
		return res, err
	}
	res.Body.Close()
	retry.Header.Set("Authorization", res.Header.Get("WWW-Authenticate"))
	return rt.RoundTrip(retry)
}

// After the fix: the challenge is drained before the second request.
func digestRoundTripDrained(rt http.RoundTripper, req, retry *http.Request) (*http.Response, error) {
	res, err := rt.RoundTrip(req)
	if err != nil || res.StatusCode != http.StatusUnauthorized {
		return res, err
	}
	_, _ = io.Copy(io.Discard, res.Body)
	res.Body.Close()
	retry.Header.Set("Authorization", res.Header.Get("WWW-Authenticate"))
	return rt.RoundTrip(retry)
}

// Closed unread on an error path that sends nothing more: left to the
// caller's judgement (the function reads the body on its other path).
func closedUnreadOnError(c *http.Client, u string, v any) error {
	resp, err := c.Get(u)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return errors.New(resp.Status)
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(v)
}

// A loop that closes a 401 unread and sends again after refreshing a
// token.
func refreshing(c *http.Client, newReq func() *http.Request, refresh func() error, v any) error {
	for i := 0; i < 2; i++ {
		resp, err := c.Do(newReq()) // want `resp.Body is closed without being read before the next request`
		if err != nil {
			return err
		}
		if resp.StatusCode == http.StatusUnauthorized {
			resp.Body.Close()
			if err := refresh(); err != nil {
				return err
			}
			continue
		}
		defer resp.Body.Close()
		return json.NewDecoder(resp.Body).Decode(v)
	}
	return errors.New("unauthorized")
}

// The shape of RedisLabs' vault plugin before PR #2: the helper reads the
// body only for an error status or into a result it is given; PUT and
// DELETE give none, and their success path closes it unread.
func request(c *http.Client, req *http.Request, result any) error {
	res, err := c.Do(req) // want `res.Body is closed without being read on a path that returns normally`
	if err != nil {
		return err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		msg, _ := io.ReadAll(res.Body)
		return errors.New(string(msg))
	}
	if result != nil {
		if err := json.NewDecoder(res.Body).Decode(result); err != nil {
			return err
		}
	}
	return nil
}

// After the fix: the success path without a result drains the body.
func requestDrained(c *http.Client, req *http.Request, result any) error {
	res, err := c.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		msg, _ := io.ReadAll(res.Body)
		return errors.New(string(msg))
	}
	if result == nil {
		_, err := io.Copy(io.Discard, res.Body)
		return err
	}
	return json.NewDecoder(res.Body).Decode(result)
}

// A 204 has no body to read; other answers are decoded.
func requestNoContent(c *http.Client, req *http.Request, result any) error {
	res, err := c.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	if res.StatusCode == http.StatusNoContent {
		return nil
	}
	return json.NewDecoder(res.Body).Decode(result)
}

// Unread only on the paths that return an error: quiet.
func requestErrorUnread(c *http.Client, req *http.Request, result any) error {
	res, err := c.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return errors.New(res.Status)
	}
	return json.NewDecoder(res.Body).Decode(result)
}

// A function with no error result: which returns succeed is not known.
func fetchEach(c *http.Client, reqs []*http.Request, yield func([]byte) bool) {
	for _, req := range reqs {
		func() {
			res, err := c.Do(req)
			if err != nil {
				return
			}
			defer res.Body.Close()
			if res.StatusCode != http.StatusOK {
				return
			}
			b, _ := io.ReadAll(res.Body)
			yield(b)
		}()
	}
}

// The shape of vimeo/galaxycache's peer fetch before PR #67: a 404 (a
// cache miss on the peer, met all the time) returns its error with the
// body unread.
func peerFetch(rt http.RoundTripper, req *http.Request) ([]byte, error) {
	res, err := rt.RoundTrip(req) // want `res.Body is closed without being read on a path that returns normally`
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	switch res.StatusCode {
	case http.StatusNotFound:
		return nil, errNotFound
	case http.StatusOK:
		return io.ReadAll(res.Body)
	}
	return nil, errors.New(res.Status)
}

// After the fix: the 404's body is drained.
func peerFetchDrained(rt http.RoundTripper, req *http.Request) ([]byte, error) {
	res, err := rt.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	switch res.StatusCode {
	case http.StatusNotFound:
		_, _ = io.Copy(io.Discard, res.Body)
		return nil, errNotFound
	case http.StatusOK:
		return io.ReadAll(res.Body)
	}
	return nil, errors.New(res.Status)
}

var errNotFound = errors.New("not found")
