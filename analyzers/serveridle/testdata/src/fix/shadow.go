package fix

import (
	"net/http"
	"time"
)

// A parameter named time hides the import: the fix imports time again as
// time1.
func timeParam(time int64) *http.Server {
	return &http.Server{ReadTimeout: toDuration(time)} // want `close after ReadTimeout`
}

// So does a local variable.
func timeLocal(n int64) *http.Server {
	time := toDuration(n)
	return &http.Server{ReadTimeout: time} // want `close after ReadTimeout`
}

// One declared after the literal does not hide the import there.
func timeLater(n int64) *http.Server {
	srv := &http.Server{ReadTimeout: 3 * time.Second} // want `close after 3s`
	time := toDuration(n)
	srv.Addr = time.String()
	return srv
}

// IdleTimeout set under a shadowed name: quiet.
func timeSet(time int64) *http.Server {
	return &http.Server{ReadTimeout: toDuration(time), IdleTimeout: toDuration(time)}
}
