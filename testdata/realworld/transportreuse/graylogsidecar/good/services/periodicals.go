// Package services runs the sidecar's periodic work.
package services

import (
	"log"
	"net/http"
	"time"

	api "example.com/realworld/transportreuse/graylogsidecar/good"
	"example.com/realworld/transportreuse/graylogsidecar/good/rest"
)

var httpClient *http.Client

// StartPeriodicals starts the status reports and the configuration polls,
// each in a goroutine of its own that runs until the process exits.
func StartPeriodicals(ctx *api.Ctx) {
	if httpClient == nil {
		httpClient = rest.NewHTTPClient(api.GetTLSConfig(ctx))
	}
	go func() {
		for {
			updateCollectorRegistration(httpClient, ctx)
		}
	}()
	go func() {
		for {
			checkForUpdateAndRestart(httpClient, ctx)
		}
	}()
}

func updateCollectorRegistration(httpClient *http.Client, ctx *api.Ctx) {
	time.Sleep(time.Duration(ctx.Interval) * time.Second)
	status := api.StatusRequest{Backend: map[string]string{}}
	api.UpdateRegistration(httpClient, ctx, &status)
}

func checkForUpdateAndRestart(httpClient *http.Client, ctx *api.Ctx) {
	time.Sleep(time.Duration(ctx.Interval) * time.Second)
	cfg, err := api.RequestConfiguration(httpClient, ctx)
	if err != nil {
		log.Printf("can't fetch configuration from Graylog API: %v", err)
		return
	}
	if len(cfg.Inputs) == 0 && len(cfg.Outputs) == 0 {
		return
	}
	log.Print("configuration change detected, rewriting configuration file")
}
