module github.com/gambol99/goproxy

go 1.26
