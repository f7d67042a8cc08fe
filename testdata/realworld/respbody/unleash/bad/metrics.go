// Package bad is the shape of Unleash/unleash-go-sdk before PR #31: the
// SDK registers itself and posts metrics without ever closing the
// responses, whose bodies it does not read, so every call leaks a
// connection and its two goroutines.
package bad

import (
	"bytes"
	"encoding/json"
	"net/http"
)

type metrics struct {
	url    string
	client *http.Client
	err    func(error)
}

func (m *metrics) registerInstance(payload any) {
	data, _ := json.Marshal(payload)
	resp, err := m.client.Post(m.url+"/client/register", "application/json", bytes.NewReader(data))
	if err != nil {
		m.err(err)
		return
	}
	if resp.StatusCode >= 300 {
		m.err(nil)
	}
}
