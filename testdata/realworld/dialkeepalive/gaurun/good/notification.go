package good

import (
	"net"
	"net/http"
	"time"

	"example.com/realworld/dialkeepalive/gaurun/good/gcm"
)

var (
	// APNSClient pushes to APNs.
	APNSClient *http.Client
	// GCMClient pushes to GCM.
	GCMClient *gcm.Sender
)

// InitHttpClient builds the push clients from ConfGaurun.
func InitHttpClient() error {
	TransportGCM := &http.Transport{
		MaxIdleConnsPerHost: ConfGaurun.Android.KeepAliveConns,
		Dial: (&net.Dialer{
			Timeout:   time.Duration(ConfGaurun.Android.Timeout) * time.Second,
			KeepAlive: time.Duration(ConfGaurun.Android.KeepAliveTimeout) * time.Second,
		}).Dial,
		IdleConnTimeout: time.Duration(ConfGaurun.Android.KeepAliveTimeout) * time.Second,
	}
	GCMClient = &gcm.Sender{
		ApiKey: ConfGaurun.Android.ApiKey,
		Http: &http.Client{
			Transport: TransportGCM,
			Timeout:   time.Duration(ConfGaurun.Android.Timeout) * time.Second,
		},
	}
	var err error
	APNSClient, err = NewApnsClientHttp2(ConfGaurun.Ios.PemCertPath, ConfGaurun.Ios.PemKeyPath)
	return err
}

// PushAndroid sends one message to the given tokens.
func PushAndroid(tokens []string, data map[string]string) error {
	return GCMClient.SendNoRetry(&gcm.Message{RegistrationIDs: tokens, Data: data})
}
