package main

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/signpost-nhs/signpost/bot"
)

// config is the environment, parsed once. Every variable is optional (see CONTRACT.md).
type config struct {
	Addr string
	// DebugAddr, when set, serves Go's profiler (/debug/pprof/) on a listener of its own.
	DebugAddr     string
	DatabaseURL   string
	PublicURL     *url.URL
	ContentDir    string
	Location      *time.Location
	QuietHours    quietHours
	FollowupAfter time.Duration
	ReassessAfter time.Duration
	NudgesPerWeek int
	// Retention is how long message text and notes are kept after a person's last contact.
	Retention time.Duration

	TwilioAccountSID, TwilioAuthToken  string
	TwilioFrom, TwilioMessagingService string
	TwilioAPIURL                       *url.URL
	TwilioSendRate                     float64
	TelegramToken, TelegramSecret      string
	TelegramAPIURL                     *url.URL
	TelegramSendRate                   float64
}

// quietHours is a daily local window in which no nudge is sent; it may cross midnight.
type quietHours = bot.QuietHours

// configError is a bad setting: exit status 2 with a one-line message naming the variable.
type configError struct {
	name, value, why string
}

func (e *configError) Error() string {
	return fmt.Sprintf("%s=%q: %s", e.name, e.value, e.why)
}

func loadConfig(getenv func(string) string) (config, error) {
	get := func(name, def string) string {
		if v := strings.TrimSpace(getenv(name)); v != "" {
			return v
		}
		return def
	}
	var c config
	c.Addr = get("SIGNPOST_ADDR", "127.0.0.1:8080")
	if _, _, err := splitHostPort(c.Addr); err != nil {
		return c, &configError{"SIGNPOST_ADDR", c.Addr, "want host:port"}
	}
	if c.DebugAddr = get("SIGNPOST_DEBUG_ADDR", ""); c.DebugAddr != "" {
		if _, _, err := splitHostPort(c.DebugAddr); err != nil {
			return c, &configError{"SIGNPOST_DEBUG_ADDR", c.DebugAddr, "want host:port"}
		}
	}
	c.DatabaseURL = get("SIGNPOST_DATABASE_URL", "sqlite:signpost.db")
	if !strings.HasPrefix(c.DatabaseURL, "sqlite:") && !strings.HasPrefix(c.DatabaseURL, "postgres://") &&
		!strings.HasPrefix(c.DatabaseURL, "postgresql://") {
		return c, &configError{"SIGNPOST_DATABASE_URL", "(hidden)", "want sqlite:PATH or postgres://..."}
	}
	var err error
	if c.PublicURL, err = parseURL("SIGNPOST_PUBLIC_URL", get("SIGNPOST_PUBLIC_URL", "http://"+c.Addr)); err != nil {
		return c, err
	}
	c.ContentDir = get("SIGNPOST_CONTENT_DIR", "")
	tz := get("SIGNPOST_TIMEZONE", "Europe/London")
	if c.Location, err = time.LoadLocation(tz); err != nil {
		return c, &configError{"SIGNPOST_TIMEZONE", tz, "unknown time zone"}
	}
	qh := get("SIGNPOST_QUIET_HOURS", "20:00-09:00")
	if c.QuietHours, err = parseQuietHours(qh); err != nil {
		return c, &configError{"SIGNPOST_QUIET_HOURS", qh, err.Error()}
	}
	if c.FollowupAfter, err = parseDuration("SIGNPOST_FOLLOWUP_AFTER", get("SIGNPOST_FOLLOWUP_AFTER", "72h")); err != nil {
		return c, err
	}
	if c.ReassessAfter, err = parseDuration("SIGNPOST_REASSESS_AFTER", get("SIGNPOST_REASSESS_AFTER", "1008h")); err != nil {
		return c, err
	}
	if c.Retention, err = parseDuration("SIGNPOST_RETENTION", get("SIGNPOST_RETENTION", "8760h")); err != nil {
		return c, err
	}
	perWeek := get("SIGNPOST_NUDGES_PER_WEEK", "3")
	if c.NudgesPerWeek, err = strconv.Atoi(perWeek); err != nil || c.NudgesPerWeek < 1 {
		return c, &configError{"SIGNPOST_NUDGES_PER_WEEK", perWeek, "want a whole number of nudges, 1 or more"}
	}
	c.TwilioAccountSID, c.TwilioAuthToken = get("TWILIO_ACCOUNT_SID", ""), get("TWILIO_AUTH_TOKEN", "")
	c.TwilioFrom, c.TwilioMessagingService = get("TWILIO_FROM", ""), get("TWILIO_MESSAGING_SERVICE_SID", "")
	if c.TwilioAPIURL, err = parseURL("TWILIO_API_URL", get("TWILIO_API_URL", "https://api.twilio.com")); err != nil {
		return c, err
	}
	if c.TwilioSendRate, err = parseRate("TWILIO_SEND_RATE", get("TWILIO_SEND_RATE", "10")); err != nil {
		return c, err
	}
	c.TelegramToken, c.TelegramSecret = get("TELEGRAM_BOT_TOKEN", ""), get("TELEGRAM_WEBHOOK_SECRET", "")
	if c.TelegramAPIURL, err = parseURL("TELEGRAM_API_URL", get("TELEGRAM_API_URL", "https://api.telegram.org")); err != nil {
		return c, err
	}
	if c.TelegramSendRate, err = parseRate("TELEGRAM_SEND_RATE", get("TELEGRAM_SEND_RATE", "30")); err != nil {
		return c, err
	}
	return c, nil
}

func splitHostPort(addr string) (string, string, error) {
	i := strings.LastIndex(addr, ":")
	if i < 0 {
		return "", "", fmt.Errorf("missing port")
	}
	if _, err := strconv.Atoi(addr[i+1:]); err != nil {
		return "", "", err
	}
	return addr[:i], addr[i+1:], nil
}

func parseURL(name, v string) (*url.URL, error) {
	u, err := url.Parse(v)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, &configError{name, v, "want an absolute http(s) URL"}
	}
	u.Path = strings.TrimRight(u.Path, "/")
	return u, nil
}

func parseDuration(name, v string) (time.Duration, error) {
	d, err := time.ParseDuration(v)
	if err != nil || d <= 0 {
		return 0, &configError{name, v, "want a positive Go duration such as 72h"}
	}
	return d, nil
}

func parseRate(name, v string) (float64, error) {
	r, err := strconv.ParseFloat(v, 64)
	if err != nil || r <= 0 {
		return 0, &configError{name, v, "want a positive number of messages per second"}
	}
	return r, nil
}

func parseQuietHours(v string) (quietHours, error) {
	if strings.EqualFold(v, "off") {
		return quietHours{Off: true}, nil
	}
	from, to, ok := strings.Cut(v, "-")
	if !ok {
		return quietHours{}, fmt.Errorf("want HH:MM-HH:MM or off")
	}
	start, err1 := parseClock(from)
	end, err2 := parseClock(to)
	if err1 != nil || err2 != nil || start == end {
		return quietHours{}, fmt.Errorf("want HH:MM-HH:MM or off")
	}
	return quietHours{Start: start, End: end}, nil
}

func parseClock(v string) (time.Duration, error) {
	t, err := time.Parse("15:04", strings.TrimSpace(v))
	if err != nil {
		return 0, err
	}
	return time.Duration(t.Hour())*time.Hour + time.Duration(t.Minute())*time.Minute, nil
}
