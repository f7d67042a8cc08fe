package bad

import (
	"errors"
	"fmt"
	"log"
	"net"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// Config is the part of go-nsq's Config the lookupd queries use.
type Config struct {
	LookupdPollInterval  time.Duration
	AuthSecret           string
	LookupdAuthorization bool
}

type lookupResp struct {
	Producers []struct {
		BroadcastAddress string `json:"broadcast_address"`
		TCPPort          int    `json:"tcp_port"`
	} `json:"producers"`
}

// Consumer discovers nsqd instances through nsqlookupd.
type Consumer struct {
	topic  string
	config Config

	mtx               sync.RWMutex
	lookupdHTTPAddrs  []string
	lookupdQueryIndex int
	nsqds             map[string]bool

	lookupdRecheckChan chan int
	exitChan           chan int
	wg                 sync.WaitGroup
}

// NewConsumer makes a consumer of topic.
func NewConsumer(topic string, config Config) *Consumer {
	return &Consumer{
		topic:              topic,
		config:             config,
		nsqds:              make(map[string]bool),
		lookupdRecheckChan: make(chan int, 1),
		exitChan:           make(chan int),
	}
}

// ConnectToNSQLookupd adds an nsqlookupd address and, for the first one,
// queries it and starts polling.
func (r *Consumer) ConnectToNSQLookupd(addr string) error {
	if addr == "" {
		return errors.New("empty lookupd address")
	}
	parsedAddr := "http://" + addr + "/lookup?topic=" + r.topic
	r.mtx.Lock()
	for _, x := range r.lookupdHTTPAddrs {
		if x == parsedAddr {
			r.mtx.Unlock()
			return nil
		}
	}
	r.lookupdHTTPAddrs = append(r.lookupdHTTPAddrs, parsedAddr)
	numLookupd := len(r.lookupdHTTPAddrs)
	r.mtx.Unlock()

	if numLookupd == 1 {
		r.queryLookupd()
		r.wg.Add(1)
		go r.lookupdLoop()
	}
	return nil
}

func (r *Consumer) lookupdLoop() {
	ticker := time.NewTicker(r.config.LookupdPollInterval)
	defer ticker.Stop()
	defer r.wg.Done()
	for {
		select {
		case <-ticker.C:
			r.queryLookupd()
		case <-r.lookupdRecheckChan:
			r.queryLookupd()
		case <-r.exitChan:
			return
		}
	}
}

func (r *Consumer) nextLookupdEndpoint() string {
	r.mtx.Lock()
	defer r.mtx.Unlock()
	if r.lookupdQueryIndex >= len(r.lookupdHTTPAddrs) {
		r.lookupdQueryIndex = 0
	}
	addr := r.lookupdHTTPAddrs[r.lookupdQueryIndex]
	r.lookupdQueryIndex = (r.lookupdQueryIndex + 1) % len(r.lookupdHTTPAddrs)
	return addr
}

func (r *Consumer) queryLookupd() {
	retries := 0

retry:
	endpoint := r.nextLookupdEndpoint()
	var data lookupResp
	headers := make(http.Header)
	if r.config.AuthSecret != "" && r.config.LookupdAuthorization {
		headers.Set("Authorization", fmt.Sprintf("Bearer %s", r.config.AuthSecret))
	}
	err := apiRequestNegotiateV1("GET", endpoint, headers, &data)
	if err != nil {
		log.Printf("error querying nsqlookupd (%s) - %s", endpoint, err)
		retries++
		if retries < 3 {
			goto retry
		}
		return
	}
	for _, producer := range data.Producers {
		r.ConnectToNSQD(net.JoinHostPort(producer.BroadcastAddress, strconv.Itoa(producer.TCPPort)))
	}
}

// ConnectToNSQD records addr; the TCP protocol connection is left out.
func (r *Consumer) ConnectToNSQD(addr string) {
	r.mtx.Lock()
	r.nsqds[addr] = true
	r.mtx.Unlock()
}
