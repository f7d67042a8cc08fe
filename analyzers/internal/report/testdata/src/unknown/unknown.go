// Package unknown: a directive naming an analyzer kalint does not have is
// reported once, by the first kalint analyzer it names or by the suite's
// first analyzer, and suppresses nothing.
package unknown

func leak() int { return 0 }

func bad() {
	//kalint:ignore respbdy misspelt // want `//kalint:ignore respbdy names an unknown analyzer "respbdy" \(it suppresses nothing\)`
	leak() // want `call of leak`

	//kalint:ignore respbody,bodyclose one of two unknown // want `names an unknown analyzer "bodyclose"`
	leak() // want `call of leak`

	//kalint:ignore bodyclose,noctx neither is ours // want `names unknown analyzers "bodyclose", "noctx"`
	leak() // want `call of leak`

	//kalint:ignore respbody, a space after the comma // want `//kalint:ignore respbody, names an unknown analyzer ""`
	leak() // want `call of leak`

	//kalint:ignor respbody misspelt verb // want `//kalint:ignor is not a kalint directive`
	leak() // want `call of leak`

	/* want `//kalint:ignore names no analyzer` */ //kalint:ignore
	leak() // want `call of leak`
}

func good() {
	//kalint:ignore respbody known
	leak()
}
