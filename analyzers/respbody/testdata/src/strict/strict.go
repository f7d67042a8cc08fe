package strict

import (
	"bufio"
	"encoding/json"
	"io"
	"net/http"
)

func decoded(u string, v any) error {
	resp, err := http.Get(u) // want `resp.Body is closed after a partial read \(connection not reused\)`
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(v)
}

func decodedAndDrained(u string, v any) error {
	resp, err := http.Get(u)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	err = json.NewDecoder(resp.Body).Decode(v)
	_, _ = io.Copy(io.Discard, resp.Body)
	return err
}

func firstLine(u string) string {
	resp, err := http.Get(u) // want `resp.Body is closed after a partial read`
	if err != nil {
		return ""
	}
	defer resp.Body.Close()
	s := bufio.NewScanner(resp.Body)
	s.Scan()
	return s.Text()
}

func readAll(u string) ([]byte, error) {
	resp, err := http.Get(u)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}
