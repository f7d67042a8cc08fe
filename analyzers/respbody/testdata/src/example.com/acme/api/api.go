// Package api is an ACME client in the shape of lego's acme/api: its
// wrappers pass a decode target down to another package's sender, which
// reads the body into it unless it is nil.
package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"

	"example.com/acme/sender"
	"github.com/cenkalti/backoff/v5"
)

// Account is an ACME account.
type Account struct{ Status string }

// Order is an ACME order.
type Order struct{ Status string }

var errBadNonce = errors.New("bad nonce")

// Core signs and sends the requests.
type Core struct {
	doer   *sender.Doer
	nonces []string
}

func (a *Core) signedPost(ctx context.Context, uri string, content []byte, response any) (*http.Response, error) {
	resp, err := a.doer.Post(ctx, uri, bytes.NewReader(content), "application/jose+json", response)
	if nonce, err := sender.Nonce(resp); err == nil {
		a.nonces = append(a.nonces, nonce)
	}
	return resp, err
}

func (a *Core) retrievablePost(ctx context.Context, uri string, content []byte, response any) (*http.Response, error) {
	operation := func() (*http.Response, error) {
		resp, err := a.signedPost(ctx, uri, content, response)
		if err != nil {
			if errors.Is(err, errBadNonce) {
				return resp, err
			}
			return resp, backoff.Permanent(err)
		}
		return resp, nil
	}
	return backoff.Retry(ctx, operation, backoff.WithMaxTries(5))
}

func (a *Core) post(ctx context.Context, uri string, reqBody, response any) (*http.Response, error) {
	content, err := json.Marshal(reqBody)
	if err != nil {
		return nil, err
	}
	return a.retrievablePost(ctx, uri, content, response)
}

func (a *Core) postAsGet(ctx context.Context, uri string, response any) (*http.Response, error) {
	return a.retrievablePost(ctx, uri, []byte{}, response)
}

// GetAccount decodes the account: the sender read the body.
func (a *Core) GetAccount(ctx context.Context, url string) (Account, error) {
	var account Account
	_, err := a.postAsGet(ctx, url, &account)
	return account, err
}

// NewOrder keeps the response for its Location header; the sender read
// the body into the order, on the retry too.
func (a *Core) NewOrder(ctx context.Context, url string, names []string) (Order, string, error) {
	var order Order
	resp, err := a.post(ctx, url, names, &order)
	if err != nil {
		resp, err = a.post(ctx, url, names, &order)
		if err != nil {
			return Order{}, "", err
		}
	}
	if order.Status == "invalid" {
		return Order{}, "", errors.New("invalid order")
	}
	return order, sender.Location(resp), nil
}

// RenewalInfo calls the sender itself with a target.
func (a *Core) RenewalInfo(ctx context.Context, url string) (string, error) {
	var info struct{ Window string }
	resp, err := a.doer.Get(ctx, url, &info)
	if err != nil {
		return "", err
	}
	if info.Window == "" {
		return "", errors.New("no window")
	}
	return resp.Header.Get("Retry-After"), nil
}

// Deactivate gives no target: the answer's body, the account object, is
// left open.
func (a *Core) Deactivate(ctx context.Context, url string) error {
	_, err := a.post(ctx, url, Account{Status: "deactivated"}, nil) // want `the response of a.post is discarded and its body never closed`
	return err
}

// Directory gives no target to the sender and reads only a header.
func (a *Core) Directory(ctx context.Context, url string) (string, error) {
	resp, err := a.doer.Get(ctx, url, nil) // want `resp.Body is not closed on a path that returns`
	if err != nil {
		return "", err
	}
	return resp.Header.Get("Link"), nil
}

// Revoke passes its caller's target on: its callers decide.
func (a *Core) Revoke(ctx context.Context, url string, response any) error {
	_, err := a.post(ctx, url, struct{}{}, response)
	return err
}
