// Package good is thundra's reporter after PR #21: each report asks for
// its connection to be closed after the response, so no report is
// written onto a pooled connection that the collector closed while the
// function was frozen.
package good

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"sync"
)

const (
	defaultCollectorURL                  = "https://collector.thundra.io/api"
	monitorDatas                         = "/monitor-datas"
	thundraLambdaPublishCloudwatchEnable = "thundra_lambda_publish_cloudwatch_enable"
	thundraLambdaPublishRestBaseURL      = "thundra_lambda_publish_rest_baseUrl"
)

type reporter interface {
	Collect(messages []interface{})
	Report(apiKey string)
	Clear()
}

type reporterImpl struct {
	messageQueue []interface{}
}

var (
	shouldSendAsync string
	collectorURL    string
	debugEnabled    bool
	mutex           = &sync.Mutex{}
)

func init() {
	shouldSendAsync = os.Getenv(thundraLambdaPublishCloudwatchEnable)
	if u := os.Getenv(thundraLambdaPublishRestBaseURL); u != "" {
		collectorURL = u
	} else {
		collectorURL = defaultCollectorURL
	}
}

func (c *reporterImpl) Collect(messages []interface{}) {
	mutex.Lock()
	defer mutex.Unlock()
	if shouldSendAsync == "true" {
		sendAsync(messages)
		return
	}
	c.messageQueue = append(c.messageQueue, messages...)
}

func (c *reporterImpl) Report(apiKey string) {
	if shouldSendAsync == "false" || shouldSendAsync == "" {
		sendHTTPReq(c.messageQueue, apiKey)
	}
}

func (c *reporterImpl) Clear() {
	c.messageQueue = c.messageQueue[:0]
}

// sendAsync prints the data for CloudWatch to pick up.
func sendAsync(msg interface{}) {
	b, err := json.Marshal(&msg)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(b))
}

func sendHTTPReq(messageQueue []interface{}, apiKey string) {
	b, err := json.Marshal(&messageQueue)
	if err != nil {
		fmt.Println(err)
	}
	targetURL := collectorURL + monitorDatas
	req, err := http.NewRequest("POST", targetURL, bytes.NewBuffer(b))
	if err != nil {
		fmt.Println("Error http.NewRequest: ", err)
	}
	req.Close = true
	req.Header.Set("Authorization", "ApiKey "+apiKey)
	req.Header.Set("Content-Type", "application/json")

	client := &http.Client{}
	resp, err := client.Do(req)
	if err != nil {
		fmt.Println("Error client.Do(req): ", err)
	}
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		fmt.Println("io.ReadAll(resp.Body): ", err)
	}
	if debugEnabled {
		fmt.Println("response Status:", resp.Status)
		fmt.Println("response Body:", string(body))
	}
	resp.Body.Close()
}
