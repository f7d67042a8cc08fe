// Package bad is the shape of minio's storage REST client WalkDir
// (cmd/metacache-walk.go) before PR #12147: the body Call returns is
// handed to waitForHTTPStream, which closes it only on the paths that
// read it to its end; when copying a block to wr fails (the lister that
// reads wr has stopped), it returns with the body neither read nor closed,
// and that connection to the peer is never returned to the pool. (Its
// returns on a failed read of the body lose nothing: net/http has already
// closed that connection.) The PR's other hunks only rename the import
// of cmd/http. The streaming server side and the gob-encoded error frame
// (type 3) are left out.
package bad

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strconv"

	"example.com/realworld/respbody/miniowalk/bad/rest"
	"example.com/realworld/respbody/miniowalk/bad/xhttp"
)

// WalkDirOptions selects what WalkDir lists.
type WalkDirOptions struct {
	Bucket    string
	BaseDir   string
	Recursive bool
}

type storageRESTClient struct {
	restClient *rest.Client
}

// waitForHTTPStream copies the stream of a streaming answer to w: filler
// bytes (32) while the peer works, length-prefixed blocks (2), then the
// rest unbuffered (0) or an error text (1).
func waitForHTTPStream(respBody io.ReadCloser, w io.Writer) error {
	var tmp [1]byte
	for {
		_, err := io.ReadFull(respBody, tmp[:])
		if err != nil {
			return err
		}
		switch tmp[0] {
		case 0:
			_, err := io.Copy(w, respBody)
			respBody.Close()
			if err == io.EOF {
				return nil
			}
			return err
		case 1:
			errorText, err := io.ReadAll(respBody)
			if err != nil {
				return err
			}
			respBody.Close()
			return errors.New(string(errorText))
		case 2:
			var lenBuf [4]byte
			if _, err := io.ReadFull(respBody, lenBuf[:]); err != nil {
				return err
			}
			length := binary.LittleEndian.Uint32(lenBuf[:])
			if _, err := io.CopyN(w, respBody, int64(length)); err != nil {
				return err
			}
			continue
		case 32:
			continue
		default:
			go xhttp.DrainBody(respBody)
			return fmt.Errorf("unexpected filler byte: %d", tmp[0])
		}
	}
}

// WalkDir streams the entries of a directory on the peer's disk to wr.
func (client *storageRESTClient) WalkDir(ctx context.Context, opts WalkDirOptions, wr io.Writer) error {
	values := make(url.Values)
	values.Set("volume", opts.Bucket)
	values.Set("dir-path", opts.BaseDir)
	values.Set("recursive", strconv.FormatBool(opts.Recursive))
	respBody, err := client.restClient.Call(ctx, "/walkdir", values, nil)
	if err != nil {
		return err
	}
	return waitForHTTPStream(respBody, wr)
}
