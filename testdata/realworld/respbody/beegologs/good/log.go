// Package good is beego's logs package after PR #2285 (commit
// 846ae999): both webhook adapters defer the Close right after the error
// check, so the answer is closed on the non-200 return too.
package good

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
