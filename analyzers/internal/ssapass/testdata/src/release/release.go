// Package release reaches net/http, so that ssapass builds it.
package release

import "net/http"

func Get(u string) (*http.Response, error) { return http.Get(u) }
