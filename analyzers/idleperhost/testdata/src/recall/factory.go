package recall

import (
	"net/http"
	"time"
)

// Factories hands newFactoryClient out as a value: whoever calls it gets a
// client the package never sees, and may tune or use it as it likes.
var Factories = map[string]func() *http.Client{"default": newFactoryClient}

func newFactoryClient() *http.Client {
	return &http.Client{Timeout: time.Second, Transport: &http.Transport{}}
}

// newBilling is handed out as a value too, but the package also calls it
// and keeps its client, sending every request to one host: that instance
// is judged by what the package does with it.
var BillingFactories = []func() *http.Client{newBilling}

func newBilling() *http.Client {
	return &http.Client{Transport: &http.Transport{}} // want `http.Transport keeps 2 idle connections per host but every request goes to billing.internal`
}

var billing = newBilling()

func Charge() (*http.Response, error) {
	return billing.Post("http://billing.internal/charge", "application/json", nil)
}
