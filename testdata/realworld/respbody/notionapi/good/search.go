package good

import (
	"context"
	"encoding/json"
	"log"
	"net/http"
)

// SearchRequest is a search of the pages and databases shared with the
// integration.
type SearchRequest struct {
	Query       string `json:"query,omitempty"`
	StartCursor Cursor `json:"start_cursor,omitempty"`
	PageSize    int    `json:"page_size,omitempty"`
}

// SearchResponse is a page of search results.
type SearchResponse struct {
	Object     string                   `json:"object"`
	Results    []map[string]interface{} `json:"results"`
	HasMore    bool                     `json:"has_more"`
	NextCursor Cursor                   `json:"next_cursor"`
}

// SearchClient is the Search service.
type SearchClient struct {
	apiClient *Client
}

// Do runs the search.
func (sc *SearchClient) Do(ctx context.Context, request *SearchRequest) (*SearchResponse, error) {
	res, err := sc.apiClient.request(ctx, http.MethodPost, "search", nil, request)
	if err != nil {
		return nil, err
	}

	defer func() {
		if errClose := res.Body.Close(); errClose != nil {
			log.Println("failed to close body, should never happen")
		}
	}()

	var response SearchResponse
	err = json.NewDecoder(res.Body).Decode(&response)
	if err != nil {
		return nil, err
	}

	return &response, nil
}
