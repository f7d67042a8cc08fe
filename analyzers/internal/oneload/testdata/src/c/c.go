package c

func H() {} // want `H says c`
