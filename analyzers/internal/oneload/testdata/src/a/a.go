package a

func F() {} // want `F says a`
