package idle

import (
	"net"
	"net/http"
	"os"
	"time"
)

const serverIdle = 10 * time.Second

type Config struct {
	IdleTimeout      time.Duration
	TCPKeepAliveIdle time.Duration
	Other            time.Duration
}

func fromConst() *http.Transport {
	d := &net.Dialer{KeepAlive: serverIdle} // want `it is set from serverIdle, an HTTP idle timeout$`
	return &http.Transport{DialContext: d.DialContext, IdleConnTimeout: 5 * time.Second}
}

func fromConstGood() *http.Transport {
	d := &net.Dialer{KeepAlive: 30 * time.Second}
	return &http.Transport{DialContext: d.DialContext, IdleConnTimeout: serverIdle / 2}
}

func fromField(cfg *Config) *http.Transport {
	d := &net.Dialer{KeepAlive: cfg.IdleTimeout / 2} // want `set from IdleTimeout, an HTTP idle timeout`
	return &http.Transport{DialContext: d.DialContext, IdleConnTimeout: 5 * time.Second}
}

func fromFieldGood(cfg *Config) *http.Transport {
	d := &net.Dialer{KeepAlive: cfg.TCPKeepAliveIdle}
	return &http.Transport{DialContext: d.DialContext, IdleConnTimeout: cfg.IdleTimeout / 2}
}

func fromLocal(cfg *Config) *http.Transport {
	ka := cfg.IdleTimeout
	d := &net.Dialer{KeepAlive: ka} // want `set from IdleTimeout`
	return &http.Transport{DialContext: d.DialContext, IdleConnTimeout: 5 * time.Second}
}

func fromLocalGood(cfg *Config) *http.Transport {
	ka := cfg.Other
	d := &net.Dialer{KeepAlive: ka}
	return &http.Transport{DialContext: d.DialContext, IdleConnTimeout: 5 * time.Second}
}

func fromKey() *http.Transport {
	d := &net.Dialer{}
	d.KeepAlive = duration("HTTP_IDLE_TIMEOUT") // want `set from "HTTP_IDLE_TIMEOUT"`
	return &http.Transport{DialContext: d.DialContext, IdleConnTimeout: 5 * time.Second}
}

func fromKeyGood() *http.Transport {
	d := &net.Dialer{}
	d.KeepAlive = duration("TCP_KEEPALIVE")
	return &http.Transport{DialContext: d.DialContext, IdleConnTimeout: 5 * time.Second}
}

func duration(key string) time.Duration {
	d, _ := time.ParseDuration(os.Getenv(key))
	return d
}

// Both reasons in one diagnostic.
func both(idleTimeout time.Duration) *http.Transport {
	d := &net.Dialer{KeepAlive: idleTimeout} // want `set from idleTimeout, an HTTP idle timeout; this Transport never expires idle connections`
	return &http.Transport{DialContext: d.DialContext}
}

// Not a dialer of an HTTP transport.
func notHTTP(idleTimeout time.Duration) (net.Conn, error) {
	d := &net.Dialer{KeepAlive: idleTimeout}
	return d.Dial("tcp", "db:5432")
}
