// Package good is the shape of hyperledger-labs/orion-sdk-go's bcdb
// session after PR #144 (November 2022, "Reuse connection"): the session
// builds its REST client, with its http.Client and transport, the first
// time a context asks for it and hands the same one to every later
// transaction and query context, so they reuse the pooled connections.
package good

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/tls"
	"encoding/base64"
	"errors"
	"net"
	"net/http"
	"net/url"
	"time"
)

// Signer signs what the session sends.
type Signer interface {
	Sign(msg []byte) ([]byte, error)
}

// Replica is one server of the cluster.
type Replica struct {
	ID  string
	URL *url.URL
}

type dbSession struct {
	userID          string
	signer          Signer
	userCert        []byte
	replicaSet      []*Replica
	tlsEnabled      bool
	clientTLSConfig *tls.Config
	txTimeout       time.Duration
	queryTimeout    time.Duration
	restClient      RestClient
}

// DBSession is a user's session with the database.
type DBSession interface {
	DataTx(options ...TxContextOption) (DataTxContext, error)
	Query() (*QueryExecutor, error)
	ReplicaSet(refresh bool) ([]*Replica, error)
}

// TxContextOption configures a transaction context.
type TxContextOption func(*commonTxContext) error

// WithTxID gives the transaction an ID of the caller's.
func WithTxID(txID string) TxContextOption {
	return func(c *commonTxContext) error {
		if txID == "" {
			return errors.New("WithTxID: empty txID")
		}
		c.txID = txID
		return nil
	}
}

// NewSession opens a session for a user on the cluster at the bootstrap
// replicas.
func NewSession(userID string, signer Signer, cert []byte, replicas []*Replica, tlsConfig *tls.Config) DBSession {
	return &dbSession{
		userID:          userID,
		signer:          signer,
		userCert:        cert,
		replicaSet:      replicas,
		tlsEnabled:      tlsConfig != nil,
		clientTLSConfig: tlsConfig,
		txTimeout:       10 * time.Second,
		queryTimeout:    10 * time.Second,
	}
}

// DataTx returns a data transaction context.
func (d *dbSession) DataTx(options ...TxContextOption) (DataTxContext, error) {
	commonCtx, err := d.newCommonTxContext(options...)
	if err != nil {
		return nil, err
	}
	return &dataTxContext{commonTxContext: commonCtx, ops: make(map[string]*dbOperations)}, nil
}

// Query returns a JSON query executor.
func (d *dbSession) Query() (*QueryExecutor, error) {
	commonCtx, err := d.newCommonTxContext()
	if err != nil {
		return nil, err
	}
	return &QueryExecutor{commonCtx}, nil
}

// ReplicaSet returns the cluster's replicas, asking the cluster again
// when refresh is set.
func (d *dbSession) ReplicaSet(refresh bool) ([]*Replica, error) {
	if refresh {
		httpClient := newHTTPClient(d.tlsEnabled, d.clientTLSConfig)
		if err := d.updateReplicaSet(httpClient); err != nil {
			return nil, err
		}
	}
	return d.replicaSet, nil
}

func (d *dbSession) updateReplicaSet(httpClient *http.Client) error {
	for _, r := range d.replicaSet {
		resp, err := httpClient.Get(r.URL.ResolveReference(&url.URL{Path: "/config/cluster/status"}).String())
		if err != nil {
			continue
		}
		resp.Body.Close()
		if resp.StatusCode == http.StatusOK {
			return nil
		}
	}
	return errors.New("no replica answered")
}

func (d *dbSession) newCommonTxContext(options ...TxContextOption) (*commonTxContext, error) {
	if d.restClient == nil {
		d.restClient = NewRestClient(d.userID, newHTTPClient(d.tlsEnabled, d.clientTLSConfig), d.signer)
	}

	c := &commonTxContext{
		userID:        d.userID,
		signer:        d.signer,
		replicaSet:    d.replicaSet,
		restClient:    d.restClient,
		commitTimeout: d.txTimeout,
		queryTimeout:  d.queryTimeout,
	}
	for _, opt := range options {
		if err := opt(c); err != nil {
			return nil, err
		}
	}
	if c.txID == "" {
		var err error
		if c.txID, err = computeTxID(d.userCert); err != nil {
			return nil, err
		}
	}
	return c, nil
}

func newHTTPClient(tlsEnabled bool, tlsConfig *tls.Config) *http.Client {
	httpClient := &http.Client{
		Transport: &http.Transport{
			Proxy: http.ProxyFromEnvironment,
			DialContext: (&net.Dialer{
				Timeout:   30 * time.Second,
				KeepAlive: 30 * time.Second,
			}).DialContext,
			ForceAttemptHTTP2:     true,
			MaxIdleConns:          100,
			MaxIdleConnsPerHost:   100,
			IdleConnTimeout:       90 * time.Second,
			TLSHandshakeTimeout:   10 * time.Second,
			ExpectContinueTimeout: time.Second,
		},
	}
	if tlsEnabled {
		httpClient.Transport.(*http.Transport).TLSClientConfig = tlsConfig
	}
	return httpClient
}

func computeTxID(userCert []byte) (string, error) {
	nonce := make([]byte, 24)
	if _, err := rand.Read(nonce); err != nil {
		return "", err
	}
	sum := sha256.Sum256(append(nonce, userCert...))
	return base64.URLEncoding.EncodeToString(sum[:]), nil
}
