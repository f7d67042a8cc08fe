package bad

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"
)

// ErrTxSpent is returned for a context already committed or aborted.
var ErrTxSpent = errors.New("transaction has been already committed or aborted")

type commonTxContext struct {
	userID        string
	signer        Signer
	replicaSet    []*Replica
	restClient    RestClient
	txID          string
	txSpent       bool
	commitTimeout time.Duration
	queryTimeout  time.Duration
}

// TxReceipt is the server's receipt for a committed transaction.
type TxReceipt struct {
	BlockNumber uint64 `json:"block_number"`
	TxIndex     uint64 `json:"tx_index"`
}

type txContext interface {
	composeEnvelope(txID string) (any, error)
	cleanCtx()
}

func (t *commonTxContext) TxID() string { return t.txID }

// selectReplica picks the first replica, the leader.
func (t *commonTxContext) selectReplica() (*url.URL, error) {
	for _, r := range t.replicaSet {
		return r.URL, nil
	}
	return nil, errors.New("empty replica set")
}

func (t *commonTxContext) commit(tx txContext, postEndpoint string, sync bool) (string, *TxReceipt, error) {
	if t.txSpent {
		return "", nil, ErrTxSpent
	}
	replica, err := t.selectReplica()
	if err != nil {
		return t.txID, nil, err
	}
	endpoint := replica.ResolveReference(&url.URL{Path: postEndpoint})
	envelope, err := tx.composeEnvelope(t.txID)
	if err != nil {
		return t.txID, nil, err
	}
	ctx := context.Background()
	serverTimeout := time.Duration(0)
	if sync {
		serverTimeout = t.commitTimeout
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, t.commitTimeout+time.Second)
		defer cancel()
	}
	defer tx.cleanCtx()

	response, err := t.restClient.Submit(ctx, endpoint.String(), envelope, serverTimeout)
	if err != nil {
		return t.txID, nil, err
	}
	if response.StatusCode != http.StatusOK {
		if response.StatusCode == http.StatusAccepted {
			return t.txID, nil, fmt.Errorf("timeout while waiting for transaction %s", t.txID)
		}
		var errRes struct {
			Error string `json:"error"`
		}
		_ = json.NewDecoder(response.Body).Decode(&errRes)
		return t.txID, nil, fmt.Errorf("failed to submit transaction, server returned: status: %s, message: %s", response.Status, errRes.Error)
	}
	body, err := io.ReadAll(response.Body)
	if err != nil {
		return t.txID, nil, err
	}
	receipt := &TxReceipt{}
	if err := json.Unmarshal(body, receipt); err != nil {
		return t.txID, nil, err
	}
	t.txSpent = true
	return t.txID, receipt, nil
}

func (t *commonTxContext) handleRequest(rawurl, method string, postData []byte, res any) error {
	parsed, err := url.Parse(rawurl)
	if err != nil {
		return err
	}
	replica, err := t.selectReplica()
	if err != nil {
		return err
	}
	ctx := context.Background()
	if t.queryTimeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, t.queryTimeout)
		defer cancel()
	}
	signature, err := t.signer.Sign([]byte(rawurl))
	if err != nil {
		return err
	}
	response, err := t.restClient.Query(ctx, replica.ResolveReference(parsed).String(), method, postData, signature)
	if err != nil {
		return err
	}
	if response.StatusCode != http.StatusOK {
		return fmt.Errorf("error handling request, server returned: status: %s", response.Status)
	}
	body, err := io.ReadAll(response.Body)
	if err != nil {
		return err
	}
	return json.Unmarshal(body, res)
}

type dbOperations struct {
	puts    map[string][]byte
	deletes map[string]bool
}

// DataTxContext is a data transaction.
type DataTxContext interface {
	Put(dbName, key string, value []byte) error
	Get(dbName, key string) ([]byte, error)
	Commit(sync bool) (string, *TxReceipt, error)
}

type dataTxContext struct {
	*commonTxContext
	ops map[string]*dbOperations
}

func (d *dataTxContext) Put(dbName, key string, value []byte) error {
	if d.txSpent {
		return ErrTxSpent
	}
	ops, ok := d.ops[dbName]
	if !ok {
		ops = &dbOperations{puts: map[string][]byte{}, deletes: map[string]bool{}}
		d.ops[dbName] = ops
	}
	ops.puts[key] = value
	delete(ops.deletes, key)
	return nil
}

func (d *dataTxContext) Get(dbName, key string) ([]byte, error) {
	if d.txSpent {
		return nil, ErrTxSpent
	}
	var res struct {
		Value []byte `json:"value"`
	}
	path := fmt.Sprintf("/data/%s/%s", url.PathEscape(dbName), url.PathEscape(key))
	if err := d.handleRequest(path, http.MethodGet, nil, &res); err != nil {
		return nil, err
	}
	return res.Value, nil
}

func (d *dataTxContext) Commit(sync bool) (string, *TxReceipt, error) {
	return d.commit(d, "/data/tx", sync)
}

func (d *dataTxContext) composeEnvelope(txID string) (any, error) {
	writes := map[string]map[string][]byte{}
	for db, ops := range d.ops {
		writes[db] = ops.puts
	}
	return map[string]any{"tx_id": txID, "user_id": d.userID, "writes": writes}, nil
}

func (d *dataTxContext) cleanCtx() { d.ops = nil }

// QueryExecutor runs JSON queries.
type QueryExecutor struct {
	*commonTxContext
}

// ExecuteJSONQuery runs query on dbName.
func (q *QueryExecutor) ExecuteJSONQuery(dbName string, query []byte) ([]json.RawMessage, error) {
	var res struct {
		KVs []json.RawMessage `json:"kvs"`
	}
	if err := q.handleRequest("/data/"+url.PathEscape(dbName)+"/jsonquery", http.MethodPost, query, &res); err != nil {
		return nil, err
	}
	return res.KVs, nil
}
