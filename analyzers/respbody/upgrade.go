package respbody

import (
	"go/constant"
	"strings"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
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
		if httpapi.Request.MatchesPtr(arg.Type()) && setsUpgradeHeader(arg) {
			return true
		}
	}
	return false
}

func setsUpgradeHeader(req ssa.Value) bool {
	refs := req.Referrers()
	if refs == nil {
		return false
	}
	for _, ref := range *refs {
		fa, ok := ref.(*ssa.FieldAddr)
		if !ok || fa.X != req || !httpapi.RequestHeader.Matches(req.Type(), ssaflow.FieldOf(req.Type(), fa.Field)) {
			continue
		}
		for _, use := range *fa.Referrers() {
			load, ok := use.(*ssa.UnOp)
			if !ok || load.Referrers() == nil {
				continue
			}
			for _, u := range *load.Referrers() {
				switch u := u.(type) {
				case *ssa.MapUpdate:
					if u.Map == load && upgradeKey(u.Key) {
						return true
					}
				case ssa.CallInstruction:
					c := u.Common()
					fn := callee.Func(c)
					if (httpapi.HeaderSet.Matches(fn) || httpapi.HeaderAdd.Matches(fn)) && !c.IsInvoke() &&
						len(c.Args) > 1 && c.Args[0] == load && upgradeKey(c.Args[1]) {
						return true
					}
				}
			}
		}
	}
	return false
}

// upgradeKey reports whether v is the constant name of a header that asks
// for an upgrade.
func upgradeKey(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	if !ok || c.Value == nil || c.Value.Kind() != constant.String {
		return false
	}
	key := strings.ToLower(constant.StringVal(c.Value))
	return key == "upgrade" || strings.HasPrefix(key, "sec-websocket-")
}
