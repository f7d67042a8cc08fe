module example.com/realworld

go 1.26

require go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp v0.0.0

replace go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp => ./third_party/otelhttp
