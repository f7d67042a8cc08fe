package lib // want package:"built"

import "net/http"

func Client() *http.Client { return &http.Client{} }
