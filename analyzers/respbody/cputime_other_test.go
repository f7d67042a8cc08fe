//go:build !unix

package respbody_test

import "time"

var start = time.Now()

// cpuTime falls back to the time on the clock where the process's CPU
// time is not at hand.
func cpuTime() time.Duration { return time.Since(start) }
