package httpapi

// log: the functions and methods that exit or panic after logging, and
// those that only log.
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
	logPrints = Callees{
		function("log", "Print"),
		function("log", "Printf"),
		function("log", "Println"),
		method(logLogger, "Print"),
		method(logLogger, "Printf"),
		method(logLogger, "Println"),
		method(logLogger, "Panic"),
		method(logLogger, "Panicf"),
		method(logLogger, "Panicln"),
	}
)
