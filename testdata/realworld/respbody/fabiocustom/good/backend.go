package good

import (
	"log"

	"example.com/realworld/respbody/fabiocustom/good/config"
)

type be struct {
	cfg *config.Custom
}

// NewBackend returns the custom registry backend.
func NewBackend(cfg *config.Custom) (*be, error) {
	return &be{cfg}, nil
}

// WatchServices starts polling the registry and returns the channel of its
// status messages.
func (b *be) WatchServices() chan string {
	log.Printf("[INFO] custom: Using custom routes from %s", b.cfg.Host)
	ch := make(chan string, 1)
	go customRoutes(b.cfg, ch)
	return ch
}

// WatchNoRouteHTML returns the configured no-route page.
func (b *be) WatchNoRouteHTML() chan string {
	ch := make(chan string, 1)
	ch <- b.cfg.NoRouteHTML
	return ch
}
