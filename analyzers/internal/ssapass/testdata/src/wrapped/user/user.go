package user // want package:"built"

// user never imports net/http but gets a client from lib.

import "wrapped/lib"

func Fetch(u string) error {
	resp, err := lib.Client().Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
