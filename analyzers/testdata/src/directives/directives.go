// Package directives: every analyzer of the suite honours kalint's
// directives (a directive that suppresses nothing of an analyzer's is
// reported by it), and a directive that names no analyzer of the suite is
// reported once, not by every analyzer.
package directives

//kalint:ignore serveridle nothing here // want `//kalint:ignore serveridle suppresses no serveridle finding \(stale directive\)`

//kalint:ignore idleperhost nothing here // want `//kalint:ignore idleperhost suppresses no idleperhost finding \(stale directive\)`

//kalint:ignore respbody nothing here // want `//kalint:ignore respbody suppresses no respbody finding \(stale directive\)`

//kalint:ignore transportreuse nothing here // want `//kalint:ignore transportreuse suppresses no transportreuse finding \(stale directive\)`

//kalint:ignore dialkeepalive nothing here // want `//kalint:ignore dialkeepalive suppresses no dialkeepalive finding \(stale directive\)`

//kalint:ignore postretry nothing here // want `//kalint:ignore postretry suppresses no postretry finding \(stale directive\)`

//kalint:ignore keepalivesoff nothing here // want `//kalint:ignore keepalivesoff suppresses no keepalivesoff finding \(stale directive\)`

//kalint:ignore connfile nothing here // want `//kalint:ignore connfile suppresses no connfile finding \(stale directive\)`

//kalint:ignore h2health nothing here // want `//kalint:ignore h2health suppresses no h2health finding \(stale directive\)`

//kalint:ignore shareddefault nothing here // want `//kalint:ignore shareddefault suppresses no shareddefault finding \(stale directive\)`

//kalint:ignore respbdy misspelt // want `//kalint:ignore respbdy names an unknown analyzer "respbdy" \(it suppresses nothing\)`

/* want `//kalint:ignore postretry,respbody gives no reason \(it suppresses nothing\)` */ //kalint:ignore postretry,respbody
var V int
