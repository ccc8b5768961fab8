package bot

import (
	"context"
	"sync/atomic"

	"github.com/signpost-nhs/signpost/bot/store"
	"github.com/signpost-nhs/signpost/content/directory"
)

// Directory holds the community services in memory for ranking: the imported directory, or the
// embedded sample directory while none has been imported.
type Directory struct {
	store    *store.Store
	services atomic.Pointer[[]directory.Service]
}

var _ interface {
	Find(directory.Query) []directory.Match
} = (*Directory)(nil)

// NewDirectory returns a Directory over the store's services; call Refresh to load them.
func NewDirectory(s *store.Store) *Directory {
	d := &Directory{store: s}
	empty := []directory.Service{}
	d.services.Store(&empty)
	return d
}

// Refresh reloads the services from the store.
func (d *Directory) Refresh(ctx context.Context) error {
	raws, err := d.store.ServicesJSON(ctx)
	if err != nil {
		return err
	}
	var svcs []directory.Service
	if len(raws) == 0 {
		svcs = directory.Sample()
	} else {
		for _, raw := range raws {
			parsed, _, err := directory.Parse(raw)
			if err != nil {
				continue // rejected at import; nothing new to say here
			}
			svcs = append(svcs, parsed...)
		}
	}
	d.services.Store(&svcs)
	return nil
}

// Services returns the services in use.
func (d *Directory) Services() []directory.Service { return *d.services.Load() }

// Find ranks services for a query.
func (d *Directory) Find(q directory.Query) []directory.Match {
	return directory.Rank(*d.services.Load(), q)
}
