// Package stale: a directive that suppresses nothing is reported, by each
// analyzer it names that it suppressed nothing of.
package stale

func leak() int { return 0 }
func post() int { return 0 }

func bad() {
	//kalint:ignore respbody nothing leaks here any more // want `//kalint:ignore respbody suppresses no respbody finding \(stale directive\)`
	post() // want `call of post`

	//kalint:ignore respbody,postretry only the leak is left // want `//kalint:ignore respbody,postretry suppresses no postretry finding`
	leak()
}

func good() {
	//kalint:ignore respbody,postretry both are on purpose
	_, _ = leak(), post()
}
