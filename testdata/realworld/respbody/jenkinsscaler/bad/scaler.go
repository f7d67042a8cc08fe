// Package bad is the shape of shazam/jenkins-nodes-auto-scaler before PR
// #6 (August 2018, "Fix unclosed responses causing go routine leak"), a
// daemon (package main there) that polls Jenkins every 8 seconds and
// starts or stops build boxes on Compute Engine to follow the queue. All
// its Jenkins calls go through jenkinsRequest on one package client.
// Every POST first fetches a CSRF crumb, and jenkinsRequestCrumb returned
// on a 404 (CSRF protection off) without closing the answer, so each
// toggleOffline and each launchSlaveAgent, which launchNodeAgent repeats
// every 10 seconds while a box boots, leaked a connection and its two
// transport goroutines; the POST answers themselves were closed unread,
// so their connections were not reused either. The PR closes every
// answer through closeResponseBody, which reads what is left first.
package bad

import (
	"encoding/json"
	"io"
	"log"
	"math/rand"
	"net/http"
	"strings"
	"sync"
	"time"
)

// JenkinsQueue is Jenkins' /queue/api/json answer.
type JenkinsQueue struct {
	Items []struct {
		Buildable bool   `json:"buildable"`
		Why       string `json:"why"`
	} `json:"items"`
}

// JenkinsBuildBoxInfo is Jenkins' /computer/<name>/api/json answer.
type JenkinsBuildBoxInfo struct {
	Idle               bool `json:"idle"`
	TemporarilyOffline bool `json:"temporarilyOffline"`
	Offline            bool `json:"offline"`
}

// Config is what the daemon's flags set.
type Config struct {
	JenkinsBaseURL     string
	JenkinsUsername    string
	JenkinsAPIToken    string
	WorkersPerBuildBox int
	BuildBoxes         []string
}

// Cloud starts and stops the build boxes' instances.
type Cloud interface {
	Start(name string) error
	Stop(name string) error
}

var (
	cfg        Config
	cloud      Cloud
	httpClient = &http.Client{}
)

// Run scales the pool until the process exits.
func Run(c Config, cl Cloud) {
	cfg, cloud = c, cl
	for {
		queueSize := fetchQueueSize()
		if queueSize > 0 {
			log.Printf("%d jobs waiting to be executed", queueSize)
			enableMoreNodes(queueSize)
		} else if queueSize == 0 {
			disableUnnecessaryBuildBoxes()
		}
		time.Sleep(8 * time.Second)
	}
}

func enableMoreNodes(queueSize int) {
	needed := (queueSize + cfg.WorkersPerBuildBox - 1) / cfg.WorkersPerBuildBox
	var wg sync.WaitGroup
	boxes := append([]string(nil), cfg.BuildBoxes...)
	rand.Shuffle(len(boxes), func(i, j int) { boxes[i], boxes[j] = boxes[j], boxes[i] })
	for _, box := range boxes {
		if needed <= 0 {
			break
		}
		if isNodeOffline(box) {
			wg.Add(1)
			go func(b string) {
				defer wg.Done()
				enableNode(b)
			}(box)
			needed--
		}
	}
	wg.Wait()
}

func disableUnnecessaryBuildBoxes() {
	var wg sync.WaitGroup
	for _, box := range cfg.BuildBoxes {
		if !isNodeOffline(box) && isNodeIdle(box) {
			wg.Add(1)
			go func(b string) {
				defer wg.Done()
				toggleNodeStatus(b, "offline")
				cloud.Stop(b)
			}(box)
		}
	}
	wg.Wait()
}

func enableNode(box string) bool {
	if !isNodeTemporarilyOffline(box) {
		toggleNodeStatus(box, "offline")
	}
	if err := cloud.Start(box); err != nil {
		return false
	}
	launched := true
	if !isAgentConnected(box) {
		launched = launchNodeAgent(box)
	}
	if launched && isNodeTemporarilyOffline(box) {
		toggleNodeStatus(box, "online")
	}
	return launched
}

func toggleNodeStatus(box, message string) error {
	resp, err := jenkinsRequest("POST", "/computer/"+box+"/toggleOffline")
	if err == nil {
		defer resp.Body.Close()
		log.Printf("%s was toggled temporarily %s", box, message)
	}
	return err
}

