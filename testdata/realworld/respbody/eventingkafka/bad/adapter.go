// Package bad is the shape of knative-extensions/eventing-kafka's
// KafkaSource adapter before PR #273 (commit 20a77a9d5, "Read resp body
// for connection reuse"): the consumer group calls Handle for every Kafka
// message, and Handle posts the message as a CloudEvent to the sink.
// PR #239 had added a Close of the sink's answer so the connection could
// be reused, but the body is closed without being read, so whenever the
// sink answers with a body the Transport closes the connection instead of
// pooling it; the PR reports the adapter piling up TIME_WAIT sockets
// until dials failed with "cannot assign requested address".
package bad

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"strconv"

	"example.com/realworld/respbody/eventingkafka/bad/kncloudevents"
)

// ConsumerMessage is a message read from a Kafka topic.
type ConsumerMessage struct {
	Topic     string
	Partition int32
	Offset    int64
	Key       []byte
	Value     []byte
}

// Adapter forwards Kafka messages to a sink.
type Adapter struct {
	Namespace, Name string
	sender          *kncloudevents.HTTPMessageSender
}

// NewAdapter returns an adapter that posts to sink.
func NewAdapter(namespace, name, sink string) (*Adapter, error) {
	s, err := kncloudevents.NewHTTPMessageSenderWithTarget(sink)
	if err != nil {
		return nil, err
	}
	return &Adapter{Namespace: namespace, Name: name, sender: s}, nil
}

// toRequest writes msg into req as a binary-mode CloudEvent.
func (a *Adapter) toRequest(msg *ConsumerMessage, req *http.Request) {
	req.Header.Set("Ce-Specversion", "1.0")
	req.Header.Set("Ce-Id", "partition:"+strconv.Itoa(int(msg.Partition))+"/offset:"+strconv.FormatInt(msg.Offset, 10))
	req.Header.Set("Ce-Type", "dev.knative.kafka.event")
	req.Header.Set("Ce-Source", "/apis/v1/namespaces/"+a.Namespace+"/kafkasources/"+a.Name+"#"+msg.Topic)
	req.Header.Set("Content-Type", "application/json")
	req.Body = io.NopCloser(bytes.NewReader(msg.Value))
	req.ContentLength = int64(len(msg.Value))
}

// Handle sends msg to the sink; it returns true when the offset may be
// committed.
func (a *Adapter) Handle(ctx context.Context, msg *ConsumerMessage) (bool, error) {
	req, err := a.sender.NewCloudEventRequest(ctx)
	if err != nil {
		return false, err
	}
	a.toRequest(msg, req)

	res, err := a.sender.Send(req)
	if err != nil {
		return false, err // not sent: do not commit the offset
	}
	// Close the body so that the connection can be used again.
	if res.Body != nil {
		res.Body.Close()
	}

	if res.StatusCode/100 != 2 {
		return false, fmt.Errorf("%d %s", res.StatusCode, http.StatusText(res.StatusCode))
	}
	return true, nil
}
