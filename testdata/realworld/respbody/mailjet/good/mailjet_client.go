package good

import (
	"encoding/json"
	"fmt"
)

// Request names a resource.
type Request struct {
	Resource string
	ID       int64
}

// FullRequest is a request with a payload.
type FullRequest struct {
	Info    *Request
	Payload any
}

func buildURL(r *Request) string {
	if r.ID != 0 {
		return fmt.Sprintf("%s/REST/%s/%d", apiBase, r.Resource, r.ID)
	}
	return fmt.Sprintf("%s/REST/%s", apiBase, r.Resource)
}

// Get fetches a resource into res.
func (mj *Client) Get(mr *Request, res any) error {
	req, err := createRequest("GET", buildURL(mr), nil)
	if err != nil {
		return err
	}
	resp, err := mj.doRequest(req)
	if err != nil {
		return err
	} else if resp == nil {
		return fmt.Errorf("empty response")
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(res)
}

// Post creates a resource and stores the result in res.
func (mj *Client) Post(fmr *FullRequest, res any) error {
	req, err := createRequest("POST", buildURL(fmr.Info), fmr.Payload)
	if err != nil {
		return err
	}
	req.Header.Add("Content-Type", "application/json")
	resp, err := mj.doRequest(req)
	if err != nil {
		return err
	} else if resp == nil {
		return fmt.Errorf("empty response")
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(res)
}

// Delete deletes a resource.
func (mj *Client) Delete(mr *Request) error {
	req, err := createRequest("DELETE", buildURL(mr), nil)
	if err != nil {
		return err
	}
	resp, err := mj.doRequest(req)
	if resp != nil && err == nil {
		resp.Body.Close()
	}
	return err
}

// InfoSendMail is a message to send.
type InfoSendMail struct {
	FromEmail string
	Subject   string
	TextPart  string `json:"Text-part"`
	To        string
}

// SentResult is the answer to a send.
type SentResult struct {
	Sent []struct {
		Email     string
		MessageID int64
	}
}

// SendMail sends a mail.
func (mj *Client) SendMail(data *InfoSendMail) (res *SentResult, err error) {
	req, err := createRequest("POST", apiBase+"/send/message", data)
	if err != nil {
		return res, err
	}
	req.Header.Add("Content-Type", "application/json")
	resp, err := mj.doRequest(req)
	if err != nil {
		return res, err
	} else if resp == nil {
		return res, fmt.Errorf("empty response")
	}
	defer resp.Body.Close()
	err = json.NewDecoder(resp.Body).Decode(&res)
	return res, err
}
