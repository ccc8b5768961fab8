package understand

import (
	"os"
	"testing"
)

func TestZZDev(t *testing.T) {
	p := os.Getenv("CRISIS_DEV")
	if p == "" {
		t.Skip()
	}
	r := evalCrisis(loadTSV(t, p))
	r.log(t, p)
}
