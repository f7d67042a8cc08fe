// Package good is chifra's query package after PR #3203: an init raises
// http.DefaultTransport's MaxIdleConnsPerHost to 4 per GOMAXPROCS (the
// PR's comment: the whole codebase uses DefaultTransport), and the send
// becomes an http.Post. (Writing the shared default is the PR's choice.)
package good

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"runtime"
	"sync/atomic"

	"example.com/realworld/idleperhost/chifra/good/config"
)

// Params are the parameters of an RPC call.
type Params []any

// Payload is one RPC call.
type Payload struct {
	Method string `json:"method"`
	Params `json:"params"`
}

type rpcResponse[T any] struct {
	Result T `json:"result"`
	Error  *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

func init() {
	http.DefaultTransport.(*http.Transport).MaxIdleConnsPerHost = runtime.GOMAXPROCS(0) * 4
}

// Query returns a single result for the given method and params.
func Query[T any](chain string, method string, params Params) (*T, error) {
	var response rpcResponse[T]
	provider, _ := config.GetRpcProvider(chain)
	if err := FromRpc(provider, &Payload{Method: method, Params: params}, &response); err != nil {
		return nil, err
	}
	if response.Error != nil {
		return nil, fmt.Errorf("%d: %s", response.Error.Code, response.Error.Message)
	}
	return &response.Result, nil
}

var rpcCounter uint32

// FromRpc sends one call to rpcProvider and decodes its answer into ret.
func FromRpc(rpcProvider string, payload *Payload, ret any) error {
	type rpcPayload struct {
		Jsonrpc string `json:"jsonrpc"`
		Method  string `json:"method"`
		Params  `json:"params"`
		ID      int `json:"id"`
	}
	plBytes, err := json.Marshal(rpcPayload{
		Jsonrpc: "2.0",
		Method:  payload.Method,
		Params:  payload.Params,
		ID:      int(atomic.AddUint32(&rpcCounter, 1)),
	})
	if err != nil {
		return err
	}
	return sendRpcRequest(rpcProvider, plBytes, ret)
}

func sendRpcRequest(rpcProvider string, marshalled []byte, result any) error {
	body := bytes.NewReader(marshalled)
	resp, err := http.Post(rpcProvider, "application/json", body)
	if err != nil {
		return err
	}
	defer resp.Body.Close()

	theBytes, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	return json.Unmarshal(theBytes, result)
}
