package good

import (
	"errors"
	"fmt"
	"net/url"
)

// Event is an event recorded by a Flux controller.
type Event struct {
	InvolvedObject      string            `json:"involvedObject"`
	Severity            string            `json:"severity"`
	Message             string            `json:"message"`
	Metadata            map[string]string `json:"metadata,omitempty"`
	ReportingController string            `json:"reportingController"`
}

// Interface is a notification provider.
type Interface interface {
	Post(event Event) error
}

// Slack holds the hook URL.
type Slack struct {
	URL      string
	Username string
	Channel  string
}

// SlackPayload is the message posted to Slack.
type SlackPayload struct {
	Channel  string `json:"channel"`
	Username string `json:"username"`
	Text     string `json:"text,omitempty"`
}

// NewSlack validates the Slack URL.
func NewSlack(hookURL, username, channel string) (*Slack, error) {
	if _, err := url.ParseRequestURI(hookURL); err != nil {
		return nil, fmt.Errorf("invalid Slack hook URL %s", hookURL)
	}
	if channel == "" {
		return nil, errors.New("empty Slack channel")
	}
	return &Slack{URL: hookURL, Username: username, Channel: channel}, nil
}

// Post posts the event to Slack.
func (s *Slack) Post(event Event) error {
	payload := SlackPayload{Channel: s.Channel, Username: s.Username, Text: event.Message}
	if payload.Username == "" {
		payload.Username = event.ReportingController
	}
	if err := postMessage(s.URL, payload); err != nil {
		return fmt.Errorf("postMessage failed: %w", err)
	}
	return nil
}

// Forwarder posts the event itself to a generic webhook.
type Forwarder struct {
	URL string
}

// NewForwarder validates the webhook URL.
func NewForwarder(hookURL string) (*Forwarder, error) {
	if _, err := url.ParseRequestURI(hookURL); err != nil {
		return nil, fmt.Errorf("invalid hook URL %s", hookURL)
	}
	return &Forwarder{URL: hookURL}, nil
}

// Post forwards the event.
func (f *Forwarder) Post(event Event) error {
	if err := postMessage(f.URL, event); err != nil {
		return fmt.Errorf("postMessage failed: %w", err)
	}
	return nil
}

// NopNotifier drops events.
type NopNotifier struct{}

// Post does nothing.
func (*NopNotifier) Post(Event) error { return nil }

// Factory builds the provider of an alert.
type Factory struct {
	URL      string
	Username string
	Channel  string
}

// NewFactory returns a factory for the provider's settings.
func NewFactory(url, username, channel string) *Factory {
	return &Factory{URL: url, Username: username, Channel: channel}
}

// Notifier returns the provider of the given type.
func (f Factory) Notifier(provider string) (Interface, error) {
	if f.URL == "" {
		return &NopNotifier{}, nil
	}
	var n Interface
	var err error
	switch provider {
	case "webhook":
		n, err = NewForwarder(f.URL)
	case "slack":
		n, err = NewSlack(f.URL, f.Username, f.Channel)
	default:
		err = fmt.Errorf("provider %s not supported", provider)
	}
	if err != nil {
		n = &NopNotifier{}
	}
	return n, err
}
