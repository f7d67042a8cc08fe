// Package named names a default: shareddefault builds its SSA form.
package named // want `SSA built`

import "net/http"

func Client() *http.Client { return http.DefaultClient }
