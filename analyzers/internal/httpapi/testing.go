package httpapi

// testing: code that takes one of the testing types is test code; the
// methods that end a test never return.
var (
	TestingT  = typ("testing", "T")
	TestingB  = typ("testing", "B")
	TestingF  = typ("testing", "F")
	TestingTB = typ("testing", "TB")

	// TestingParallel run tests or benchmark bodies at the same time as
	// others: t.Parallel, b.RunParallel.
	TestingParallel = Callees{method(TestingT, "Parallel"), method(TestingB, "RunParallel")}

	// testingCommon is the unexported type whose methods T, B and F
	// promote.
	testingCommon = typ("testing", "common")

	// testingStops end the test or benchmark: FailNow and SkipNow stop
	// its goroutine.
	testingStops = Callees{
		method(testingCommon, "Fatal"),
		method(testingCommon, "Fatalf"),
		method(testingCommon, "FailNow"),
		method(testingCommon, "Skip"),
		method(testingCommon, "Skipf"),
		method(testingCommon, "SkipNow"),
		method(TestingTB, "Fatal"),
		method(TestingTB, "Fatalf"),
		method(TestingTB, "FailNow"),
		method(TestingTB, "Skip"),
		method(TestingTB, "Skipf"),
		method(TestingTB, "SkipNow"),
	}
)
