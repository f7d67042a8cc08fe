package bad

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
)

// SourcedKitItem is a kit item the user changed since installing the kit.
type SourcedKitItem struct {
	Name string
	Type string
}

// KitState is an installed kit.
type KitState struct {
	UUID    string
	Name    string
	Version uint
}

// WarnResp is a warning the server returns for an upload.
type WarnResp struct {
	Name string
	Err  string
}

func kitIDURL(id string) string { return "/api/kits/" + id }

// ListKits lists the installed kits.
func (c *Client) ListKits() ([]KitState, error) {
	var kits []KitState
	err := c.getStaticURL("/api/kits", &kits)
	return kits, err
}

// DeleteKit uninstalls a kit.
func (c *Client) DeleteKit(id string) error {
	return c.deleteStaticURL(kitIDURL(id))
}

// DeleteKitEx uninstalls a kit; when kit items were changed it returns
// an error and the list of changed items.
func (c *Client) DeleteKitEx(id string) ([]SourcedKitItem, error) {
	resp, err := c.methodRequestURL(http.MethodDelete, kitIDURL(id), "", nil)
	if err != nil {
		return []SourcedKitItem{}, err
	}
	if resp.StatusCode != http.StatusOK {
		body, err := io.ReadAll(resp.Body)
		if err != nil {
			return []SourcedKitItem{}, err
		}
		var ks struct {
			ModifiedItems []SourcedKitItem
			Error         string
		}
		if err := json.Unmarshal(body, &ks); err != nil {
			return []SourcedKitItem{}, fmt.Errorf("bad status %v: %v", resp.Status, string(body))
		}
		return ks.ModifiedItems, errors.New(ks.Error)
	}
	// Success, the kit is deleted.
	return []SourcedKitItem{}, nil
}

// UploadExtraction uploads autoextractor definitions.
func (c *Client) UploadExtraction(b []byte) (wrs []WarnResp, err error) {
	var part io.Writer
	var resp *http.Response
	bb := new(bytes.Buffer)
	wtr := multipart.NewWriter(bb)
	if part, err = wtr.CreateFormFile("extraction", "extraction"); err != nil {
		return
	} else if _, err = part.Write(b); err != nil {
		return
	}
	if err = wtr.Close(); err != nil {
		return
	}
	resp, err = c.methodRequestURL(http.MethodPost, "/api/autoextractors/upload", wtr.FormDataContentType(), bb)
	if err != nil {
		return
	}
	if resp.StatusCode != http.StatusOK {
		err = fmt.Errorf("bad status %s(%d): %v", resp.Status, resp.StatusCode, getBodyErr(resp.Body))
		return
	}
	err = resp.Body.Close()
	return
}
