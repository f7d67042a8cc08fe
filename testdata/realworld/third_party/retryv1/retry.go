// Package retry is a stand-in for gopkg.in/retry.v1 with the parts the
// real-world cases use, in the same shape: a Strategy says how long to
// wait before each attempt and when to stop, and Start returns an
// Attempt whose Next sleeps until the next attempt is due and reports
// whether there is one.
package retry

import "time"

// Strategy is a retry policy.
type Strategy interface {
	// NewTimer returns a timer for one retry sequence started at now.
	NewTimer(now time.Time) Timer
}

// Timer gives the wait before each attempt.
type Timer interface {
	// NextSleep returns the wait before the next attempt, and false when
	// there should be none.
	NextSleep(now time.Time) (time.Duration, bool)
}

// Clock is the time source; nil means the wall clock.
type Clock interface {
	Now() time.Time
	After(time.Duration) <-chan time.Time
}

// Exponential waits Initial, then Factor times longer each attempt.
type Exponential struct {
	Initial time.Duration
	Factor  float64
}

type expTimer struct {
	next   time.Duration
	factor float64
	first  bool
}

// NewTimer implements Strategy.
func (e Exponential) NewTimer(time.Time) Timer {
	return &expTimer{next: e.Initial, factor: e.Factor, first: true}
}

func (t *expTimer) NextSleep(time.Time) (time.Duration, bool) {
	if t.first {
		t.first = false
		return 0, true
	}
	d := t.next
	t.next = time.Duration(float64(t.next) * t.factor)
	return d, true
}

type countLimit struct {
	n int
	s Strategy
}

type countTimer struct {
	left int
	t    Timer
}

// LimitCount stops strategy after n attempts.
func LimitCount(n int, strategy Strategy) Strategy { return countLimit{n, strategy} }

func (c countLimit) NewTimer(now time.Time) Timer {
	return &countTimer{left: c.n, t: c.s.NewTimer(now)}
}

func (c *countTimer) NextSleep(now time.Time) (time.Duration, bool) {
	if c.left <= 0 {
		return 0, false
	}
	c.left--
	return c.t.NextSleep(now)
}

type timeLimit struct {
	d time.Duration
	s Strategy
}

type timeTimer struct {
	end time.Time
	t   Timer
}

// LimitTime stops strategy once d has passed since the first attempt.
func LimitTime(d time.Duration, strategy Strategy) Strategy { return timeLimit{d, strategy} }

func (l timeLimit) NewTimer(now time.Time) Timer {
	return &timeTimer{end: now.Add(l.d), t: l.s.NewTimer(now)}
}

func (l *timeTimer) NextSleep(now time.Time) (time.Duration, bool) {
	d, ok := l.t.NextSleep(now)
	if !ok || now.Add(d).After(l.end) {
		return 0, false
	}
	return d, true
}

// Attempt is one retry sequence.
type Attempt struct {
	timer Timer
	count int
	next  time.Duration
	more  bool
}

// Start starts a retry sequence under strategy.
func Start(strategy Strategy, clk Clock) *Attempt {
	a := &Attempt{timer: strategy.NewTimer(time.Now())}
	a.next, a.more = a.timer.NextSleep(time.Now())
	return a
}

// Next waits until the next attempt is due and reports whether there is
// one.
func (a *Attempt) Next() bool {
	if !a.more {
		return false
	}
	time.Sleep(a.next)
	a.count++
	a.next, a.more = a.timer.NextSleep(time.Now())
	return true
}

// More reports whether another attempt will follow this one.
func (a *Attempt) More() bool { return a.more }

// Count is the number of attempts made so far.
func (a *Attempt) Count() int { return a.count }
