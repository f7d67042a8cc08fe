// Package bad is the shape of beego's logs package before PR #2285
// (commit 846ae999, "Fix http body may not be closed"): the Slack and
// JianLiao adapters post every log message at or above their level to a
// webhook with http.PostForm, and return an error when the webhook does
// not answer 200 without closing the answer's body. A webhook that keeps
// refusing messages (a revoked or misconfigured hook) leaks one
// connection, with its two transport goroutines, per logged line of a
// long-running server.
package bad

import (
	"fmt"
	"time"
)

// Levels of log messages, most severe first.
const (
	LevelEmergency = iota
	LevelAlert
	LevelCritical
	LevelError
	LevelWarning
	LevelNotice
	LevelInformational
	LevelDebug
)

// Logger is a log adapter.
type Logger interface {
	WriteMsg(when time.Time, msg string, level int) error
}

// BeeLogger writes messages to its adapters.
type BeeLogger struct {
	level    int
	adapters []Logger
}

// NewLogger returns a logger of the given adapters.
func NewLogger(adapters ...Logger) *BeeLogger {
	return &BeeLogger{level: LevelDebug, adapters: adapters}
}

func (bl *BeeLogger) writeToLoggers(when time.Time, msg string, level int) {
	for _, l := range bl.adapters {
		if err := l.WriteMsg(when, msg, level); err != nil {
			fmt.Printf("unable to WriteMsg to adapter: %v\n", err)
		}
	}
}

// Error logs a message at error level.
func (bl *BeeLogger) Error(format string, v ...any) {
	if LevelError > bl.level {
		return
	}
	bl.writeToLoggers(time.Now(), "[E] "+fmt.Sprintf(format, v...), LevelError)
}
