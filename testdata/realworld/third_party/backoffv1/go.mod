module gopkg.in/cenkalti/backoff.v1

go 1.26
