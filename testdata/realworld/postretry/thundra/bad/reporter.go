// Package bad is the shape of thundra-io/thundra-lambda-agent-go's reporter
// before PR #21: after every invocation of the wrapped Lambda handler the
// agent POSTs the invocation's monitoring data to the Thundra collector.
// The client has no transport of its own and shares DefaultTransport's
// pool, and Lambda freezes the process between invocations, so the
// connection left idle by one report was often closed by the collector's
// side before the next: the report failed with `Post ...: EOF` and was
// lost (the agent then read resp.Body of a nil response).
package bad

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
	req, _ := http.NewRequest("POST", targetURL, bytes.NewBuffer(b))
	req.Header.Set("Authorization", "ApiKey "+apiKey)
	req.Header.Set("Content-Type", "application/json")

	client := &http.Client{}
	resp, err := client.Do(req)
	if err != nil {
		fmt.Println("Error:", err)
	}
	body, _ := io.ReadAll(resp.Body)
	if debugEnabled {
		fmt.Println("response Status:", resp.Status)
		fmt.Println("response Body:", string(body))
	}
	resp.Body.Close()
}
