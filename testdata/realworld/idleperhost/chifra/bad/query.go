// Package bad is the shape of TrueBlocks/trueblocks-core's chifra RPC
// query package (src/apps/chifra/pkg/rpc/query) before PR #3203 (issue
// #3179): every JSON-RPC call to the chain's one node is a POST through
// http.DefaultClient, whose DefaultTransport keeps 2 idle connections per
// host, while chifra's scrapers and exporters call Query from many
// goroutines at once (those callers live in other packages and are left
// out), so connections beyond 2 were closed after each call and the
// machine ran out of ports ("bind" errors). The provider's URL comes from
// the configuration package.
package bad

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"sync/atomic"

	"example.com/realworld/idleperhost/chifra/bad/config"
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
	req, err := http.NewRequest("POST", rpcProvider, body)
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
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
