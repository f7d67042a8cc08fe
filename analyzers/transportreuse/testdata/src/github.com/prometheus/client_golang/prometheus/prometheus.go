// Package prometheus is a stub of the Prometheus client: the types promhttp
// takes.
package prometheus

type Gauge interface {
	Inc()
	Dec()
}

type CounterVec struct{}

type ObserverVec interface{}
