package good

import (
	"encoding/json"
	"fmt"
	"net/http"

	"example.com/realworld/postretry/newrelic/good/internal"
)

// request is one POST of a batch, with the JSON it compresses kept for the
// audit log.
type request struct {
	Request          *http.Request
	UncompressedBody json.RawMessage

	compressedBodyLength int
}

// newRequest compresses a batch and builds its POST.
func newRequest(uncompressed json.RawMessage, apiKey, url, userAgent string) (request, error) {
	compressed, err := internal.Compress(uncompressed)
	if err != nil {
		return request{}, fmt.Errorf("error compressing data: %v", err)
	}
	n := compressed.Len()
	req, err := http.NewRequest("POST", url, compressed)
	if err != nil {
		return request{}, fmt.Errorf("error creating request: %v", err)
	}
	req.Header.Add("Content-Type", "application/json")
	req.Header.Add("Api-Key", apiKey)
	req.Header.Add("Content-Encoding", "gzip")
	req.Header.Add("User-Agent", userAgent)
	return request{Request: req, UncompressedBody: uncompressed, compressedBodyLength: n}, nil
}
