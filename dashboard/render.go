package dashboard

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"
)

// parsePages parses each page template together with the layout.
func parsePages(s *Server) (map[string]*template.Template, error) {
	funcs := template.FuncMap{
		"when":    s.when,
		"ago":     func(t time.Time) string { return since(s.now().Sub(t)) },
		"dur":     since,
		"label":   label,
		"need":    s.needName,
		"channel": channelName,
		"pct": func(n, total int) string {
			if total == 0 {
				return "0%"
			}
			return fmt.Sprintf("%.0f%%", 100*float64(n)/float64(total))
		},
		"signed": func(v float64) string { return fmt.Sprintf("%+.1f", v) },
		"fixed":  func(v float64) string { return fmt.Sprintf("%.1f", v) },
		"bandClass": func(band string) string {
			return "band band-" + strings.ReplaceAll(band, "_", "-")
		},
	}
	pages, err := fs.Glob(files, "templates/*.html")
	if err != nil {
		return nil, err
	}
	out := map[string]*template.Template{}
	for _, p := range pages {
		name := strings.TrimSuffix(path.Base(p), ".html")
		if name == "layout" {
			continue
		}
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(files, "templates/layout.html", p)
		if err != nil {
			return nil, fmt.Errorf("template %s: %w", name, err)
		}
		out[name] = t
	}
	return out, nil
}

// render writes a page; data gains the current user and the CSRF token.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, page string, data map[string]any) {
	if a := current(r); a != nil {
		data["User"] = a
		data["CSRF"] = a.session.CSRFToken
	}
	data["Path"] = r.URL.Path
	var buf bytes.Buffer
	if err := s.pages[page].Execute(&buf, data); err != nil {
		s.log.Error("render", "page", page, "err", err)
		http.Error(w, "Sorry, something went wrong.", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = buf.WriteTo(w)
}

// when shows a time in the dashboard's time zone.
func (s *Server) when(t any) string {
	var tt time.Time
	switch v := t.(type) {
	case time.Time:
		tt = v
	case *time.Time:
		if v == nil {
			return ""
		}
		tt = *v
	case interface{ Value() (any, error) }:
		x, _ := v.Value()
		if x == nil {
			return ""
		}
		tt, _ = x.(time.Time)
	}
	if tt.IsZero() {
		return ""
	}
	return tt.In(s.cfg.Location).Format("2 Jan 2006 15:04")
}

// since shows a duration briefly: 45s, 12m, 3h 20m, 2d 4h.
func since(d time.Duration) string {
	switch {
	case d < time.Minute:
		return fmt.Sprintf("%ds", int(d.Seconds()))
	case d < time.Hour:
		return fmt.Sprintf("%dm", int(d.Minutes()))
	case d < 24*time.Hour:
		return fmt.Sprintf("%dh %dm", int(d.Hours()), int(d.Minutes())%60)
	}
	return fmt.Sprintf("%dd %dh", int(d.Hours())/24, int(d.Hours())%24)
}

// label turns a code (life_satisfaction, young_person) into words (Life satisfaction).
func label(code string) string {
	if code == "" {
		return ""
	}
	s := strings.ReplaceAll(code, "_", " ")
	return strings.ToUpper(s[:1]) + s[1:]
}

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// needName shows a need code as residents see it ("money" as "Money and debt").
func (s *Server) needName(code string) string {
	if s.engine != nil && s.engine.Content != nil {
		if t, ok := s.engine.Content.Raw("en", "need."+code); ok {
			return t
		}
	}
	return label(code)
}

// channelName shows a channel code as people say it.
func channelName(code string) string {
	switch code {
	case "sms":
		return "SMS"
	case "web":
		return "Web (try page)"
	}
	return label(code)
}
