// Package bad is the shape of Dynatrace/dynatrace-oneagent-operator before
// PR #204 (February 2020): every reconcile of a OneAgent resource builds a
// new Dynatrace API client (BuildDynatraceClient, here buildClient), and
// with skipCertCheck set, dtclient's SkipCertificateValidation option gives
// each of them a new bare http.Transport. The operator reconciles every
// few minutes per resource, so each reconcile dialed anew and left its
// connection idle in a transport nobody used again (and, being a bare
// Transport, without DefaultTransport's proxy and timeouts).
package bad

import (
	"time"

	"example.com/realworld/transportreuse/dynatrace/bad/dtclient"
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
