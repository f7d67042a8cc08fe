// Package noreason: a directive must say why; without a reason it is
// reported and suppresses nothing.
package noreason

func leak() int { return 0 }
func post() int { return 0 }

func bad() {
	leak() /* want `call of leak` `//kalint:ignore respbody gives no reason \(it suppresses nothing\)` */ //kalint:ignore respbody

	// Reported once, by the first analyzer it names.
	/* want `//kalint:ignore postretry,respbody gives no reason` */ //kalint:ignore postretry,respbody
	_, _ = leak(), post() // want `call of leak` `call of post`
}

func good() {
	leak() //kalint:ignore respbody a reason
}
