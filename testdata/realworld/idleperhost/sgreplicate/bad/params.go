package bad

import (
	"fmt"
	"net/url"
	"strings"
)

// ReplicationParameters says what one replication copies: the source and
// target Sync Gateway databases, and which channels.
type ReplicationParameters struct {
	ReplicationID    string
	Source           *url.URL
	SourceDb         string
	Target           *url.URL
	TargetDb         string
	Channels         []string
	ChangesFeedLimit int
}

// SourceDbURL is the source database's URL.
func (p ReplicationParameters) SourceDbURL() string {
	return fmt.Sprintf("%s/%s", p.Source, p.SourceDb)
}

// TargetDbURL is the target database's URL.
func (p ReplicationParameters) TargetDbURL() string {
	return fmt.Sprintf("%s/%s", p.Target, p.TargetDb)
}

func (p ReplicationParameters) changesFeedURL(since string, longpoll bool) string {
	q := url.Values{}
	q.Set("limit", fmt.Sprint(p.ChangesFeedLimit))
	if len(p.Channels) > 0 {
		q.Set("filter", "sync_gateway/bychannel")
		q.Set("channels", strings.Join(p.Channels, ","))
	}
	if since != "" {
		q.Set("since", since)
	}
	if longpoll {
		q.Set("feed", "longpoll")
	}
	return fmt.Sprintf("%s/_changes?%s", p.SourceDbURL(), q.Encode())
}
