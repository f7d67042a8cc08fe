module myservice

go 1.24
