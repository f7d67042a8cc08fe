// Package reader reads the requests to replay from a log.
package reader

import (
	"bufio"
	"io"
	"strings"
	"time"
)

// Record is one logged request.
type Record struct {
	Time    time.Time
	Method  string
	URL     string
	Payload string
}

// LogReader reads records one at a time; io.EOF ends the log.
type LogReader interface {
	Read() (*Record, error)
}

type lineReader struct{ sc *bufio.Scanner }

// New reads "METHOD URL [PAYLOAD]" lines.
func New(r io.Reader) LogReader { return &lineReader{sc: bufio.NewScanner(r)} }

func (l *lineReader) Read() (*Record, error) {
	if !l.sc.Scan() {
		if err := l.sc.Err(); err != nil {
			return nil, err
		}
		return nil, io.EOF
	}
	f := strings.SplitN(l.sc.Text(), " ", 3)
	rec := &Record{Time: time.Now(), Method: f[0]}
	if len(f) > 1 {
		rec.URL = f[1]
	}
	if len(f) > 2 {
		rec.Payload = f[2]
	}
	return rec, nil
}

// Must panics on err.
func Must(err error) {
	if err != nil {
		panic(err)
	}
}
