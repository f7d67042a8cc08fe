package httpapi

import (
	"go/types"
	"testing"
)

func TestIsRetrier(t *testing.T) {
	t.Parallel()
	sig := types.NewSignatureType(nil, nil, nil, nil, nil, false)
	for _, tc := range []struct {
		path, name string
		want       bool
	}{
		{"github.com/cenkalti/backoff", "Retry", true},
		{"github.com/cenkalti/backoff/v4", "RetryNotify", true},
		{"github.com/cenkalti/backoff/v5", "Retry", true},
		{"github.com/avast/retry-go/v4", "DoWithData", true},
		{"github.com/cenkalti/backoff/v4", "Permanent", false},
		{"github.com/cenkalti/backoff/vendor", "Retry", false},
		{"github.com/cenkalti/backoff/v", "Retry", false},
		{"example.com/backoff", "Retry", false},
	} {
		fn := types.NewFunc(0, types.NewPackage(tc.path, "p"), tc.name, sig)
		if got := IsRetrier(fn); got != tc.want {
			t.Errorf("IsRetrier(%s.%s) = %v, want %v", tc.path, tc.name, got, tc.want)
		}
	}
}
