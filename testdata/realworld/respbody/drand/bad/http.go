// Package bad is the shape of drand/drand's HTTP client before PR #386:
// FetchGroupInfo and Get decode the relay's JSON answer from the body and
// never close it. The decoder stops at the end of the value, so the body
// is not known to have reached EOF, and each call leaves its connection
// (and the transport's two goroutines for it) behind; lotus's tests that
// poll drand opened a new connection per round.
package bad

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"net/http"
)

// HTTPGetter is the part of *http.Client the client uses.
type HTTPGetter interface {
	Do(req *http.Request) (*http.Response, error)
	Get(url string) (resp *http.Response, err error)
}

// Group is the drand group the relay serves.
type Group struct {
	PublicKey []byte `json:"public_key"`
	Period    uint64 `json:"period"`
	Hash      []byte `json:"hash"`
}

// RandomData is one round of randomness.
type RandomData struct {
	Rnd               uint64 `json:"round,omitempty"`
	Random            []byte `json:"randomness,omitempty"`
	Signature         []byte `json:"signature,omitempty"`
	PreviousSignature []byte `json:"previous_signature,omitempty"`
}

type httpClient struct {
	root   string
	client HTTPGetter
	group  *Group
}

// NewHTTPClient returns a client of the relay at url.
func NewHTTPClient(url string, groupHash []byte, client HTTPGetter) (*httpClient, error) {
	if client == nil {
		client = &http.Client{}
	}
	c := &httpClient{root: url, client: client}
	group, err := c.FetchGroupInfo(groupHash)
	if err != nil {
		return nil, err
	}
	c.group = group
	return c, nil
}

// FetchGroupInfo fetches the relay's group and checks it against groupHash.
func (h *httpClient) FetchGroupInfo(groupHash []byte) (*Group, error) {
	if h.group != nil {
		return h.group, nil
	}
	groupResp, err := h.client.Get(fmt.Sprintf("%s/group", h.root))
	if err != nil {
		return nil, err
	}

	grp := Group{}
	if err := json.NewDecoder(groupResp.Body).Decode(&grp); err != nil {
		return nil, err
	}
	if grp.PublicKey == nil {
		return nil, errors.New("group does not have a valid key for validation")
	}
	if groupHash == nil {
		log.Printf("http_client: instantiated without trustroot, group hash %x", grp.Hash)
	}
	if groupHash != nil && !bytes.Equal(grp.Hash, groupHash) {
		return nil, fmt.Errorf("%s does not advertise the expected drand group (%x vs %x)", h.root, grp.Hash, groupHash)
	}
	return &grp, nil
}

// Get returns the randomness of round.
func (h *httpClient) Get(ctx context.Context, round uint64) (*RandomData, error) {
	randResponse, err := h.client.Get(fmt.Sprintf("%s/public/%d", h.root, round))
	if err != nil {
		return nil, err
	}

	randResp := RandomData{}
	if err := json.NewDecoder(randResponse.Body).Decode(&randResp); err != nil {
		return nil, err
	}
	if len(randResp.Signature) == 0 || len(randResp.PreviousSignature) == 0 {
		return nil, errors.New("insufficent response")
	}
	return &randResp, nil
}
