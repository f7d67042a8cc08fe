package httpapi

// strconv: integers turned into text.
var strconvFormats = Callees{
	function("strconv", "FormatInt"),
	function("strconv", "FormatUint"),
	function("strconv", "Itoa"),
	function("strconv", "AppendInt"),
	function("strconv", "AppendUint"),
}
