// Package bad is the shape of travis-ci/worker's job-board client before
// PR #346: fetching a job and marking it finished retry the request with
// backoff.Retry, and the retried closure returns an error on an unexpected
// status without closing the response, whose body is then lost when the
// next attempt overwrites resp; a job board answering errors leaks a
// connection (and a file descriptor) per attempt.
package bad

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"

	"github.com/cenkalti/backoff"
)

// JobQueue fetches jobs from the job board.
type JobQueue struct {
	jobBoardURL *url.URL
	site        string
	workerID    string
}

// Job is a job from the job board.
type Job struct {
	ID          uint64 `json:"id"`
	JWT         string `json:"jwt"`
	jobBoardURL *url.URL
}

func newBackOff() *backoff.ExponentialBackOff {
	bo := backoff.NewExponentialBackOff()
	bo.MaxInterval = 10 * time.Second
	bo.MaxElapsedTime = time.Minute
	return bo
}

func (q *JobQueue) fetchJob(ctx context.Context, id uint64) (*Job, error) {
	u := *q.jobBoardURL
	u.Path = fmt.Sprintf("/jobs/%d", id)
	req, err := http.NewRequest("GET", u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("couldn't make job board job request: %w", err)
	}
	req.Header.Add("Travis-Site", q.site)
	req.Header.Add("From", q.workerID)
	req = req.WithContext(ctx)

	var resp *http.Response
	err = backoff.Retry(func() (err error) {
		resp, err = (&http.Client{}).Do(req)
		if resp != nil && resp.StatusCode != http.StatusOK {
			return fmt.Errorf("expected %d but got %d", http.StatusOK, resp.StatusCode)
		}
		return
	}, newBackOff())
	if err != nil {
		return nil, fmt.Errorf("error making job board job request: %w", err)
	}

	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, fmt.Errorf("error reading body from job board job request: %w", err)
	}
	job := &Job{jobBoardURL: q.jobBoardURL}
	if err := json.Unmarshal(body, job); err != nil {
		return nil, fmt.Errorf("failed to unmarshal job board payload: %w", err)
	}
	return job, nil
}

// Finish tells the job board the job is done.
func (j *Job) Finish(ctx context.Context) error {
	u := *j.jobBoardURL
	u.Path = fmt.Sprintf("/jobs/%d", j.ID)
	req, err := http.NewRequest("DELETE", u.String(), nil)
	if err != nil {
		return err
	}
	req.Header.Add("Authorization", "Bearer "+j.JWT)
	req = req.WithContext(ctx)

	var resp *http.Response
	err = backoff.Retry(func() (err error) {
		resp, err = (&http.Client{}).Do(req)
		if resp != nil && resp.StatusCode != http.StatusNoContent {
			return fmt.Errorf("expected %d but got %d", http.StatusNoContent, resp.StatusCode)
		}
		return
	}, newBackOff())
	if err != nil {
		return fmt.Errorf("failed to mark job complete with retries: %w", err)
	}
	defer resp.Body.Close()
	_, err = io.ReadAll(resp.Body)
	return err
}
