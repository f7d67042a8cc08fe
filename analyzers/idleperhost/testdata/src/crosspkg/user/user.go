// Package user gets transports from lib and hands transports to it.
package user

import (
	"crosspkg/lib"
	"net/http"
)

// lib.Transport's transport is judged in lib (where it is handed off).
func FromLib() {
	c := &http.Client{Transport: lib.Transport()}
	c.Get("http://inventory.internal:8080/items")
}

// Handed to lib, which sets MaxIdleConnsPerHost: quiet.
func Tuned() {
	c := &http.Client{Transport: lib.Tune(&http.Transport{})}
	c.Get("http://inventory.internal:8080/items")
}

// Built here, used here.
var local = &http.Client{Transport: &http.Transport{}} // want `every request goes to inventory.internal:8080 `

func Local() { local.Get("http://inventory.internal:8080/items") }

// lib's client is judged in lib.
func UseLib() {
	lib.NewClient("http://inventory.internal:8080").Get("/items")
}
