module gopkg.in/retry.v1

go 1.26
