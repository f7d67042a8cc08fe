// Package config stands in for chifra's pkg/config: the RPC provider of a
// chain comes from the user's configuration file (trueBlocks.toml), read
// elsewhere; here a map set by the caller.
package config

import "strings"

// Chains maps a chain's name to its RPC provider's URL.
var Chains = map[string]string{}

// GetRpcProvider returns the RPC provider for a chain.
func GetRpcProvider(chain string) (string, error) {
	return strings.TrimSuffix(Chains[chain], "/"), nil
}
