package httpapi

// errors: errors made from a message.
var errorsNew = function("errors", "New")

// NewErrors return a fresh, non-nil error at every call (errors.New in
// errors/errors.go; fmt.Errorf in fmt/errors.go, which returns
// &wrapError{...} or errors.New(s) whatever its arguments).
var NewErrors = Callees{errorsNew, Errorf}
