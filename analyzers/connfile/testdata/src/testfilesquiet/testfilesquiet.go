// Package testfilesquiet is testfiles under the default options: test
// files are left alone.
package testfilesquiet
