// Package peer holds the shapes of bodyclose's public test suite and of the
// false positives reported against it, rewritten: responses bodyclose
// reports must get a leak here, and none of the ones it must not report may
// (closed-but-unread ones get respbody's own noreuse finding).
package peer

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
)

func reassigned(u string) {
	r, err := http.Get(u) // want `r.Body is not closed`
	if err != nil {
	}
	fmt.Print(r)
	r, err = http.Get(u) // want `r.Body is not closed`
	_ = r.Status
	r, err = http.Get(u) // want `r.Body is not closed`
	fmt.Print(r.Body, err)
	return
}

func blankResponse(u string) {
	_, err := http.Get(u) // want `discarded`
	if err != nil {
	}
}

func uncalledClosure(u string) {
	r, _ := http.Get(u) // want `r.Body is not closed`
	_ = func() { r.Body.Close() }
}

func consume(r *http.Response) { _, _ = io.ReadAll(r.Body) }

// bodyclose reports this one; consume reads the body to EOF, which hands
// the connection back to the pool, so there is no leak.
func closedByNonCloser(u string) {
	r, err := http.Get(u)
	if err != nil {
		panic(err)
	}
	consume(r)
}

func peek(r *http.Response) { _, _ = r.Body.Read(make([]byte, 1)) }

func peekedByNonCloser(u string) {
	r, err := http.Get(u) // want `r.Body is not closed`
	if err != nil {
		panic(err)
	}
	peek(r)
}

func emptyDeferredLiteral(u string) {
	r, _ := http.Get(u) // want `r.Body is not closed`
	defer func(io.ReadCloser) {}(r.Body)
}

func sink(io.ReadCloser) {}

func emptySink(u string) {
	r, _ := http.Get(u) // want `r.Body is not closed`
	sink(r.Body)
}

func maxBytesDiscarded(u string) {
	r, _ := http.Get(u) // want `r.Body is not closed`
	_ = http.MaxBytesReader(nil, r.Body, 10)
}

func maxBytesClosed(u string) {
	r, _ := http.Get(u)
	rc := http.MaxBytesReader(nil, r.Body, 10)
	defer rc.Close()
	_, _ = io.ReadAll(rc)
}

func unclosedWrapper(u string) (*http.Response, error) { return http.Get(u) }

func discardedWrapper(u string) {
	_, _ = unclosedWrapper(u) // want `discarded`
}

func aliasBeforeCheck(u string) {
	r, err := http.Get(u) // want `closed without being read`
	b := r.Body
	b.Close()
	_ = err
}

func calledClosure(u string) {
	r, _ := http.Get(u) // want `closed without being read`
	fn := func() { r.Body.Close() }
	fn()
}

func literalWithRequest() {
	_ = func(u string) {
		r, _ := http.Get(u) // want `closed without being read`
		r.Body.Close()
	}
}

func closer(x *http.Response) { x.Body.Close() }

func closedByCloser(u string) {
	r, _ := http.Get(u) // want `closed without being read`
	closer(r)
}

func closeReturningBody(c *http.Client, u string) (io.Closer, error) {
	r, err := c.Get(u)
	if err != nil {
		return nil, err
	}
	return r.Body, nil
}

func shut(c io.Closer) { _ = c.Close() }

func deferredShut(u string) {
	r, _ := http.Get(u) // want `closed without being read`
	defer shut(r.Body)
}

func report(string, error) {}

func closeResultReported(c *http.Client, req *http.Request) {
	r, err := c.Do(req) // want `closed without being read`
	if err != nil {
		return
	}
	defer func() { report("close", r.Body.Close()) }()
}

var global *http.Response

func storedGlobal(u string) {
	global, _ = http.Get(u)
}

type holder struct{ r *http.Response }

func (h *holder) get() *http.Response { return h.r }

func storedField(u string) {
	h := &holder{}
	h.r, _ = http.Get(u)
	_ = h.get().Body.Close()
}

func recorderResult() {
	rec := httptest.NewRecorder()
	r := rec.Result()
	_, _ = io.ReadAll(r.Body)
}

func closedAfterIf(u string, cond bool) {
	var r *http.Response
	if cond {
		r, _ = http.Get(u)
	} else {
		return
	}
	defer r.Body.Close()
	_, _ = io.ReadAll(r.Body)
}

func closerVariableCalled(u string) {
	r, _ := http.Get(u) // want `closed without being read`
	fn := func(c io.Closer) { c.Close() }
	fn(r.Body)
}

func closeOnlyOnError(u string) {
	r, err := http.Get(u) // want `r.Body is not closed`
	if err != nil {
		return
	}
	if r.StatusCode >= 400 {
		defer r.Body.Close()
	}
}
