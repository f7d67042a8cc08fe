// Package inventory is the example service's client for the inventory
// service, with the response-body mistakes kalint finds.
package inventory

import (
	"encoding/json"
	"fmt"
	"net/http"
)

// Client talks to the inventory service.
type Client struct {
	HTTP *http.Client
	Base string
}

// Item is one inventory record.
type Item struct {
	SKU   string `json:"sku"`
	Count int    `json:"count"`
}

// Get fetches one item. On a non-200 status it returns before the deferred
// close is set up: the body stays open and its connection leaks.
func (c *Client) Get(sku string) (*Item, error) {
	resp, err := c.HTTP.Get(c.Base + "/items/" + sku)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("inventory: %s", resp.Status)
	}
	defer resp.Body.Close()
	var it Item
	if err := json.NewDecoder(resp.Body).Decode(&it); err != nil {
		return nil, err
	}
	return &it, nil
}

// Healthy checks the status only: the body is closed unread, so the
// connection is discarded instead of going back to the pool.
func (c *Client) Healthy() bool {
	resp, err := c.HTTP.Get(c.Base + "/healthz")
	if err != nil {
		return false
	}
	defer resp.Body.Close()
	return resp.StatusCode == http.StatusOK
}
