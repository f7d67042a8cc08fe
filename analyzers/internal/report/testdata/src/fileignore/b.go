package fileignore

//kalint:file-ignore postretry no post in this file // want `//kalint:file-ignore postretry suppresses no postretry finding \(stale directive\)`

func b() {
	leak() // want `call of leak`
}
