// Command nitriding runs the enclave in front of an application.
package main

import (
	"flag"
	"log"
	"net/url"

	nitriding "example.com/realworld/idleperhost/nitriding/bad"
)

func main() {
	var fqdn, appWebSrv string
	var extPort, intPort uint
	flag.StringVar(&fqdn, "fqdn", "", "FQDN of the enclave (e.g. example.com)")
	flag.StringVar(&appWebSrv, "appwebsrv", "", "enclave-internal HTTP server of the application (e.g. http://127.0.0.1:8081)")
	flag.UintVar(&extPort, "extport", 443, "external port of the public web server")
	flag.UintVar(&intPort, "intport", 8080, "enclave-internal port of nitriding's own server")
	flag.Parse()

	c := &nitriding.Config{FQDN: fqdn, ExtPort: uint16(extPort), IntPort: uint16(intPort)}
	if appWebSrv != "" {
		u, err := url.Parse(appWebSrv)
		if err != nil {
			log.Fatalf("failed to parse application web server URL: %v", err)
		}
		c.AppWebSrv = u
	}
	enclave, err := nitriding.NewEnclave(c)
	if err != nil {
		log.Fatalf("failed to create enclave: %v", err)
	}
	if err := enclave.Start(); err != nil {
		log.Fatalf("enclave terminated: %v", err)
	}
	select {}
}
