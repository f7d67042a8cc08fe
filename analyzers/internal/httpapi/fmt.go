package httpapi

// fmt: URLs built by formatting.
var Sprintf = function("fmt", "Sprintf")
