// Package good is fabiolb/fabio's registry/custom once PR #945 took
// effect: the PR deferred a Close of each response body inside the
// endless loop, where the deferred calls would only run when
// customRoutes returned, which it never does (a later staticcheck pass
// removed them again); commit b4b2473 (May 2025) moved the loop's body
// into a function literal, so the deferred Close of each poll's body runs
// when that poll ends. This is the code after that commit.
package good

import (
	"crypto/tls"
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"time"

	"example.com/realworld/respbody/fabiocustom/good/config"
	"example.com/realworld/respbody/fabiocustom/good/route"
)

func customRoutes(cfg *config.Custom, ch chan string) {
	var Routes *[]route.RouteDef
	var trans *http.Transport
	var URL string

	if !cfg.CheckTLSSkipVerify {
		trans = &http.Transport{}
	} else {
		trans = &http.Transport{
			TLSClientConfig: &tls.Config{InsecureSkipVerify: true},
		}
	}

	client := &http.Client{
		Transport: trans,
		Timeout:   cfg.Timeout,
	}

	if cfg.QueryParams != "" {
		URL = fmt.Sprintf("%s://%s/%s?%s", cfg.Scheme, cfg.Host, cfg.Path, cfg.QueryParams)
	} else {
		URL = fmt.Sprintf("%s://%s/%s", cfg.Scheme, cfg.Host, cfg.Path)
	}

	req, err := http.NewRequest("GET", URL, nil)
	if err != nil {
		log.Printf("[ERROR] Can not generate new HTTP request")
	}
	req.Close = true

	for {
		func() {
			log.Printf("[DEBUG] Custom Registry starting request %s \n", time.Now())
			resp, err := client.Do(req)
			if resp != nil {
				defer func() {
					if err := resp.Body.Close(); err != nil {
						log.Printf("Error Can not close HTTP resp body - %s -%s \n", URL, err.Error())
					}
				}()
			}
			if err != nil {
				ch <- fmt.Sprintf("Error Sending HTTPs Request To Custom be - %s -%s", URL, err.Error())
				time.Sleep(cfg.PollInterval)
				return
			}

			if resp.StatusCode != 200 {
				ch <- fmt.Sprintf("Error Non-200 return (%v) from  -%s", resp.StatusCode, URL)
				time.Sleep(cfg.PollInterval)
				return
			}
			decoder := json.NewDecoder(resp.Body)
			err = decoder.Decode(&Routes)
			if err != nil {
				ch <- fmt.Sprintf("Error decoding request - %s -%s", URL, err.Error())
				time.Sleep(cfg.PollInterval)
				return
			}

			t, err := route.NewTableCustom(Routes)
			if err != nil {
				ch <- fmt.Sprintf("Error generating new table - %s", err.Error())
			}
			route.SetTable(t)
			ch <- "OK"
			time.Sleep(cfg.PollInterval)
		}()
	}
}
