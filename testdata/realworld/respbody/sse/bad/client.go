// Package bad is the shape of r3labs/sse's client before v2.3.6
// (commit 11986ea, September 2021, the fix of issue #95). Subscribe and
// SubscribeChan run their connection attempt in a closure that
// backoff.RetryNotify calls again, with exponential waits, whenever it
// fails. When the server answers with anything but 200 (a 401 for an
// expired token, a 503 while it restarts) the closure returns an error
// without closing the answer, so every reconnection attempt leaves a
// connection, its body and its two transport goroutines behind. The fix
// closes the body before returning the error.
package bad

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync"
	"time"

	backoff "gopkg.in/cenkalti/backoff.v1"
)

var (
	headerID    = []byte("id:")
	headerData  = []byte("data:")
	headerEvent = []byte("event:")
	headerRetry = []byte("retry:")
)

// Event is one server-sent event.
type Event struct {
	ID    []byte
	Data  []byte
	Event []byte
	Retry []byte
}

// ConnCallback is called on a connection event.
type ConnCallback func(c *Client)

// ResponseValidator validates a response.
type ResponseValidator func(c *Client, resp *http.Response) error

// Client subscribes to a server's event streams.
type Client struct {
	URL               string
	Connection        *http.Client
	Retry             time.Time
	subscribed        map[chan *Event]chan bool
	Headers           map[string]string
	EventID           string
	disconnectcb      ConnCallback
	ResponseValidator ResponseValidator
	ReconnectStrategy backoff.BackOff
	ReconnectNotify   backoff.Notify
	mu                sync.Mutex
}

// NewClient creates a new client.
func NewClient(url string) *Client {
	return &Client{
		URL:        url,
		Connection: &http.Client{},
		Headers:    make(map[string]string),
		subscribed: make(map[chan *Event]chan bool),
	}
}

// Subscribe to a data stream.
func (c *Client) Subscribe(stream string, handler func(msg *Event)) error {
	return c.SubscribeWithContext(context.Background(), stream, handler)
}

// SubscribeWithContext subscribes to a data stream with a context.
func (c *Client) SubscribeWithContext(ctx context.Context, stream string, handler func(msg *Event)) error {
	operation := func() error {
		resp, err := c.request(ctx, stream)
		if err != nil {
			return err
		}
		if validator := c.ResponseValidator; validator != nil {
			err = validator(c, resp)
			if err != nil {
				return err
			}
		} else if resp.StatusCode != 200 {
			return fmt.Errorf("could not connect to stream: %s", http.StatusText(resp.StatusCode))
		}
		defer resp.Body.Close()

		reader := bufio.NewReader(resp.Body)
		eventChan, errorChan := c.startReadLoop(reader)
		for {
			select {
			case err := <-errorChan:
				return err
			case msg := <-eventChan:
				handler(msg)
			}
		}
	}

	// the user's reconnection strategy, or exponential backoff
	if c.ReconnectStrategy != nil {
		return backoff.RetryNotify(operation, c.ReconnectStrategy, c.ReconnectNotify)
	}
	return backoff.RetryNotify(operation, backoff.NewExponentialBackOff(), c.ReconnectNotify)
}

// SubscribeChan sends all events of a stream to ch.
func (c *Client) SubscribeChan(stream string, ch chan *Event) error {
	return c.SubscribeChanWithContext(context.Background(), stream, ch)
}

// SubscribeChanWithContext sends all events of a stream to ch, with a
// context.
func (c *Client) SubscribeChanWithContext(ctx context.Context, stream string, ch chan *Event) error {
	var connected bool
	errch := make(chan error)
	c.mu.Lock()
	c.subscribed[ch] = make(chan bool)
	c.mu.Unlock()

	operation := func() error {
		resp, err := c.request(ctx, stream)
		if err != nil {
			return err
		}
		if validator := c.ResponseValidator; validator != nil {
			err = validator(c, resp)
			if err != nil {
				return err
			}
		} else if resp.StatusCode != 200 {
			return fmt.Errorf("could not connect to stream: %s", http.StatusText(resp.StatusCode))
		}
		defer resp.Body.Close()

		if !connected {
			// notify that the subscription is connected
			errch <- nil
			connected = true
		}

		reader := bufio.NewReader(resp.Body)
		eventChan, errorChan := c.startReadLoop(reader)
		for {
			var msg *Event
			select {
			case <-c.subscribed[ch]:
				return nil
			case err := <-errorChan:
				return err
			case msg = <-eventChan:
			}
			if msg != nil {
				select {
				case <-c.subscribed[ch]:
					return nil
				case ch <- msg:
				}
			}
		}
	}

	go func() {
		defer c.cleanup(ch)
		var err error
		if c.ReconnectStrategy != nil {
			err = backoff.RetryNotify(operation, c.ReconnectStrategy, c.ReconnectNotify)
		} else {
			err = backoff.RetryNotify(operation, backoff.NewExponentialBackOff(), c.ReconnectNotify)
		}
		// errch is closed once connected
		if err != nil && !connected {
			errch <- err
		}
	}()
	err := <-errch
	close(errch)
	return err
}

