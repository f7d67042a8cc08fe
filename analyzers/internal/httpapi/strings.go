package httpapi

// strings: URLs trimmed at their end, which keeps their scheme and host
// (strings.TrimSuffix(base, "/") + "/api").
var StringsTrimEnd = Callees{function("strings", "TrimSuffix"), function("strings", "TrimRight"), function("strings", "TrimSpace")}

// StringsHasSuffix tests a string's end: of an error's text, the end is
// the wrapped error's (see [StaleTextMayMatch]).
var StringsHasSuffix = function("strings", "HasSuffix")
