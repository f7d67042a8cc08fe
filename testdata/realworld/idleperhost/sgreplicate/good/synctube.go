// Package good is the shape of couchbaselabs/sg-replicate after PR #61
// (October 2018, for couchbase/sync_gateway#3762): the package client's
// copy of http.DefaultTransport keeps up to 100 idle connections per
// host, so the replications that share a Sync Gateway host reuse their
// connections instead of closing all but two after each request.
package good

import (
	"bytes"
	"crypto/sha1"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"
)

var globalClient *http.Client

func init() {
	// A copy of the default transport with longer timeouts.
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.ResponseHeaderTimeout = 60 * time.Second
	t.MaxIdleConnsPerHost = 100
	t.DialContext = (&net.Dialer{
		Timeout:   60 * time.Second,
		KeepAlive: 30 * time.Second,
	}).DialContext

	globalClient = &http.Client{
		Timeout:   time.Hour,
		Transport: t,
	}
}

// Checkpoint is the last source sequence a replication pushed.
type Checkpoint struct {
	ID           string `json:"_id"`
	Rev          string `json:"_rev,omitempty"`
	LastSequence string `json:"lastSequence"`
}

// Change is one entry of a changes feed.
type Change struct {
	Seq     json.RawMessage `json:"seq"`
	ID      string          `json:"id"`
	Changes []struct {
		Rev string `json:"rev"`
	} `json:"changes"`
}

// Changes is a changes feed answer.
type Changes struct {
	Results []Change        `json:"results"`
	LastSeq json.RawMessage `json:"last_seq"`
}

type eventKind int

const (
	checkpointFetched eventKind = iota
	changesFetched
	revsDiffFetched
	bulkDocsPushed
	checkpointPushed
	stepFailed
)

type event struct {
	kind eventKind
	data any
	err  error
}

// Replication is one one-shot replication from source to target.
type Replication struct {
	Parameters ReplicationParameters
	events     chan event
	done       chan error

	checkpoint Checkpoint
	changes    Changes
	missing    map[string][]string
}

// NewReplication makes a replication; Start runs it.
func NewReplication(params ReplicationParameters) *Replication {
	return &Replication{
		Parameters: params,
		events:     make(chan event, 1),
		done:       make(chan error, 1),
	}
}

// Start runs the replication's state machine in a goroutine of its own.
func (r *Replication) Start() {
	go r.processEvents()
}

// Wait waits for the replication to finish.
func (r *Replication) Wait() error {
	return <-r.done
}

// RunOneShotReplication runs a replication to the end.
func RunOneShotReplication(params ReplicationParameters) error {
	r := NewReplication(params)
	r.Start()
	return r.Wait()
}

type stateFn func(*Replication) stateFn

func (r *Replication) processEvents() {
	go r.fetchTargetCheckpoint()
	for state := stateFetchCheckpoint; state != nil; {
		state = state(r)
	}
}

func (r *Replication) fail(err error) stateFn {
	r.done <- err
	return nil
}

func stateFetchCheckpoint(r *Replication) stateFn {
	ev := <-r.events
	if ev.kind != checkpointFetched {
		return r.fail(ev.err)
	}
	r.checkpoint = ev.data.(Checkpoint)
	go r.fetchChangesFeed()
	return stateFetchChanges
}

func stateFetchChanges(r *Replication) stateFn {
	ev := <-r.events
	if ev.kind != changesFetched {
		return r.fail(ev.err)
	}
	r.changes = ev.data.(Changes)
	if len(r.changes.Results) == 0 {
		r.done <- nil
		return nil
	}
	go r.fetchRevsDiff()
	return stateFetchRevsDiff
}

func stateFetchRevsDiff(r *Replication) stateFn {
	ev := <-r.events
	if ev.kind != revsDiffFetched {
		return r.fail(ev.err)
	}
	r.missing = ev.data.(map[string][]string)
	go r.pushBulkDocs()
	return statePushBulkDocs
}

func statePushBulkDocs(r *Replication) stateFn {
	ev := <-r.events
	if ev.kind != bulkDocsPushed {
		return r.fail(ev.err)
	}
	go r.pushCheckpoint()
	return statePushCheckpoint
}

func statePushCheckpoint(r *Replication) stateFn {
	ev := <-r.events
	if ev.kind != checkpointPushed {
		return r.fail(ev.err)
	}
	// Go round again from the pushed checkpoint.
	go r.fetchTargetCheckpoint()
	return stateFetchCheckpoint
}

