// Package content holds every word Signpost says, per locale, and the code that loads and checks it.
//
// Content is embedded in the binary and can be overridden, file by file, by a directory
// (SIGNPOST_CONTENT_DIR). Messages are looked up by key; a key missing from a locale falls back
// to English, so a resident never receives an empty message.
package content

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

// DefaultLocale is the locale every other falls back to.
const DefaultLocale = "en"

//go:embed locales/*.yaml
var embedded embed.FS

// Bundle is the loaded content: messages per locale.
type Bundle struct {
	locales map[string]map[string]string
	names   map[string]string // locale code -> the language's own name ("Polski")
}

// Embedded returns the content built into the binary.
func Embedded() (*Bundle, error) { return Load(embedded) }

// LoadDir loads the embedded content and overlays the files found in dir: a file there
// replaces or adds keys of the same locale, so an operator overrides only what they change.
func LoadDir(dir string) (*Bundle, error) {
	b, err := Embedded()
	if err != nil {
		return nil, err
	}
	if dir == "" {
		return b, nil
	}
	if _, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("content directory: %w", err)
	}
	over, err := load(os.DirFS(dir), true)
	if err != nil {
		return nil, err
	}
	for loc, msgs := range over.locales {
		if b.locales[loc] == nil {
			b.locales[loc] = map[string]string{}
		}
		for k, v := range msgs {
			b.locales[loc][k] = v
		}
	}
	for loc, name := range over.names {
		b.names[loc] = name
	}
	return b, nil
}

// Load reads locales/*.yaml from fsys.
func Load(fsys fs.FS) (*Bundle, error) { return load(fsys, false) }

func load(fsys fs.FS, optional bool) (*Bundle, error) {
	files, err := fs.Glob(fsys, "locales/*.yaml")
	if err != nil {
		return nil, err
	}
	b := &Bundle{locales: map[string]map[string]string{}, names: map[string]string{}}
	for _, f := range files {
		data, err := fs.ReadFile(fsys, f)
		if err != nil {
			return nil, err
		}
		var msgs map[string]string
		if err := yaml.Unmarshal(data, &msgs); err != nil {
			return nil, fmt.Errorf("content %s: %w", f, err)
		}
		loc := strings.TrimSuffix(path.Base(f), ".yaml")
		for k, v := range msgs {
			msgs[k] = strings.TrimRight(v, "\n")
		}
		b.locales[loc] = msgs
		b.names[loc] = msgs["language.name"]
	}
	if !optional && b.locales[DefaultLocale] == nil {
		return nil, errors.New("content: no English messages (locales/en.yaml)")
	}
	return b, nil
}

// Locales lists the loaded locale codes, English first.
func (b *Bundle) Locales() []string {
	out := make([]string, 0, len(b.locales))
	for l := range b.locales {
		if l != DefaultLocale {
			out = append(out, l)
		}
	}
	sort.Strings(out)
	return append([]string{DefaultLocale}, out...)
}

// Has reports whether locale is loaded.
func (b *Bundle) Has(locale string) bool { _, ok := b.locales[locale]; return ok }

// LanguageName is the language's name in itself ("English", "Polski").
func (b *Bundle) LanguageName(locale string) string { return b.names[locale] }

// Keys lists the keys of a locale, sorted.
func (b *Bundle) Keys(locale string) []string {
	keys := make([]string, 0, len(b.locales[locale]))
	for k := range b.locales[locale] {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Raw returns the text of key in locale exactly as written, and whether the locale has it.
func (b *Bundle) Raw(locale, key string) (string, bool) {
	s, ok := b.locales[locale][key]
	return s, ok && s != ""
}

// Text renders key in locale with {name} placeholders replaced from args (pairs of name, value).
// A key missing from locale falls back to English; a key missing from English renders as the key
// itself in brackets, which `signpost content check` reports long before a resident could see it.
func (b *Bundle) Text(locale, key string, args ...string) string {
	s, ok := b.Raw(locale, key)
	if !ok {
		s, ok = b.Raw(DefaultLocale, key)
	}
	if !ok {
		return "[" + key + "]"
	}
	if len(args) == 0 {
		return s
	}
	pairs := make([]string, 0, len(args))
	for i := 0; i+1 < len(args); i += 2 {
		pairs = append(pairs, "{"+args[i]+"}", args[i+1])
	}
	return strings.NewReplacer(pairs...).Replace(s)
}
