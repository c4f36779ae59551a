package server

import (
	"slices"
	"time"

	"github.com/winnowlabs/winnow/classifier"
)

// VersionInfos returns the Info of each kept previous version, oldest
// first (the versions of [Store.Versions]). A version's file is read once:
// version numbers are never reused, so its Info is cached. A file that
// cannot be read is left out.
func (s *Store) VersionInfos() ([]classifier.Info, error) {
	vs, err := s.Versions()
	if err != nil {
		return nil, err
	}
	infos := make([]classifier.Info, 0, len(vs))
	for _, v := range vs {
		if info, ok := s.infos.Load(v); ok {
			infos = append(infos, info.(classifier.Info))
			continue
		}
		m, err := classifier.LoadFile(s.versionFile(v))
		if err != nil {
			continue // removed by a trim meanwhile, or damaged: nothing to show
		}
		info := m.Info()
		info.Version = v // the file name is what rollback goes by
		s.infos.Store(v, info)
		infos = append(infos, info)
	}
	// Forget versions trimmed from the history.
	s.infos.Range(func(k, _ any) bool {
		if !slices.Contains(vs, k.(int64)) {
			s.infos.Delete(k)
		}
		return true
	})
	return infos, nil
}

// versionEvent is one model version in GET /v1/model's "versions": what
// made it (its note) and when.
type versionEvent struct {
	Version    int64      `json:"version"`
	TrainedAt  *time.Time `json:"trained_at"`
	Note       string     `json:"note"`
	Samples    classes    `json:"samples"`
	Vocabulary int        `json:"vocabulary"`
	Pinned     int        `json:"pinned"`
	Current    bool       `json:"current,omitempty"`
}

func newVersionEvent(info classifier.Info, current bool) versionEvent {
	e := versionEvent{Version: info.Version, Note: info.Note, Vocabulary: info.Vocabulary, Pinned: info.Pinned, Current: current,
		Samples: classes{Content: info.Samples[classifier.Content], Junk: info.Samples[classifier.Junk]}}
	if !info.TrainedAt.IsZero() {
		t := info.TrainedAt
		e.TrainedAt = &t
	}
	return e
}

// versionEvents returns the current model and the kept versions, newest
// first: the history of training events as far as it is kept.
func (s *Server) versionEvents(cur classifier.Info) ([]versionEvent, error) {
	kept, err := s.store.VersionInfos()
	if err != nil {
		return nil, err
	}
	events := make([]versionEvent, 0, len(kept)+1)
	events = append(events, newVersionEvent(cur, true))
	for i := len(kept) - 1; i >= 0; i-- {
		events = append(events, newVersionEvent(kept[i], false))
	}
	return events, nil
}
