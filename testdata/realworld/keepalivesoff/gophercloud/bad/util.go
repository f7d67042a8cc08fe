package bad

import (
	"errors"
	"time"
)

// WaitFor polls predicate once a second until it is satisfied, fails, or
// timeout seconds have passed; resource packages wrap it (servers'
// WaitForStatus).
func WaitFor(timeout int, predicate func() (bool, error)) error {
	start := time.Now()
	for {
		if timeout >= 0 && time.Since(start) >= time.Duration(timeout)*time.Second {
			return errors.New("a timeout occurred")
		}
		time.Sleep(time.Second)
		ok, err := predicate()
		if err != nil {
			return err
		}
		if ok {
			return nil
		}
	}
}
