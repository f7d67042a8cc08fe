// Package testfiles tunes a listener's socket through its descriptor in a
// test: reported with -connfile.tests.
package testfiles
