package fix

import "net/http"

// The file does not import io and a local variable has the name: the drain
// imports io as io1, into a block made of the single import.
func singleImport(u string) bool {
	resp, err := http.Get(u) // want `closed without being read`
	if err != nil {
		return false
	}
	io := resp.StatusCode == http.StatusOK
	resp.Body.Close()
	return io
}

// Drained with the variable named io: quiet.
func singleDrained(u string) bool {
	resp, err := http.Get(u)
	if err != nil {
		return false
	}
	defer resp.Body.Close()
	io := resp.StatusCode == http.StatusOK
	drain(resp)
	return io
}
