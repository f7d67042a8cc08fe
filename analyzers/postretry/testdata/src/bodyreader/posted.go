package bodyreader

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
)

// segmentio/objects-go before #7: one bytes.Reader, posted by a closure
// that backoff calls again after each failure. http.Post builds a new
// request in each attempt around the same reader, which the first
// attempt's transport read to its end.
func postBatch(base string, batch any) error {
	payload, err := json.Marshal(batch)
	if err != nil {
		return err
	}
	body := bytes.NewReader(payload)
	return backoff(func() error {
		resp, err := http.Post(base+"/v1/set", "application/json", body) // want `body is given to the request of every attempt of a retry after the first attempt read it`
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return errors.New(resp.Status)
		}
		return nil
	}, 3)
}

// The fix: the reader is made in each attempt.
func postBatchFixed(base string, batch any) error {
	payload, err := json.Marshal(batch)
	if err != nil {
		return err
	}
	return backoff(func() error {
		resp, err := http.Post(base+"/v1/set", "application/json", bytes.NewReader(payload))
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return errors.New(resp.Status)
		}
		return nil
	}, 3)
}

// The same through Client.Post in a retry loop.
func postLoop(c *http.Client, u string, payload []byte) error {
	body := bytes.NewReader(payload)
	var err error
	for i := 0; i < 3; i++ {
		var resp *http.Response
		resp, err = c.Post(u, "application/json", body) // want `body is given to the request of every attempt of a retry`
		if err == nil {
			resp.Body.Close()
			return nil
		}
	}
	return err
}

// A reader rewound before each attempt is whole again.
func postLoopRewound(c *http.Client, u string, payload []byte) error {
	body := bytes.NewReader(payload)
	var err error
	for i := 0; i < 3; i++ {
		body.Seek(0, 0)
		var resp *http.Response
		resp, err = c.Post(u, "application/json", body)
		if err == nil {
			resp.Body.Close()
			return nil
		}
	}
	return err
}

// One payload posted to many URLs through one reader: no retry, but
// every URL after the first gets an empty body.
func fanOut(urls []string, payload []byte) {
	body := bytes.NewReader(payload)
	for _, u := range urls {
		resp, err := http.Post(u, "application/json", body) // want `body is given to the request of every round of a loop over items after the first round read it`
		if err != nil {
			continue
		}
		resp.Body.Close()
	}
}

// The twin makes a reader for each URL (its POSTs are still not retried).
func fanOutFixed(urls []string, payload []byte) {
	for _, u := range urls {
		resp, err := http.Post(u, "application/json", bytes.NewReader(payload)) // want `POST via http.Post is not retried`
		if err != nil {
			continue
		}
		resp.Body.Close()
	}
}
