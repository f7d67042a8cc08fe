// Package bad is the shape of canonical/snapd's store client before PR
// #3126 (April 2017, "store: handle EOF via url.Error check"). Every
// store call goes through retryRequest, a loop of up to five attempts
// that retries an error only when shouldRetryError says so. A Client
// returns every failure as a *url.Error, which is a net.Error, so
// shouldRetryError answered with Timeout() and never reached its io.EOF
// comparison: when the store closed a kept-alive connection just as
// snapd reused it, the POST of ListRefresh to the updates endpoint
// failed at once with `Post ".../updates/": EOF`, and the refresh with
// it (PR #2353 had added io.EOF to that comparison, to no effect). The
// fix looks inside the *url.Error for io.EOF and io.ErrUnexpectedEOF
// before the net.Error test.
package bad

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"gopkg.in/retry.v1"
)

const (
	jsonContentType    = "application/json"
	halJSONContentType = "application/hal+json"
)

// UserState is a logged-in user's store credentials.
type UserState struct {
	StoreMacaroon   string
	StoreDischarges []string
}

// Store is the snap store client.
type Store struct {
	searchURI    *url.URL
	bulkURI      *url.URL
	detailFields []string
	architecture string
	series       string
	client       *http.Client

	mu                sync.Mutex
	suggestedCurrency string
}

// New returns a store client for the store at base.
func New(base *url.URL) *Store {
	return &Store{
		searchURI:    base.ResolveReference(&url.URL{Path: "api/v1/snaps/search"}),
		bulkURI:      base.ResolveReference(&url.URL{Path: "api/v1/snaps/metadata"}),
		detailFields: []string{"snap_id", "revision", "version", "channel", "download_url"},
		architecture: "amd64",
		series:       "16",
		client:       &http.Client{Timeout: 10 * time.Second},
	}
}

type requestOptions struct {
	Method       string
	URL          *url.URL
	Accept       string
	ContentType  string
	ExtraHeaders map[string]string
	Data         []byte
}

func cancelled(ctx context.Context) bool {
	select {
	case <-ctx.Done():
		return true
	default:
		return false
	}
}

// retryRequestDecodeJSON calls retryRequest and decodes the answer into
// success or failure.
func (s *Store) retryRequestDecodeJSON(ctx context.Context, client *http.Client, reqOptions *requestOptions, user *UserState, success, failure any) (*http.Response, error) {
	return s.retryRequest(ctx, client, reqOptions, user, func(ok bool, resp *http.Response) error {
		result := success
		if !ok {
			result = failure
		}
		if result != nil {
			return json.NewDecoder(resp.Body).Decode(result)
		}
		return nil
	})
}

// retryRequest calls doRequest and decodes the answer in a retry loop.
func (s *Store) retryRequest(ctx context.Context, client *http.Client, reqOptions *requestOptions, user *UserState, decode func(ok bool, resp *http.Response) error) (resp *http.Response, err error) {
	var attempt *retry.Attempt
	start := time.Now()
	for attempt = retry.Start(defaultRetryStrategy, nil); attempt.Next(); {
		maybeLogRetryAttempt(reqOptions.URL.String(), attempt, start)
		if cancelled(ctx) {
			return nil, ctx.Err()
		}

		resp, err = s.doRequest(ctx, client, reqOptions, user)
		if err != nil {
			if shouldRetryError(attempt, err) {
				continue
			}
			break
		}

		if shouldRetryHttpResponse(attempt, resp) {
			resp.Body.Close()
			continue
		}
		ok := resp.StatusCode == http.StatusOK || resp.StatusCode == http.StatusCreated
		// Always decode a success; decode a failure only if it has a body.
		if !ok && resp.ContentLength == 0 {
			resp.Body.Close()
			break
		}
		err = decode(ok, resp)
		resp.Body.Close()
		if err != nil {
			if shouldRetryError(attempt, err) {
				continue
			}
			return nil, err
		}
		break
	}
	return resp, err
}

// doRequest sends an authenticated request, refreshing the user's
// macaroon once if the store asks for it.
func (s *Store) doRequest(ctx context.Context, client *http.Client, reqOptions *requestOptions, user *UserState) (*http.Response, error) {
	req, err := s.newRequest(reqOptions, user)
	if err != nil {
		return nil, err
	}
	resp, err := client.Do(req.WithContext(ctx))
	if err != nil {
		return nil, err
	}
	if resp.StatusCode == 401 && user != nil && strings.Contains(resp.Header.Get("WWW-Authenticate"), "needs_refresh=1") {
		if err := s.refreshUser(user); err != nil {
			return nil, err
		}
		resp.Body.Close()
		return s.doRequest(ctx, client, reqOptions, user)
	}
	return resp, nil
}

