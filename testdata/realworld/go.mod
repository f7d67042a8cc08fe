module example.com/realworld

go 1.26

require (
	github.com/afex/hystrix-go v0.0.0
	github.com/avast/retry-go/v4 v4.0.0
	github.com/cenkalti/backoff v0.0.0
	github.com/gambol99/goproxy v0.0.0
	github.com/hashicorp/go-retryablehttp v0.0.0
	go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp v0.0.0
	golang.org/x/net v0.0.0
	golang.org/x/oauth2 v0.0.0
	gopkg.in/cenkalti/backoff.v1 v1.0.0
	gopkg.in/retry.v1 v1.0.0
)

replace go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp => ./third_party/otelhttp

replace golang.org/x/net => ./third_party/xnet

replace golang.org/x/oauth2 => ./third_party/oauth2

replace github.com/hashicorp/go-retryablehttp => ./third_party/retryablehttp

replace github.com/cenkalti/backoff => ./third_party/backoff

replace github.com/avast/retry-go/v4 => ./third_party/retrygo

replace gopkg.in/retry.v1 => ./third_party/retryv1

replace github.com/gambol99/goproxy => ./third_party/goproxy

replace github.com/afex/hystrix-go => ./third_party/hystrix

replace gopkg.in/cenkalti/backoff.v1 => ./third_party/backoffv1
