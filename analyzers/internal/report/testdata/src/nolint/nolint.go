// Package nolint: golangci-lint's //nolint comments, applied by kalint
// when it runs outside golangci-lint.
package nolint

func leak() int { return 0 }
func post() int { return 0 }
func use(...int) {}

func bad() {
	leak() //nolint:errcheck // want `call of leak`
	leak() //nolint:postretry // want `call of leak`
	leak() // nolintx // want `call of leak`

	//nolint:kalint the line above a statement in another column does not count
		leak() // want `call of leak`
}

func good() {
	leak() //nolint:kalint
	leak() //nolint:respbody // explained
	leak() //nolint:errcheck,RespBody
	leak() //nolint
	leak() //nolint:all
	leak() // nolint:kalint
	use(leak(), post()) //nolint:respbody,postretry
}

//nolint:kalint // the whole function
func whole() {
	leak()
	post()
	//kalint:ignore respbody a stale directive is silenced too
}

// A comment group with a nolint covers its lines and the node below.
//
//nolint:respbody
func group() {
	leak()
	post() // want `call of post`
}
