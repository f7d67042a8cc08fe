// Package tests switches keep-alives off only in its tests.
package tests
