package basic

import (
	"net/http"
	"time"
)

func pointerLiteral() {
	srv := &http.Server{ // want `http.Server sets ReadTimeout but not IdleTimeout \(idle keep-alive connections close after 10s\)`
		Addr:        ":8080",
		ReadTimeout: 10 * time.Second,
	}
	srv.ListenAndServe()
}

func pointerLiteralGood() {
	srv := &http.Server{
		Addr:        ":8080",
		ReadTimeout: 10 * time.Second,
		IdleTimeout: 2 * time.Minute,
	}
	srv.ListenAndServe()
}

func valueLiteral() {
	srv := http.Server{Addr: ":8080", ReadTimeout: 5 * time.Second} // want `close after 5s`
	srv.ListenAndServe()
}

func valueLiteralGood() {
	srv := http.Server{Addr: ":8080", ReadTimeout: 5 * time.Second, IdleTimeout: time.Minute}
	srv.ListenAndServe()
}

func explicitZero() {
	srv := &http.Server{ReadTimeout: time.Second, IdleTimeout: 0} // want `close after 1s`
	srv.ListenAndServe()
}

func negativeIdle() {
	// A negative IdleTimeout means no idle timeout, on purpose.
	srv := &http.Server{ReadTimeout: time.Second, IdleTimeout: -1}
	srv.ListenAndServe()
}

func newServer() {
	srv := new(http.Server)
	srv.Addr = ":8080"
	srv.ReadTimeout = 30 * time.Second // want `close after 30s`
	srv.ListenAndServe()
}

func newServerGood() {
	srv := new(http.Server)
	srv.ReadTimeout = 30 * time.Second
	srv.IdleTimeout = 90 * time.Second
	srv.ListenAndServe()
}

func varServer() {
	var srv http.Server
	srv.ReadTimeout = time.Minute // want `close after 1m0s`
	srv.ListenAndServe()
}

func varServerGood() {
	var srv http.Server
	srv.ReadTimeout = time.Minute
	srv.IdleTimeout = 5 * time.Minute
	srv.ListenAndServe()
}

func nonConstant(d time.Duration) {
	srv := &http.Server{ReadTimeout: d} // want `close after ReadTimeout\)`
	srv.ListenAndServe()
}

func nonConstantIdle(d, idle time.Duration) {
	srv := &http.Server{ReadTimeout: d, IdleTimeout: idle}
	srv.ListenAndServe()
}

func noReadTimeout() {
	srv := &http.Server{Addr: ":8080", WriteTimeout: 10 * time.Second}
	srv.ListenAndServe()
}

func readHeaderOnly() {
	srv := &http.Server{Addr: ":8080", ReadHeaderTimeout: 5 * time.Second}
	srv.ListenAndServe()
}

func zeroReadTimeout() {
	srv := &http.Server{ReadTimeout: 0}
	srv.ListenAndServe()
}

func keepAlivesOff() {
	srv := &http.Server{ReadTimeout: 10 * time.Second}
	srv.SetKeepAlivesEnabled(false)
	srv.ListenAndServe()
}

func keepAlivesOn() {
	srv := &http.Server{ReadTimeout: 10 * time.Second} // want `close after 10s`
	srv.SetKeepAlivesEnabled(true)
	srv.ListenAndServe()
}

func keepAlivesUnknown(on bool) {
	srv := &http.Server{ReadTimeout: 10 * time.Second}
	srv.SetKeepAlivesEnabled(on)
	srv.ListenAndServe()
}

var pkgServer = &http.Server{ReadTimeout: 3 * time.Second} // want `close after 3s`

var pkgServerGood = &http.Server{ReadTimeout: 3 * time.Second, IdleTimeout: time.Minute}

var pkgValue http.Server

func configurePkgValue() {
	pkgValue.ReadTimeout = 4 * time.Second // want `close after 4s`
}

var pkgValueGood http.Server

func configurePkgValueGood() {
	pkgValueGood.ReadTimeout = 4 * time.Second
	pkgValueGood.IdleTimeout = 4 * time.Minute
}

func start() {
	go pkgServer.ListenAndServe()
	go pkgServerGood.ListenAndServe()
	go pkgValue.ListenAndServe()
	go pkgValueGood.ListenAndServe()
}
