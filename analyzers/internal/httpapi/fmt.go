package httpapi

// fmt: URLs built by formatting; errors made by formatting.
var (
	Sprintf = function("fmt", "Sprintf")
	Errorf  = function("fmt", "Errorf")
)
