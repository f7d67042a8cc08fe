package good

import (
	"bytes"
	"encoding/json"
	"sync"
)

// Object is one object of a collection.
type Object struct {
	Collection string                 `json:"-"`
	ID         string                 `json:"id"`
	Properties map[string]interface{} `json:"properties"`
}

type batch struct {
	Collection string          `json:"collection"`
	WriteKey   string          `json:"write_key"`
	Objects    json.RawMessage `json:"objects"`
}

// buffer collects the objects of one collection until they are flushed.
type buffer struct {
	Channel         chan *Object
	Exit            chan struct{}
	collection      string
	buf             [][]byte
	currentByteSize int
}

func newBuffer(collection string) *buffer {
	return &buffer{
		collection: collection,
		Channel:    make(chan *Object, 100),
		Exit:       make(chan struct{}),
	}
}

func (b *buffer) add(x []byte) {
	b.buf = append(b.buf, x)
	b.currentByteSize += len(x)
}

func (b *buffer) size() int  { return b.currentByteSize }
func (b *buffer) count() int { return len(b.buf) }

func (b *buffer) reset() {
	b.buf = [][]byte{}
	b.currentByteSize = 0
}

func (b *buffer) marshalArray() json.RawMessage {
	rm := bytes.Join(b.buf, []byte{','})
	rm = append([]byte{'['}, rm...)
	rm = append(rm, ']')
	return json.RawMessage(rm)
}

// concurrentMap holds a buffer per collection (a sharded map in the
// original).
type concurrentMap struct {
	mu    sync.Mutex
	items map[string]*buffer
}

func newConcurrentMap() *concurrentMap {
	return &concurrentMap{items: map[string]*buffer{}}
}

// Fetch returns the buffer of key, made by f if there is none yet.
func (m *concurrentMap) Fetch(key string, f func(key string) *buffer) *buffer {
	m.mu.Lock()
	defer m.mu.Unlock()
	if v, ok := m.items[key]; ok {
		return v
	}
	v := f(key)
	m.items[key] = v
	return v
}

// Values returns the buffers.
func (m *concurrentMap) Values() []*buffer {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []*buffer
	for _, v := range m.items {
		out = append(out, v)
	}
	return out
}
