package httpapi

import (
	"go/types"
	"testing"
)

func TestIsStd(t *testing.T) {
	t.Parallel()
	for path, want := range map[string]bool{
		"net/http":                              true,
		"fmt":                                   true,
		"vendor/golang.org/x/net/http/httpguts": true,
		"myservice":                             false, // a dotless module path
		"myservice/client":                      false,
		"net/http/nosuch":                       false, // under GOROOT/src, but no such package
		"example.com/client":                    false,
		"golang.org/x/sys/unix":                 false,
	} {
		if got := IsStd(types.NewPackage(path, "p")); got != want {
			t.Errorf("IsStd(%q) = %v, want %v", path, got, want)
		}
	}
	if IsStd(nil) {
		t.Error("IsStd(nil) = true")
	}
}
