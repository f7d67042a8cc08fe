package good

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
)

const basePath = "https://api.statuscake.com/v1"

// UptimeService is the uptime part of the API.
type UptimeService service

// APIResponse is the body of a create.
type APIResponse struct {
	Data struct {
		NewID string `json:"new_id"`
	} `json:"data"`
}

// APICreateUptimeTestRequest is a create request being built.
type APICreateUptimeTestRequest struct {
	ctx        context.Context
	APIService *UptimeService
	name       *string
	websiteURL *string
	checkRate  *int
}

func (r APICreateUptimeTestRequest) Name(n string) APICreateUptimeTestRequest {
	r.name = &n
	return r
}

func (r APICreateUptimeTestRequest) WebsiteURL(u string) APICreateUptimeTestRequest {
	r.websiteURL = &u
	return r
}

func (r APICreateUptimeTestRequest) CheckRate(s int) APICreateUptimeTestRequest {
	r.checkRate = &s
	return r
}

// Execute sends the request.
func (r APICreateUptimeTestRequest) Execute() (APIResponse, error) {
	return r.APIService.CreateUptimeTestExecute(r)
}

// CreateUptimeTest starts a create request.
func (a *UptimeService) CreateUptimeTest(ctx context.Context) APICreateUptimeTestRequest {
	return APICreateUptimeTestRequest{ctx: ctx, APIService: a}
}

// CreateUptimeTestExecute creates an uptime check.
func (a *UptimeService) CreateUptimeTestExecute(r APICreateUptimeTestRequest) (APIResponse, error) {
	var returnValue APIResponse
	if r.name == nil || r.websiteURL == nil || r.checkRate == nil {
		return returnValue, errors.New("name, websiteUrl and checkRate are required")
	}
	headerParams := map[string]string{
		"Content-Type": "application/x-www-form-urlencoded",
		"Accept":       "application/json",
	}
	formParams := url.Values{}
	formParams.Add("name", *r.name)
	formParams.Add("website_url", *r.websiteURL)
	formParams.Add("check_rate", fmt.Sprint(*r.checkRate))

	req, err := a.client.prepareRequest(r.ctx, basePath+"/uptime", http.MethodPost, headerParams, url.Values{}, formParams)
	if err != nil {
		return returnValue, err
	}
	res, err := a.client.callAPI(req)
	if err != nil || res == nil {
		return returnValue, err
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		return returnValue, err
	}
	if res.StatusCode >= 300 {
		return returnValue, fmt.Errorf("statuscake: %s", res.Status)
	}
	err = json.Unmarshal(body, &returnValue)
	return returnValue, err
}

// ListUptimeTestsExecute lists the uptime checks.
func (a *UptimeService) ListUptimeTestsExecute(ctx context.Context) ([]byte, error) {
	headerParams := map[string]string{"Accept": "application/json"}
	req, err := a.client.prepareRequest(ctx, basePath+"/uptime", http.MethodGet, headerParams, url.Values{}, url.Values{})
	if err != nil {
		return nil, err
	}
	res, err := a.client.callAPI(req)
	if err != nil || res == nil {
		return nil, err
	}
	defer res.Body.Close()
	return io.ReadAll(res.Body)
}
