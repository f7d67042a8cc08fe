// Package good is unleash-go-sdk after PR #31: the response is drained and
// closed on every path.
package good

import (
	"bytes"
	"encoding/json"
	"io"
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
	defer resp.Body.Close()
	io.Copy(io.Discard, resp.Body)
	if resp.StatusCode >= 300 {
		m.err(nil)
	}
}
