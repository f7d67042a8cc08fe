// Package golangci: under golangci-lint (-nolint=false), golangci-lint
// applies //nolint:kalint, //nolint:all and //nolint, so kalint reports
// what they cover; //nolint:<analyzer> stays kalint's.
package golangci

func leak() int { return 0 }

func f() {
	leak() //nolint:kalint // want `call of leak`
	leak() //nolint // want `call of leak`
	leak() //nolint:all // want `call of leak`
	leak() //nolint:respbody // golangci-lint does not know respbody: kalint applies it
	leak() //kalint:ignore respbody its own directive still works
}

// golangci-lint drops what kalint reports here, the stale directive too.
//
//nolint:kalint
func g() {
	//kalint:ignore respbody stale // want `suppresses no respbody finding`
}
