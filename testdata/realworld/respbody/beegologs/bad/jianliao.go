package bad

import (
	"fmt"
	"net/http"
	"net/url"
	"time"
)

// JLWriter posts log messages to a JianLiao webhook.
type JLWriter struct {
	AuthorName  string `json:"authorname"`
	Title       string `json:"title"`
	WebhookURL  string `json:"webhookurl"`
	RedirectURL string `json:"redirecturl,omitempty"`
	Level       int    `json:"level"`
}

// WriteMsg posts msg when level is at least the writer's.
func (s *JLWriter) WriteMsg(when time.Time, msg string, level int) error {
	if level > s.Level {
		return nil
	}
	form := url.Values{}
	form.Add("authorName", s.AuthorName)
	form.Add("title", s.Title)
	form.Add("text", fmt.Sprintf("%s %s", when.Format("2006-01-02 15:04:05"), msg))
	if s.RedirectURL != "" {
		form.Add("redirectUrl", s.RedirectURL)
	}

	resp, err := http.PostForm(s.WebhookURL, form)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("Post webhook failed %s %d", resp.Status, resp.StatusCode)
	}
	resp.Body.Close()
	return nil
}
