// Package services runs the sidecar's periodic work.
package services

import (
	"log"
	"time"

	api "example.com/realworld/transportreuse/graylogsidecar/bad"
)

// StartPeriodicals starts the status reports and the configuration polls,
// each in a goroutine of its own that runs until the process exits.
func StartPeriodicals(ctx *api.Ctx) {
	go func() {
		for {
			updateCollectorRegistration(ctx)
		}
	}()
	go func() {
		for {
			checkForUpdateAndRestart(ctx)
		}
	}()
}

func updateCollectorRegistration(ctx *api.Ctx) {
	time.Sleep(time.Duration(ctx.Interval) * time.Second)
	status := api.StatusRequest{Backend: map[string]string{}}
	api.UpdateRegistration(ctx, &status)
}

func checkForUpdateAndRestart(ctx *api.Ctx) {
	time.Sleep(time.Duration(ctx.Interval) * time.Second)
	cfg, err := api.RequestConfiguration(ctx)
	if err != nil {
		log.Printf("can't fetch configuration from Graylog API: %v", err)
		return
	}
	if len(cfg.Inputs) == 0 && len(cfg.Outputs) == 0 {
		return
	}
	log.Print("configuration change detected, rewriting configuration file")
}
