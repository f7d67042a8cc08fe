// Package semaphore stands for github.com/tj/go-sync/semaphore: Run runs
// a function in a goroutine of its own once one of the semaphore's slots
// is free, and Wait waits for all of them.
package semaphore

// Semaphore is a counting semaphore; its capacity is the number of slots.
type Semaphore chan struct{}

// Run runs fn in a new goroutine once a slot is free.
func (s Semaphore) Run(fn func()) {
	s <- struct{}{}
	go func() {
		defer func() { <-s }()
		fn()
	}()
}

// Wait waits until every slot is free.
func (s Semaphore) Wait() {
	for i := 0; i < cap(s); i++ {
		s <- struct{}{}
	}
	for i := 0; i < cap(s); i++ {
		<-s
	}
}
