// Package user gets transports from lib: values of other packages are not
// followed.
package user

import (
	"crosspkg/lib"
	"net/http"
)

func UseShared() {
	lib.Shared().MaxIdleConns = 1 // lib's result is not followed: not reported
}

func UseFresh() {
	lib.Fresh().MaxIdleConns = 1
}

func HandDefault() {
	lib.Tune(http.DefaultTransport.(*http.Transport)) // handed to another package: judged there
}

func Local() {
	t := http.DefaultTransport.(*http.Transport)
	t.MaxIdleConns = 1 // want `assignment to t.MaxIdleConns changes http.DefaultTransport`
}
