package fix

import "net/http"

// No import of time, and a parameter has its name: the fix imports time as
// time1, into a block made of the single import.
func singleImport(time int) *http.Transport {
	d := keepAliveDialer()
	return &http.Transport{DialContext: d.DialContext, MaxIdleConns: time}
}
