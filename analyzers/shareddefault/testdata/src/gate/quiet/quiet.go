// Package quiet sends through its own client and never names the defaults:
// shareddefault builds nothing for it.
package quiet // want `SSA not built`

import "net/http"

var client = &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 10}}

func Get(url string) (*http.Response, error) { return client.Get(url) }