func (r *Replication) checkpointAddress() string {
	params, _ := json.Marshal(r.Parameters)
	return fmt.Sprintf("%x", sha1.Sum(params))
}

func (r *Replication) checkpointURL() string {
	return fmt.Sprintf("%s/_local/%s", r.Parameters.TargetDbURL(), r.checkpointAddress())
}

func (r *Replication) fetchTargetCheckpoint() {
	req, _ := http.NewRequest(http.MethodGet, r.checkpointURL(), nil)
	resp, err := globalClient.Do(req)
	if err != nil {
		r.events <- event{kind: stepFailed, err: err}
		return
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	switch {
	case err != nil:
		r.events <- event{kind: stepFailed, err: err}
	case resp.StatusCode == http.StatusNotFound:
		r.events <- event{kind: checkpointFetched, data: Checkpoint{LastSequence: "0"}}
	case resp.StatusCode >= 300:
		r.events <- event{kind: stepFailed, err: fmt.Errorf("checkpoint: %s", resp.Status)}
	default:
		var cp Checkpoint
		if err := json.Unmarshal(body, &cp); err != nil {
			r.events <- event{kind: stepFailed, err: err}
			return
		}
		r.events <- event{kind: checkpointFetched, data: cp}
	}
}

func (r *Replication) fetchChangesFeed() {
	req, _ := http.NewRequest(http.MethodGet, r.Parameters.changesFeedURL(r.checkpoint.LastSequence, false), nil)
	resp, err := globalClient.Do(req)
	if err != nil {
		r.events <- event{kind: stepFailed, err: err}
		return
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode >= 400 {
		r.events <- event{kind: stepFailed, err: fmt.Errorf("changes feed: %s: %v", resp.Status, err)}
		return
	}
	var changes Changes
	if err := json.Unmarshal(body, &changes); err != nil {
		r.events <- event{kind: stepFailed, err: err}
		return
	}
	r.events <- event{kind: changesFetched, data: changes}
}

func (r *Replication) postJSON(rawURL string, payload any) ([]byte, error) {
	data, err := json.Marshal(payload)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequest(http.MethodPost, rawURL, bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := globalClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode >= 400 {
		return nil, fmt.Errorf("POST %s: %s", rawURL, resp.Status)
	}
	return body, nil
}

func (r *Replication) fetchRevsDiff() {
	revs := make(map[string][]string)
	for _, c := range r.changes.Results {
		for _, rev := range c.Changes {
			revs[c.ID] = append(revs[c.ID], rev.Rev)
		}
	}
	body, err := r.postJSON(r.Parameters.TargetDbURL()+"/_revs_diff", revs)
	if err != nil {
		r.events <- event{kind: stepFailed, err: err}
		return
	}
	var diff map[string]struct {
		Missing []string `json:"missing"`
	}
	if err := json.Unmarshal(body, &diff); err != nil {
		r.events <- event{kind: stepFailed, err: err}
		return
	}
	missing := make(map[string][]string, len(diff))
	for id, d := range diff {
		missing[id] = d.Missing
	}
	r.events <- event{kind: revsDiffFetched, data: missing}
}

func (r *Replication) pushBulkDocs() {
	docs := make([]map[string]any, 0, len(r.missing))
	for id, revs := range r.missing {
		for _, rev := range revs {
			docs = append(docs, map[string]any{"_id": id, "_rev": rev})
		}
	}
	payload := map[string]any{"docs": docs, "new_edits": false}
	if _, err := r.postJSON(r.Parameters.TargetDbURL()+"/_bulk_docs", payload); err != nil {
		r.events <- event{kind: stepFailed, err: err}
		return
	}
	r.events <- event{kind: bulkDocsPushed}
}

func (r *Replication) pushCheckpoint() {
	cp := r.checkpoint
	cp.ID = "_local/" + r.checkpointAddress()
	cp.LastSequence = string(r.changes.LastSeq)
	data, _ := json.Marshal(cp)
	req, err := http.NewRequest(http.MethodPut, r.checkpointURL(), bytes.NewReader(data))
	if err != nil {
		r.events <- event{kind: stepFailed, err: err}
		return
	}
	resp, err := globalClient.Do(req)
	if err != nil {
		r.events <- event{kind: stepFailed, err: err}
		return
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil || resp.StatusCode >= 300 {
		r.events <- event{kind: stepFailed, err: fmt.Errorf("push checkpoint: %s: %v", resp.Status, err)}
		return
	}
	r.events <- event{kind: checkpointPushed}
}
