// Package good is the operator after PR #204: the client that skips the
// certificate check is made once, on a Clone of http.DefaultTransport, and
// shared by every reconcile.
package good

import (
	"time"

	"example.com/realworld/transportreuse/dynatrace/good/dtclient"
)

// OneAgent is the custom resource.
type OneAgent struct {
	APIURL        string
	APIToken      string
	SkipCertCheck bool
	Version       string
}

func buildClient(instance *OneAgent) (*dtclient.Client, error) {
	certificateValidation := dtclient.SkipCertificateValidation(instance.SkipCertCheck)
	return dtclient.NewClient(instance.APIURL, instance.APIToken, certificateValidation)
}

// Reconcile brings the resource to the latest agent version.
func Reconcile(instance *OneAgent) (requeueAfter time.Duration, err error) {
	dtc, err := buildClient(instance)
	if err != nil {
		return 0, err
	}
	latest, err := dtc.GetLatestAgentVersion("unix", "default")
	if err != nil {
		return time.Minute, err
	}
	instance.Version = latest
	return 5 * time.Minute, nil
}

// Run reconciles the resources until stop is closed, as the
// controller-runtime manager does.
func Run(resources []*OneAgent, stop <-chan struct{}) {
	for {
		for _, r := range resources {
			_, _ = Reconcile(r)
		}
		select {
		case <-stop:
			return
		case <-time.After(5 * time.Minute):
		}
	}
}
