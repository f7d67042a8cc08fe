package b

func G() {} // want `G says b`
