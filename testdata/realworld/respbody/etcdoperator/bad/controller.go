// Package bad is the shape of coreos/etcd-operator's controller before PR
// #127 (commit 9321b40): monitorEtcdCluster re-opens the watch of the
// EtcdCluster resources in a loop and, when the API server answers with
// another status than 200, reports the error and returns with the answer's
// body neither read nor closed, so its connection stays held.
package bad

import (
	"encoding/json"
	"errors"
	"io"
	"log"
	"net/http"

	"example.com/realworld/respbody/etcdoperator/bad/k8sutil"
)

// Event is one watch event.
type Event struct {
	Type   string
	Object struct {
		Metadata struct {
			ResourceVersion string `json:"resourceVersion"`
		} `json:"metadata"`
	}
}

func monitorEtcdCluster(host string, httpClient *http.Client, watchVersion string) (<-chan *Event, <-chan error) {
	events := make(chan *Event)
	errc := make(chan error, 1)
	go func() {
		for {
			resp, err := k8sutil.WatchETCDCluster(host, httpClient, watchVersion)
			if err != nil {
				errc <- err
				return
			}
			if resp.StatusCode != 200 {
				errc <- errors.New("invalid status code: " + resp.Status)
				return
			}
			decoder := json.NewDecoder(resp.Body)
			for {
				ev := new(Event)
				if err := decoder.Decode(ev); err != nil {
					if err != io.EOF {
						log.Printf("failed to get event from apiserver: %v", err)
						errc <- err
					}
					break
				}
				if ev.Type == "ERROR" {
					break
				}
				watchVersion = ev.Object.Metadata.ResourceVersion
				events <- ev
			}
			resp.Body.Close()
		}
	}()
	return events, errc
}
