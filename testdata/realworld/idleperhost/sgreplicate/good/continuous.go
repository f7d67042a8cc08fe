package good

import (
	"encoding/json"
	"io"
	"net/http"
	"time"
)

// ContinuousReplication keeps a target in step with its source: it runs
// one-shot replications to catch up, then waits on a longpoll changes
// feed for more.
type ContinuousReplication struct {
	Parameters ReplicationParameters
	RetryTime  time.Duration
	stop       chan struct{}
	lastSeq    string
}

// StartContinuousReplication starts a continuous replication in a
// goroutine of its own. Sync Gateway starts one for each replication in
// its configuration.
func StartContinuousReplication(params ReplicationParameters, retry time.Duration) *ContinuousReplication {
	r := &ContinuousReplication{Parameters: params, RetryTime: retry, stop: make(chan struct{})}
	go r.run()
	return r
}

// Stop ends the replication.
func (r *ContinuousReplication) Stop() { close(r.stop) }

func (r *ContinuousReplication) run() {
	for {
		if err := RunOneShotReplication(r.Parameters); err != nil {
			select {
			case <-r.stop:
				return
			case <-time.After(r.RetryTime):
			}
			continue
		}
		// Caught up: wait for new changes on the source.
		for {
			result := make(chan bool, 1)
			go r.fetchLongpollChanges(result)
			select {
			case <-r.stop:
				return
			case more := <-result:
				if more {
					break
				}
				continue
			}
			break
		}
	}
}

func (r *ContinuousReplication) fetchLongpollChanges(result chan<- bool) {
	client := &http.Client{}
	req, _ := http.NewRequest(http.MethodGet, r.Parameters.changesFeedURL(r.lastSeq, true), nil)
	resp, err := client.Do(req)
	if err != nil {
		result <- false
		return
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode >= 400 {
		result <- false
		return
	}
	var changes Changes
	if err := json.Unmarshal(body, &changes); err != nil {
		result <- false
		return
	}
	result <- len(changes.Results) > 0
}
