// Package bad is the shape of vladimirvivien/gowfs before PR #16: Create
// and Append write a file to HDFS in two steps, as WebHDFS requires: a
// request to the namenode, whose redirect must not be followed by the
// client, and then the data to the datanode the redirect names. For the
// first step each call made a new &http.Transport{}, so every file
// written opened a new connection to the namenode and left it idle in a
// transport nobody used again.
package bad

import (
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"time"
)

const (
	OP_CREATE = "CREATE"
	OP_APPEND = "APPEND"
)

// Configuration is the namenode's address and the client's limits.
type Configuration struct {
	Addr                  string
	User                  string
	ConnectionTimeout     time.Duration
	MaxIdleConnsPerHost   int
	ResponseHeaderTimeout time.Duration
}

// Path is a file's path in HDFS.
type Path struct {
	Name string
}

// FileSystem maps to HDFS's FileSystem class.
type FileSystem struct {
	Config Configuration
	client http.Client
}

// NewFileSystem returns a FileSystem for the namenode in conf.
func NewFileSystem(conf Configuration) (*FileSystem, error) {
	fs := &FileSystem{Config: conf}
	fs.client = http.Client{
		Transport: &http.Transport{
			Dial: func(netw, addr string) (net.Conn, error) {
				return net.DialTimeout(netw, addr, conf.ConnectionTimeout)
			},
			MaxIdleConnsPerHost:   conf.MaxIdleConnsPerHost,
			ResponseHeaderTimeout: conf.ResponseHeaderTimeout,
		},
	}
	return fs, nil
}

func buildRequestUrl(conf Configuration, p *Path, params map[string]string) (*url.URL, error) {
	u := &url.URL{Scheme: "http", Host: conf.Addr, Path: "/webhdfs/v1" + p.Name}
	q := u.Query()
	q.Set("user.name", conf.User)
	for k, v := range params {
		q.Set(k, v)
	}
	u.RawQuery = q.Encode()
	return u, nil
}

// RemoteException is an error reported by HDFS.
type RemoteException struct {
	Exception string
	Message   string
}

func (re RemoteException) Error() string {
	return fmt.Sprintf("%s: %s", re.Exception, re.Message)
}

func responseToHdfsData(rsp *http.Response) (*RemoteException, error) {
	var data struct{ RemoteException *RemoteException }
	if err := json.NewDecoder(rsp.Body).Decode(&data); err != nil {
		return nil, err
	}
	if data.RemoteException != nil {
		return nil, *data.RemoteException
	}
	return nil, nil
}
