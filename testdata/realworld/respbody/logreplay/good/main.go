// Command good is log-replay after PR #9: every response body is read to
// EOF and closed, and all goroutines share one client over a transport of
// the program's own instead of the default one it used to modify.
package main

import (
	"bytes"
	"crypto/tls"
	"flag"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"sync"
	"time"

	"example.com/realworld/respbody/logreplay/good/reader"
)

var (
	logChannel    chan string
	logWg         sync.WaitGroup
	httpWg        sync.WaitGroup
	inputLogFile  string
	prefix        string
	debug         bool
	clientTimeout int64
	sslSkipVerify bool
)

func init() {
	flag.StringVar(&inputLogFile, "file", "-", "log to replay, - for stdin")
	flag.StringVar(&prefix, "prefix", "http://localhost", "URL prefix to query")
	flag.BoolVar(&debug, "debug", false, "print extra debugging information")
	flag.Int64Var(&clientTimeout, "timeout", 60000, "request timeout in milliseconds")
	flag.BoolVar(&sslSkipVerify, "ssl-skip-verify", false, "skip TLS verification")
	logChannel = make(chan string)
}

func mainLoop(rdr reader.LogReader, transport *http.Transport) {
	client := &http.Client{
		Transport: transport,
		Timeout:   time.Duration(clientTimeout) * time.Millisecond,
	}
	for {
		rec, err := rdr.Read()
		if err == io.EOF {
			return
		}
		reader.Must(err)
		httpWg.Add(1)
		go fireHTTPRequest(client, rec.Method, rec.URL, rec.Payload)
	}
}

func fireHTTPRequest(client *http.Client, method, url, payload string) {
	defer httpWg.Done()
	path := prefix + url
	if debug {
		log.Printf("Querying %s %s %s\n", method, path, payload)
	}
	var logMessage string
	startTime := time.Now()
	startTS := startTime.Unix()

	req, err := http.NewRequest(method, path, bytes.NewBufferString(payload))
	if err != nil {
		logChannel <- fmt.Sprintf("%d\t%d\t%d\t%s\t%s\t%s\n", 500, startTS, 0, url, payload, err)
		return
	}
	if method == "POST" {
		req.Header.Add("Content-Type", "application/x-www-form-urlencoded")
	}
	req.Header.Set("User-Agent", "Log Replay")

	resp, err := client.Do(req)
	if err == nil {
		_, err = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}

	duration := time.Since(startTime).Nanoseconds()
	if err != nil {
		if debug {
			log.Printf(`ERROR "%s" while querying "%s"`, err, path)
		}
		logMessage = fmt.Sprintf("%d\t%d\t%d\t%s\t%s\t%s\n", 500, startTS, duration, url, payload, err)
	} else {
		logMessage = fmt.Sprintf("%d\t%d\t%d\t%s\t%s\n", resp.StatusCode, startTS, duration, url, payload)
	}
	logChannel <- logMessage
}

func logLoop() {
	defer logWg.Done()
	for msg := range logChannel {
		_, err := io.WriteString(os.Stdout, msg)
		reader.Must(err)
	}
}

func main() {
	flag.Parse()
	transport := &http.Transport{
		MaxIdleConns:    10,
		IdleConnTimeout: 10 * time.Second,
	}
	if sslSkipVerify {
		transport.TLSClientConfig = &tls.Config{InsecureSkipVerify: true}
	}
	var in io.Reader = os.Stdin
	if inputLogFile != "-" {
		f, err := os.Open(inputLogFile)
		reader.Must(err)
		defer f.Close()
		in = f
	}
	logWg.Add(1)
	go logLoop()
	mainLoop(reader.New(in), transport)
	httpWg.Wait()
	close(logChannel)
	logWg.Wait()
}
