package httpapi

// fmt: URLs built by formatting; errors made by formatting; values turned
// into text, and text printed to standard output.
var (
	Sprintf = function("fmt", "Sprintf")
	Errorf  = function("fmt", "Errorf")

	fmtFormats = Callees{
		function("fmt", "Sprint"), Sprintf, function("fmt", "Sprintln"),
		function("fmt", "Fprint"), function("fmt", "Fprintf"), function("fmt", "Fprintln"),
		function("fmt", "Append"), function("fmt", "Appendf"), function("fmt", "Appendln"),
	}
	fmtPrints = Callees{function("fmt", "Print"), function("fmt", "Printf"), function("fmt", "Println")}
)
