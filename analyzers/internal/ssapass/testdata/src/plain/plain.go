package plain // want package:"skipped"

import "strings"

func Upper(s string) string { return strings.ToUpper(s) }
