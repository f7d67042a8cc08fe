// Package bad is the shape of fabiolb/fabio's registry/custom before PR
// #945: customRoutes, run in its own goroutine for the life of the
// process, polls the custom registry's URL every PollInterval and never
// closes a response body. The request has Close set, so no connection is
// reused anyway, but a body left unread keeps its connection open with the
// Transport's goroutines waiting on it: a non-200 answer is dropped
// unread every poll, and a decoded table need not have been read to its
// end.
package bad

import (
	"crypto/tls"
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"time"

	"example.com/realworld/respbody/fabiocustom/bad/config"
	"example.com/realworld/respbody/fabiocustom/bad/route"
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
		log.Printf("[DEBUG] Custom Registry starting request %s \n", time.Now())
		resp, err := client.Do(req)
		if err != nil {
			ch <- fmt.Sprintf("Error Sending HTTPs Request To Custom be - %s -%s", URL, err.Error())
			time.Sleep(cfg.PollInterval)
			continue
		}

		if resp.StatusCode != 200 {
			ch <- fmt.Sprintf("Error Non-200 return (%v) from  -%s", resp.StatusCode, URL)
			time.Sleep(cfg.PollInterval)
			continue
		}
		decoder := json.NewDecoder(resp.Body)
		err = decoder.Decode(&Routes)
		if err != nil {
			ch <- fmt.Sprintf("Error decoding request - %s -%s", URL, err.Error())
			time.Sleep(cfg.PollInterval)
			continue
		}

		t, err := route.NewTableCustom(Routes)
		if err != nil {
			ch <- fmt.Sprintf("Error generating new table - %s", err.Error())
		}
		route.SetTable(t)
		ch <- "OK"
		time.Sleep(cfg.PollInterval)
	}
}
