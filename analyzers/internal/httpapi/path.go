package httpapi

// path: URLs joined as slash-separated paths.
var PathJoin = function("path", "Join")
