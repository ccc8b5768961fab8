package dashboard

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/signpost-nhs/signpost/bot/store"
)

// Charts are drawn on the server as inline SVG: no script, no CDN, and every chart has a data
// table beside it for screen readers and for copying. Colours come from dashboard.css classes
// (the CSP forbids inline styles).

// barChart draws a horizontal bar chart of counts.
func barChart(title string, data []store.Count) template.HTML {
	if len(data) == 0 {
		return template.HTML(`<p class="empty">No data for this period.</p>`)
	}
	const width, labelW, rowH, valueW = 640, 220, 26, 50
	max := 0
	for _, d := range data {
		max = maxInt(max, d.N)
	}
	h := rowH*len(data) + 10
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-label="%s">`,
		width, h, width, h, esc(title))
	fmt.Fprintf(&b, `<title>%s</title>`, esc(title))
	for i, d := range data {
		y := 5 + i*rowH
		w := 0
		if max > 0 {
			w = (width - labelW - valueW) * d.N / max
		}
		fmt.Fprintf(&b, `<text class="chart-label" x="%d" y="%d" text-anchor="end">%s</text>`, labelW-8, y+17, esc(truncate(d.Key, 30)))
		fmt.Fprintf(&b, `<rect class="chart-bar" x="%d" y="%d" width="%d" height="%d"><title>%s: %d</title></rect>`,
			labelW, y+3, maxInt(w, 1), rowH-8, esc(d.Key), d.N)
		fmt.Fprintf(&b, `<text class="chart-value" x="%d" y="%d">%d</text>`, labelW+w+6, y+17, d.N)
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// pairBar is one group of two bars: A (baseline) and B (follow-up).
type pairBar struct {
	Label      string
	A, B       float64
	HasA, HasB bool
}

// pairChart draws grouped bars on a fixed 0..max scale, for ONS4 scores.
func pairChart(title, aName, bName string, max float64, data []pairBar) template.HTML {
	const width, labelW, groupH, barH = 640, 160, 52, 18
	h := groupH*len(data) + 40
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-label="%s">`,
		width, h, width, h, esc(title))
	fmt.Fprintf(&b, `<title>%s</title>`, esc(title))
	plot := float64(width - labelW - 50)
	for i := 0; i <= int(max); i += 2 {
		x := labelW + int(plot*float64(i)/max)
		fmt.Fprintf(&b, `<line class="chart-grid" x1="%d" x2="%d" y1="0" y2="%d"/><text class="chart-axis" x="%d" y="%d" text-anchor="middle">%d</text>`,
			x, x, h-30, x, h-16, i)
	}
	for i, d := range data {
		y := 4 + i*groupH
		fmt.Fprintf(&b, `<text class="chart-label" x="%d" y="%d" text-anchor="end">%s</text>`, labelW-8, y+26, esc(d.Label))
		for j, bar := range []struct {
			v    float64
			has  bool
			name string
			cls  string
		}{{d.A, d.HasA, aName, "chart-bar-a"}, {d.B, d.HasB, bName, "chart-bar-b"}} {
			by := y + j*(barH+4)
			if !bar.has {
				fmt.Fprintf(&b, `<text class="chart-none" x="%d" y="%d">%s: not yet</text>`, labelW+4, by+14, esc(bar.name))
				continue
			}
			w := int(plot * bar.v / max)
			fmt.Fprintf(&b, `<rect class="%s" x="%d" y="%d" width="%d" height="%d"><title>%s %s: %.1f</title></rect>`,
				bar.cls, labelW, by, maxInt(w, 1), barH, esc(d.Label), esc(bar.name), bar.v)
			fmt.Fprintf(&b, `<text class="chart-value" x="%d" y="%d">%s</text>`, labelW+w+6, by+14, trimFloat(bar.v))
		}
	}
	fmt.Fprintf(&b, `<rect class="chart-bar-a" x="%d" y="%d" width="12" height="12"/><text class="chart-axis" x="%d" y="%d">%s</text>`,
		labelW, h-12, labelW+16, h-2, esc(aName))
	fmt.Fprintf(&b, `<rect class="chart-bar-b" x="%d" y="%d" width="12" height="12"/><text class="chart-axis" x="%d" y="%d">%s</text>`,
		labelW+110, h-12, labelW+126, h-2, esc(bName))
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

func trimFloat(v float64) string {
	s := fmt.Sprintf("%.1f", v)
	return strings.TrimSuffix(s, ".0")
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func esc(s string) string { return template.HTMLEscapeString(s) }

func maxInt(a, b int) int {
	if a > b {
		return a
	}
	return b
}
