// Package good is the eventing-kafka adapter after PR #273 (commit
// 20a77a9d5): the sink's answer is read to its end before it is closed,
// so its connection goes back to the pool.
package good

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"strconv"

	"example.com/realworld/respbody/eventingkafka/good/kncloudevents"
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
	// Read and close the body so that the connection can be used again.
	if res.Body != nil {
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
	}

	if res.StatusCode/100 != 2 {
		return false, fmt.Errorf("%d %s", res.StatusCode, http.StatusText(res.StatusCode))
	}
	return true, nil
}
