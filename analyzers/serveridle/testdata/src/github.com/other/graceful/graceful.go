package graceful

import "net/http"

func Serve(s *http.Server) error { return s.ListenAndServe() }
