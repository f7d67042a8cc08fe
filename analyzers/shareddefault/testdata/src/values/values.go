// Package values writes through clients declared as struct values: SSA
// builds the literal in a temporary that it copies into the variable, and
// nothing else can reach the variable's fields.
package values

import "net/http"

func Tune() *http.Client {
	c := http.Client{Transport: http.DefaultTransport}
	c.Transport.(*http.Transport).MaxIdleConnsPerHost = 32 // want `assignment to c.Transport.\(\*http.Transport\).MaxIdleConnsPerHost changes http.DefaultTransport`
	return &http.Client{Transport: c.Transport}
}

// The good twin: the value holds a clone of the default transport.
func TuneClone() *http.Client {
	c := http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone()}
	c.Transport.(*http.Transport).MaxIdleConnsPerHost = 32
	return &http.Client{Transport: c.Transport}
}