// launchNodeAgent asks Jenkins to launch the box's agent every 10 seconds
// until it is connected, for up to two minutes.
func launchNodeAgent(box string) bool {
	quit := make(chan bool, 1)
	online := make(chan bool, 1)
	go func() {
		counter := 0
		for {
			select {
			case <-quit:
				return
			default:
				if isAgentConnected(box) {
					online <- true
					return
				}
				if counter%10 == 0 {
					resp, err := jenkinsRequest("POST", "/computer/"+box+"/launchSlaveAgent")
					if err == nil {
						resp.Body.Close()
					}
				}
			}
			time.Sleep(time.Second)
			counter++
		}
	}()
	select {
	case <-online:
		return true
	case <-time.After(120 * time.Second):
		quit <- true
		log.Printf("unable to launch the agent for %s, shutting down", box)
		cloud.Stop(box)
		return false
	}
}

func isAgentConnected(box string) bool {
	resp, err := jenkinsRequest("GET", "/computer/"+box+"/logText/progressiveHtml")
	if err != nil {
		return false
	}
	defer resp.Body.Close()
	content, _ := io.ReadAll(resp.Body)
	s := string(content)
	return len(s) > 37 && strings.Contains(s[len(s)-37:], "successfully connected and online")
}

func isNodeOffline(box string) bool            { return fetchNodeInfo(box).Offline }
func isNodeTemporarilyOffline(box string) bool { return fetchNodeInfo(box).TemporarilyOffline }
func isNodeIdle(box string) bool               { return fetchNodeInfo(box).Idle }

func fetchNodeInfo(box string) JenkinsBuildBoxInfo {
	resp, err := jenkinsRequest("GET", "/computer/"+box+"/api/json")
	if err != nil {
		log.Printf("error fetching Jenkins build box %s info: %v", box, err)
		return JenkinsBuildBoxInfo{}
	}
	defer resp.Body.Close()
	var data JenkinsBuildBoxInfo
	json.NewDecoder(resp.Body).Decode(&data)
	return data
}

func fetchQueueSize() int {
	resp, err := jenkinsRequest("GET", "/queue/api/json")
	if err != nil {
		log.Printf("error fetching Jenkins queue: %v", err)
		return 0
	}
	defer resp.Body.Close()
	var data JenkinsQueue
	if err := json.NewDecoder(resp.Body).Decode(&data); err != nil {
		log.Printf("error decoding Jenkins queue: %v", err)
		return 0
	}
	n := 0
	for _, i := range data.Items {
		if i.Buildable && !strings.HasPrefix(i.Why, "There are no nodes with the label") {
			n++
		}
	}
	return n
}

func jenkinsRequest(method, path string) (*http.Response, error) {
	req, err := http.NewRequest(method, strings.TrimRight(cfg.JenkinsBaseURL, "/")+path, nil)
	if err != nil {
		return nil, err
	}
	req.SetBasicAuth(cfg.JenkinsUsername, cfg.JenkinsAPIToken)
	if method == "POST" {
		if crumb := jenkinsRequestCrumb(); crumb != "0" {
			if field, value, ok := strings.Cut(crumb, ":"); ok {
				req.Header.Add(field, value)
			}
		}
	}
	resp, err := httpClient.Do(req)
	if err != nil {
		log.Printf("error calling Jenkins API: %v", err)
		return nil, err
	}
	if resp.StatusCode == 401 {
		panic("failing authenticating to Jenkins, check user and api token provided")
	}
	return resp, nil
}

func jenkinsRequestCrumb() string {
	req, err := http.NewRequest("GET", strings.TrimRight(cfg.JenkinsBaseURL, "/")+`/crumbIssuer/api/xml?xpath=concat(//crumbRequestField,":",//crumb)`, nil)
	if err != nil {
		return "0"
	}
	req.SetBasicAuth(cfg.JenkinsUsername, cfg.JenkinsAPIToken)
	resp, err := httpClient.Do(req)
	if err != nil {
		log.Printf("error calling Jenkins crumb API: %v", err)
		return "0"
	}
	if resp.StatusCode == 404 {
		return "0"
	}
	if resp.StatusCode == 401 {
		panic("failing authenticating to Jenkins, check user and api token provided")
	}
	crumb, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	return string(crumb)
}
