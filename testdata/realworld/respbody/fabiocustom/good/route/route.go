// Package route stands for fabiolb/fabio's route package: a routing table
// built from route definitions, and the table the proxy serves from.
package route

import (
	"errors"
	"sync/atomic"
)

// RouteDef is one route of a custom registry's answer.
type RouteDef struct {
	Cmd     string            `json:"cmd"`
	Service string            `json:"service"`
	Src     string            `json:"src"`
	Dst     string            `json:"dst"`
	Weight  float64           `json:"weight"`
	Tags    []string          `json:"tags"`
	Opts    map[string]string `json:"opts"`
}

// Table is a routing table.
type Table map[string][]RouteDef

var table atomic.Value

// NewTableCustom builds a table from the definitions.
func NewTableCustom(defs *[]RouteDef) (Table, error) {
	if defs == nil {
		return nil, errors.New("no routes")
	}
	t := Table{}
	for _, d := range *defs {
		t[d.Src] = append(t[d.Src], d)
	}
	return t, nil
}

// SetTable makes t the table the proxy serves from.
func SetTable(t Table) {
	table.Store(t)
}
