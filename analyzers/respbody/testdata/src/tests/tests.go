// Package tests has responses left open only in its tests: reported with
// -respbody.tests, quiet by default.
package tests
