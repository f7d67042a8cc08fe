// Package good is hummingbird's fragment read after commit 72aeb5e: the
// deferred function drains each body before closing it, so the
// connections of skipped answers and failed fragments go back to the
// pool.
package good

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"
)

// Node is a storage node of the ring.
type Node struct {
	Ip     string
	Port   int
	Device string
}

type ecObject struct {
	Hash          string
	policy        int
	nodes         []*Node
	dataFrags     int
	parityFrags   int
	chunkSize     int
	contentLength int64
	client        *http.Client
}

func newECObject(hash string, nodes []*Node) *ecObject {
	return &ecObject{
		Hash: hash, nodes: nodes, dataFrags: 4, parityFrags: 2, chunkSize: 1 << 16,
		client: &http.Client{Timeout: 5 * time.Minute},
	}
}

// ecGlue reads the fragments chunk by chunk and writes the object to dst,
// dropping a fragment whose read fails.
func ecGlue(dataFrags, parityFrags int, bodies []io.Reader, chunkSize int, contentLength int64, dst io.Writer) error {
	failed := make([]bool, len(bodies))
	buf := make([]byte, chunkSize)
	var written int64
	for written < contentLength {
		n := 0
		for i := range bodies {
			if bodies[i] == nil || failed[i] {
				continue
			}
			if i >= dataFrags {
				break
			}
			m, err := io.ReadFull(bodies[i], buf)
			if err != nil && err != io.ErrUnexpectedEOF {
				failed[i] = true
				continue
			}
			if _, err := dst.Write(buf[:m]); err != nil {
				return err
			}
			n += m
		}
		if n == 0 {
			return errors.New("not enough fragments")
		}
		written += int64(n)
	}
	return nil
}

// Copy writes the object, glued from its fragments, to dst.
func (o *ecObject) Copy(dst io.Writer) (int64, error) {
	if len(o.nodes) < o.dataFrags+o.parityFrags {
		return 0, errors.New("Not enough nodes for scheme")
	}
	bodies := make([]io.Reader, len(o.nodes))
	for i, node := range o.nodes {
		req, err := http.NewRequest("GET", fmt.Sprintf("http://%s:%d/ec-frag/%s/%s/%d", node.Ip, node.Port, node.Device, o.Hash, i), nil)
		if err != nil {
			continue
		}
		req.Header.Set("X-Backend-Storage-Policy-Index", strconv.Itoa(o.policy))
		resp, err := o.client.Do(req)
		if err != nil {
			continue
		}
		defer func() {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
		}()
		if resp.StatusCode != http.StatusOK {
			continue
		}
		bodies[i] = resp.Body
	}
	if err := ecGlue(o.dataFrags, o.parityFrags, bodies, o.chunkSize, o.contentLength, dst); err != nil {
		return 0, err
	}
	return o.contentLength, nil
}
