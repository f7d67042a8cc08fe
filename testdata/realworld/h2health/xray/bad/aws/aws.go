// Package aws stands for github.com/aws/aws-sdk-go/aws: a Config tells a
// service client its region and endpoint and the *http.Client to send
// through.
package aws

import "net/http"

// Config configures a service client.
type Config struct {
	Region                 string
	Endpoint               string
	MaxRetries             int
	DisableParamValidation bool
	HTTPClient             *http.Client
}
