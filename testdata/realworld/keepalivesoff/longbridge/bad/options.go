package bad

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	nhttp "net/http"
	"net/url"
	"time"
)

// Options configure a Client.
type Options struct {
	URL          string
	AppKey       string
	AppSecret    string
	AccessToken  string
	Language     string
	Timeout      time.Duration
	Client       *nhttp.Client
	ExtraHeaders map[string]string
}

// Option sets one option.
type Option func(*Options)

// WithURL sets the API's URL.
func WithURL(u string) Option { return func(o *Options) { o.URL = u } }

// WithTimeout sets the client's timeout.
func WithTimeout(d time.Duration) Option { return func(o *Options) { o.Timeout = d } }

// WithClient sets the HTTP client to use instead of one of the package's.
func WithClient(c *nhttp.Client) Option { return func(o *Options) { o.Client = c } }

// WithAppKey sets the app key.
func WithAppKey(k string) Option { return func(o *Options) { o.AppKey = k } }

// WithAppSecret sets the app secret.
func WithAppSecret(s string) Option { return func(o *Options) { o.AppSecret = s } }

// WithAccessToken sets the access token.
func WithAccessToken(t string) Option { return func(o *Options) { o.AccessToken = t } }

func newOptions(opt ...Option) *Options {
	o := &Options{Timeout: 15 * time.Second, Language: "en"}
	for _, f := range opt {
		f(o)
	}
	return o
}

// signature signs req with appSecret (no-op when it is empty).
func signature(req *nhttp.Request, appSecret string, body []byte) {
	if appSecret == "" {
		return
	}
	ts := fmt.Sprintf("%d", time.Now().Unix())
	mac := hmac.New(sha256.New, []byte(appSecret))
	fmt.Fprintf(mac, "%s|%s|%s|%s", req.Method, req.URL.Path, ts, body)
	req.Header.Set("x-timestamp", ts)
	req.Header.Set("x-api-signature", hex.EncodeToString(mac.Sum(nil)))
}

func queryValues(v any) (url.Values, error) {
	switch q := v.(type) {
	case url.Values:
		return q, nil
	case map[string]string:
		vals := url.Values{}
		for k, s := range q {
			vals.Set(k, s)
		}
		return vals, nil
	}
	return nil, fmt.Errorf("unsupported query params %T", v)
}
