// Package good is gowfs after PR #16: NewFileSystem keeps the transport
// it builds in the FileSystem, and Create and Append send the namenode
// step through it with RoundTrip (which follows no redirect), so those
// requests reuse the client's connections.
package good

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
	Config    Configuration
	client    http.Client
	transport *http.Transport
}

// NewFileSystem returns a FileSystem for the namenode in conf.
func NewFileSystem(conf Configuration) (*FileSystem, error) {
	fs := &FileSystem{Config: conf}
	fs.transport = &http.Transport{
		Dial: func(netw, addr string) (net.Conn, error) {
			return net.DialTimeout(netw, addr, conf.ConnectionTimeout)
		},
		MaxIdleConnsPerHost:   conf.MaxIdleConnsPerHost,
		ResponseHeaderTimeout: conf.ResponseHeaderTimeout,
	}
	fs.client = http.Client{
		Transport: fs.transport,
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
