package main

import (
	"flag"
	"log"
	"net/url"
)

func main() {
	var fqdn, appWebSrv string
	var extPubPort, extPrivPort, intPort uint
	flag.StringVar(&fqdn, "fqdn", "", "FQDN of the enclave (e.g. example.com)")
	flag.StringVar(&appWebSrv, "appwebsrv", "", "enclave-internal HTTP server of the application (e.g. http://127.0.0.1:8081)")
	flag.UintVar(&extPubPort, "ext-pub-port", 443, "external port of the public web server")
	flag.UintVar(&extPrivPort, "ext-priv-port", 444, "external port of the server for enclave syncing")
	flag.UintVar(&intPort, "intport", 8080, "enclave-internal port of nitriding's own server")
	flag.Parse()

	c := &Config{FQDN: fqdn, ExtPubPort: uint16(extPubPort), ExtPrivPort: uint16(extPrivPort), IntPort: uint16(intPort)}
	if appWebSrv != "" {
		u, err := url.Parse(appWebSrv)
		if err != nil {
			log.Fatalf("failed to parse application web server URL: %v", err)
		}
		c.AppWebSrv = u
	}
	enclave, err := NewEnclave(c)
	if err != nil {
		log.Fatalf("failed to create enclave: %v", err)
	}
	if err := enclave.Start(); err != nil {
		log.Fatalf("enclave terminated: %v", err)
	}
	select {}
}
