// Package ignore: //kalint:ignore on the finding's line or the line above.
package ignore

func leak() int { return 0 }
func post() int { return 0 }
func use(...int) {}

func bad() {
	leak() // want `call of leak`
	post() // want `call of post`
	use(leak(), post()) // want `call of leak` `call of post`
}

func good() {
	leak() //kalint:ignore respbody the process exits right after

	//kalint:ignore respbody the process exits right after
	leak()

	//kalint:ignore respbody,postretry both calls are on purpose
	use(leak(), post())
}

// A directive covers its own analyzers only, and only the next line.
func partly() {
	//kalint:ignore respbody only the leak is on purpose
	use(leak(), post()) // want `call of post`

	//kalint:ignore respbody two lines above: too far // want `suppresses no respbody finding \(stale directive\)`

	leak() // want `call of leak`
}
