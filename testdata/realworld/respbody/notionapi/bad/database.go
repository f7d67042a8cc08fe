package bad

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
)

// DatabaseID identifies a database.
type DatabaseID string

func (dID DatabaseID) String() string { return string(dID) }

// Database is a database object.
type Database struct {
	Object string `json:"object"`
	ID     string `json:"id"`
}

// DatabaseQueryRequest is a query of a database.
type DatabaseQueryRequest struct {
	Filter      interface{} `json:"filter,omitempty"`
	StartCursor Cursor      `json:"start_cursor,omitempty"`
	PageSize    int         `json:"page_size,omitempty"`
}

// DatabaseQueryResponse is a page of a query's results.
type DatabaseQueryResponse struct {
	Object     string                   `json:"object"`
	Results    []map[string]interface{} `json:"results"`
	HasMore    bool                     `json:"has_more"`
	NextCursor Cursor                   `json:"next_cursor"`
}

// DatabaseClient is the Database service.
type DatabaseClient struct {
	apiClient *Client
}

// Get returns the database.
func (dc *DatabaseClient) Get(ctx context.Context, id DatabaseID) (*Database, error) {
	res, err := dc.apiClient.request(ctx, http.MethodGet, fmt.Sprintf("databases/%s", id.String()), nil, nil)
	if err != nil {
		return nil, err
	}
	var response Database

	err = json.NewDecoder(res.Body).Decode(&response)
	if err != nil {
		return nil, err
	}

	return &response, nil
}

// Query returns a page of the database's pages that match the request.
func (dc *DatabaseClient) Query(ctx context.Context, id DatabaseID, requestBody *DatabaseQueryRequest) (*DatabaseQueryResponse, error) {
	res, err := dc.apiClient.request(ctx, http.MethodPost, fmt.Sprintf("databases/%s/query", id.String()), nil, requestBody)
	if err != nil {
		return nil, err
	}

	var response DatabaseQueryResponse
	err = json.NewDecoder(res.Body).Decode(&response)
	if err != nil {
		return nil, err
	}

	return &response, nil
}