func (c *Client) startReadLoop(reader *bufio.Reader) (chan *Event, chan error) {
	outCh := make(chan *Event)
	erChan := make(chan error)
	go c.readLoop(reader, outCh, erChan)
	return outCh, erChan
}

func (c *Client) readLoop(reader *bufio.Reader, outCh chan *Event, erChan chan error) {
	for {
		event, err := readEvent(reader)
		if err != nil {
			if err == io.EOF {
				erChan <- nil
				return
			}
			if c.disconnectcb != nil {
				c.disconnectcb(c)
			}
			erChan <- err
			return
		}
		if msg, err := c.processEvent(event); err == nil {
			if len(msg.ID) > 0 {
				c.EventID = string(msg.ID)
			} else {
				msg.ID = []byte(c.EventID)
			}
			outCh <- msg
		}
	}
}

// readEvent reads up to the blank line that ends an event.
func readEvent(r *bufio.Reader) ([]byte, error) {
	var buf bytes.Buffer
	for {
		line, err := r.ReadBytes('\n')
		buf.Write(line)
		if err != nil {
			if buf.Len() > 0 && err == io.EOF {
				return buf.Bytes(), nil
			}
			return nil, err
		}
		if len(bytes.TrimRight(line, "\r\n")) == 0 && buf.Len() > len(line) {
			return buf.Bytes(), nil
		}
	}
}

// Unsubscribe ends the subscription that sends to ch.
func (c *Client) Unsubscribe(ch chan *Event) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.subscribed[ch] != nil {
		c.subscribed[ch] <- true
	}
}

// OnDisconnect sets the function to run when the connection drops.
func (c *Client) OnDisconnect(fn ConnCallback) {
	c.disconnectcb = fn
}

func (c *Client) request(ctx context.Context, stream string) (*http.Response, error) {
	req, err := http.NewRequest("GET", c.URL, nil)
	if err != nil {
		return nil, err
	}
	req = req.WithContext(ctx)
	if stream != "" {
		query := req.URL.Query()
		query.Add("stream", stream)
		req.URL.RawQuery = query.Encode()
	}
	req.Header.Set("Cache-Control", "no-cache")
	req.Header.Set("Accept", "text/event-stream")
	req.Header.Set("Connection", "keep-alive")
	if c.EventID != "" {
		req.Header.Set("Last-Event-ID", c.EventID)
	}
	for k, v := range c.Headers {
		req.Header.Set(k, v)
	}
	return c.Connection.Do(req)
}

func trimHeader(size int, data []byte) []byte {
	data = data[size:]
	if len(data) > 0 && data[0] == ' ' {
		data = data[1:]
	}
	return bytes.TrimRight(data, "\r\n")
}

func (c *Client) processEvent(msg []byte) (*Event, error) {
	var e Event
	if len(msg) < 1 {
		return nil, errors.New("event message was empty")
	}
	for _, line := range bytes.FieldsFunc(msg, func(r rune) bool { return r == '\n' || r == '\r' }) {
		switch {
		case bytes.HasPrefix(line, headerID):
			e.ID = append([]byte(nil), trimHeader(len(headerID), line)...)
		case bytes.HasPrefix(line, headerData):
			e.Data = append(e.Data, append(trimHeader(len(headerData), line), byte('\n'))...)
		case bytes.HasPrefix(line, headerEvent):
			e.Event = append([]byte(nil), trimHeader(len(headerEvent), line)...)
		case bytes.HasPrefix(line, headerRetry):
			e.Retry = append([]byte(nil), trimHeader(len(headerRetry), line)...)
		}
	}
	e.Data = bytes.TrimSuffix(e.Data, []byte("\n"))
	return &e, nil
}

func (c *Client) cleanup(ch chan *Event) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.subscribed[ch] != nil {
		close(c.subscribed[ch])
		delete(c.subscribed, ch)
	}
}
