// Package worker runs the jobs; each job reports its status changes
// through the hook agent from its own goroutine.
package worker

import (
	hook "example.com/realworld/idleperhost/harborhook/good"
)

// Job is one job to run.
type Job struct {
	ID      string
	HookURL string
	Run     func() error
}

// Pool runs jobs on a number of workers.
type Pool struct {
	agent hook.Agent
	jobs  chan Job
}

// NewPool starts workers goroutines.
func NewPool(agent hook.Agent, workers int) *Pool {
	p := &Pool{agent: agent, jobs: make(chan Job)}
	for i := 0; i < workers; i++ {
		go p.work()
	}
	return p
}

// Enqueue hands j to a worker.
func (p *Pool) Enqueue(j Job) { p.jobs <- j }

func (p *Pool) work() {
	for j := range p.jobs {
		p.report(j, "Running")
		if err := j.Run(); err != nil {
			p.report(j, "Error")
			continue
		}
		p.report(j, "Success")
	}
}

func (p *Pool) report(j Job, status string) {
	_ = p.agent.Trigger(&hook.Event{URL: j.HookURL, Message: status, Data: &hook.StatusChange{JobID: j.ID, Status: status}})
}
