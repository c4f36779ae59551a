package classifier

import (
	"fmt"
	"sync"
	"testing"
)

// TestConcurrentPJunk runs many goroutines against one model; run it with
// -race.
func TestConcurrentPJunk(t *testing.T) {
	m := richModel(t)
	samples := placeholderSamples(t)
	want := make([]float64, len(samples))
	for i, s := range samples {
		want[i] = m.PJunk(s.Text, s.Features)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for g := range 16 {
		wg.Go(func() {
			for n := range 200 {
				i := (g + n) % len(samples)
				if got := m.PJunk(samples[i].Text, samples[i].Features); got != want[i] {
					errs <- fmt.Errorf("goroutine %d: PJunk(%q) = %g, want %g", g, samples[i].Text, got, want[i])
					return
				}
				if n%50 == 0 {
					m.Smooth(want)
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
