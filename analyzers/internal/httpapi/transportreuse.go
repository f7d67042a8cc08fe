package httpapi

// Symbols that the transportreuse analyzer matches beyond the shared table.
var (

	// Code that takes one of the testing types is test code.
	TestingT  = typ("testing", "T")
	TestingB  = typ("testing", "B")
	TestingF  = typ("testing", "F")
	TestingTB = typ("testing", "TB")
)
