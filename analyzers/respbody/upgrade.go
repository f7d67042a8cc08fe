package respbody

import (
	"strings"

	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/httpflow"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// upgradeRequest reports whether the request that a producing call sends
// asks for a protocol upgrade: the function sets its Upgrade header or a
// Sec-WebSocket-* header (req.Header[key] = v, req.Header.Set or Add with a
// constant key). A successful upgrade answers 101 Switching Protocols and
// hands the connection to the new protocol, so closing such a response
// unread loses no pooled connection (client-go's websocket Negotiate).
func upgradeRequest(common *ssa.CallCommon) bool {
	for _, arg := range common.Args {
		if !httpapi.Request.MatchesPtr(arg.Type()) {
			continue
		}
		for _, w := range httpflow.HeaderWrites(arg) {
			key, ok := ssaflow.ConstString(w.Key)
			if key = strings.ToLower(key); ok && (key == "upgrade" || strings.HasPrefix(key, "sec-websocket-")) {
				return true
			}
		}
	}
	return false
}