func (s *Store) refreshUser(user *UserState) error {
	log.Print("refreshing the user's discharge macaroon")
	user.StoreDischarges = nil
	return nil
}

// newRequest builds a request with the store's headers.
func (s *Store) newRequest(reqOptions *requestOptions, user *UserState) (*http.Request, error) {
	var body io.Reader
	if reqOptions.Data != nil {
		body = bytes.NewBuffer(reqOptions.Data)
	}
	req, err := http.NewRequest(reqOptions.Method, reqOptions.URL.String(), body)
	if err != nil {
		return nil, err
	}
	if user != nil && user.StoreMacaroon != "" {
		req.Header.Set("Authorization", fmt.Sprintf(`Macaroon root="%s"`, user.StoreMacaroon))
	}
	req.Header.Set("User-Agent", "snapd/2.23")
	req.Header.Set("Accept", reqOptions.Accept)
	req.Header.Set("X-Ubuntu-Architecture", s.architecture)
	req.Header.Set("X-Ubuntu-Series", s.series)
	if reqOptions.ContentType != "" {
		req.Header.Set("Content-Type", reqOptions.ContentType)
	}
	for k, v := range reqOptions.ExtraHeaders {
		req.Header.Set(k, v)
	}
	return req, nil
}

// RefreshCandidate is an installed snap that may have an update.
type RefreshCandidate struct {
	SnapID   string
	Channel  string
	Revision int
}

// SnapInfo is a snap the store knows.
type SnapInfo struct {
	SnapID      string `json:"snap_id"`
	Revision    int    `json:"revision"`
	Version     string `json:"version"`
	Channel     string `json:"channel"`
	DownloadURL string `json:"download_url"`
}

type searchResults struct {
	Payload struct {
		Packages []SnapInfo `json:"clickindex:package"`
	} `json:"_embedded"`
}

type currentSnapJSON struct {
	SnapID   string `json:"snap_id"`
	Channel  string `json:"channel"`
	Revision int    `json:"revision,omitempty"`
}

type metadataWrapper struct {
	Snaps  []currentSnapJSON `json:"snaps"`
	Fields []string          `json:"fields"`
}

// ListRefresh asks the store which of the installed snaps have updates.
func (s *Store) ListRefresh(installed []*RefreshCandidate, user *UserState) ([]*SnapInfo, error) {
	candidates := map[string]*RefreshCandidate{}
	current := make([]currentSnapJSON, 0, len(installed))
	for _, cs := range installed {
		if cs.SnapID == "" {
			// the store gets confused by snaps without an ID
			continue
		}
		current = append(current, currentSnapJSON{SnapID: cs.SnapID, Channel: cs.Channel, Revision: cs.Revision})
		candidates[cs.SnapID] = cs
	}
	jsonData, err := json.Marshal(metadataWrapper{Snaps: current, Fields: s.detailFields})
	if err != nil {
		return nil, err
	}
	reqOptions := &requestOptions{
		Method:      "POST",
		URL:         s.bulkURI,
		Accept:      halJSONContentType,
		ContentType: jsonContentType,
		Data:        jsonData,
	}

	var updateData searchResults
	resp, err := s.retryRequestDecodeJSON(context.TODO(), s.client, reqOptions, user, &updateData, nil)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("cannot query the store for updates: got unexpected HTTP status code %d", resp.StatusCode)
	}
	res := make([]*SnapInfo, 0, len(updateData.Payload.Packages))
	for i := range updateData.Payload.Packages {
		rsnap := &updateData.Payload.Packages[i]
		if cand := candidates[rsnap.SnapID]; cand != nil && cand.Revision == rsnap.Revision {
			continue
		}
		res = append(res, rsnap)
	}
	s.mu.Lock()
	s.suggestedCurrency = resp.Header.Get("X-Suggested-Currency")
	s.mu.Unlock()
	return res, nil
}

// Find searches the store.
func (s *Store) Find(query string, user *UserState) ([]SnapInfo, error) {
	u := *s.searchURI
	q := u.Query()
	q.Set("q", query)
	u.RawQuery = q.Encode()
	reqOptions := &requestOptions{Method: "GET", URL: &u, Accept: halJSONContentType}

	var results searchResults
	resp, err := s.retryRequestDecodeJSON(context.TODO(), s.client, reqOptions, user, &results, nil)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("cannot search: got unexpected HTTP status code %d", resp.StatusCode)
	}
	return results.Payload.Packages, nil
}
