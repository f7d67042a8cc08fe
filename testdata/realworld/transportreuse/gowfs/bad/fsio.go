package bad

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
)

// Create makes a new file in HDFS with the content of data.
func (fs *FileSystem) Create(data io.Reader, p Path, overwrite bool, buffersize uint) (bool, error) {
	params := map[string]string{"op": OP_CREATE}
	params["overwrite"] = strconv.FormatBool(overwrite)
	if buffersize == 0 {
		params["buffersize"] = "4096"
	} else {
		params["buffersize"] = strconv.FormatInt(int64(buffersize), 10)
	}

	u, err := buildRequestUrl(fs.Config, &p, params)
	if err != nil {
		return false, err
	}

	// take over default transport to avoid redirect
	tr := &http.Transport{}
	req, _ := http.NewRequest("PUT", u.String(), nil)
	rsp, err := tr.RoundTrip(req)
	if err != nil {
		return false, err
	}

	// the datanode to write to is in the redirect's Location
	loc := rsp.Header.Get("Location")
	u, err = url.ParseRequestURI(loc)
	if err != nil {
		return false, fmt.Errorf("FileSystem.Create(%s) - invalid redirect URL from server: %s", loc, err)
	}

	req, _ = http.NewRequest("PUT", u.String(), data)
	rsp, err = fs.client.Do(req)
	if err != nil {
		return false, err
	}
	if rsp.StatusCode != http.StatusCreated {
		defer rsp.Body.Close()
		if _, err = responseToHdfsData(rsp); err != nil {
			return false, err
		}
		return false, fmt.Errorf("FileSystem.Create(%s) - File not created.  Server returned status %v", loc, rsp.StatusCode)
	}
	return true, nil
}

// Append adds data to the end of a file in HDFS.
func (fs *FileSystem) Append(data io.Reader, p Path, buffersize int) (bool, error) {
	params := map[string]string{"op": OP_APPEND}
	if buffersize == 0 {
		params["buffersize"] = "4096"
	} else {
		params["buffersize"] = strconv.Itoa(buffersize)
	}

	u, err := buildRequestUrl(fs.Config, &p, params)
	if err != nil {
		return false, err
	}

	// take over default transport to avoid redirect
	tr := &http.Transport{}
	req, _ := http.NewRequest("POST", u.String(), nil)
	rsp, err := tr.RoundTrip(req)
	if err != nil {
		return false, err
	}

	loc := rsp.Header.Get("Location")
	u, err = url.ParseRequestURI(loc)
	if err != nil {
		return false, fmt.Errorf("Append(%s) - did not receive a valid URL from server.", loc)
	}

	req, _ = http.NewRequest("POST", u.String(), data)
	rsp, err = fs.client.Do(req)
	if err != nil {
		return false, err
	}
	if rsp.StatusCode != http.StatusOK {
		defer rsp.Body.Close()
		if _, err = responseToHdfsData(rsp); err != nil {
			return false, err
		}
		return false, fmt.Errorf("Append(%s) - File not created.  Server returned status %v", loc, rsp.StatusCode)
	}
	return true, nil
}
