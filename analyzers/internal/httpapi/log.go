package httpapi

// log: the functions and methods that exit or panic after logging.
var (
	logLogger = typ("log", "Logger")
	logStops  = Callees{
		function("log", "Fatal"),
		function("log", "Fatalf"),
		function("log", "Fatalln"),
		function("log", "Panic"),
		function("log", "Panicf"),
		function("log", "Panicln"),
		method(logLogger, "Fatal"),
		method(logLogger, "Fatalf"),
		method(logLogger, "Fatalln"),
	}
)
