package basic

import (
	"bufio"
	"net/http"
)

// Scanned to the end, never closed: at EOF the connection is reused.
func linesToEnd(url string) ([]string, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	var lines []string
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	return lines, sc.Err()
}

// Stops at the first blank line: the rest of the body stays unread.
func linesToBlank(url string) ([]string, error) {
	resp, err := http.Get(url) // want `resp.Body is not closed on a path that returns`
	if err != nil {
		return nil, err
	}
	var lines []string
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		if sc.Text() == "" {
			return lines, nil
		}
		lines = append(lines, sc.Text())
	}
	return lines, sc.Err()
}

func firstLine(url string) (string, error) {
	resp, err := http.Get(url) // want `resp.Body is not closed on a path that returns`
	if err != nil {
		return "", err
	}
	sc := bufio.NewScanner(resp.Body)
	if !sc.Scan() {
		return "", sc.Err()
	}
	return sc.Text(), nil
}
