//go:build corpus

// This file is never built: its blank imports keep the corpus modules and
// their dependencies in go.mod (go mod tidy reads files of every build tag).
// It must import exactly the non-standard paths of packages.txt.
package main

import (
	_ "github.com/bwmarrin/discordgo"
	_ "github.com/elastic/elastic-transport-go/v8/elastictransport"
	_ "github.com/elazarl/goproxy"
	_ "github.com/elazarl/goproxy/transport"
	_ "github.com/getsentry/sentry-go"
	_ "github.com/getsentry/sentry-go/http"
	_ "github.com/getsentry/sentry-go/internal/http"
	_ "github.com/go-resty/resty/v2"
	_ "github.com/hashicorp/consul/api"
	_ "github.com/hashicorp/go-cleanhttp"
	_ "github.com/hashicorp/go-retryablehttp"
	_ "github.com/influxdata/influxdb-client-go/v2"
	_ "github.com/influxdata/influxdb-client-go/v2/api"
	_ "github.com/influxdata/influxdb-client-go/v2/api/http"
	_ "github.com/influxdata/influxdb-client-go/v2/internal/http"
	_ "github.com/labstack/echo/v4"
	_ "github.com/labstack/echo/v4/middleware"
	_ "github.com/minio/minio-go/v7"
	_ "github.com/minio/minio-go/v7/pkg/credentials"
	_ "github.com/moby/moby/client"
	_ "github.com/nats-io/nats-server/v2/server"
	_ "github.com/olivere/elastic/v7"
	_ "github.com/prometheus/client_golang/api"
	_ "github.com/prometheus/client_golang/api/prometheus/v1"
	_ "github.com/prometheus/client_golang/prometheus/promhttp"
	_ "github.com/prometheus/client_golang/prometheus/push"
	_ "github.com/slack-go/slack"
	_ "github.com/slack-go/slack/socketmode"
	_ "k8s.io/client-go/rest"
	_ "k8s.io/client-go/tools/portforward"
	_ "k8s.io/client-go/transport"
	_ "k8s.io/client-go/transport/spdy"
)
