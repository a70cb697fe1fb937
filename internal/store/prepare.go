package store

import (
	"dyad/internal/dedup"
	"dyad/news"
)

// Prepared is a coded article made ready to store: checked, encoded as
// stored, signed for the near-duplicate search, and the merge key and place
// detail of each of its events worked out. None of this needs the database,
// so a caller that stores many articles prepares them on its own goroutines
// while the store's one writer saves the earlier ones (dyad ingest does).
// A Prepared is read, never changed, by SavePrepared.
type Prepared struct {
	doc     news.Document
	body    any   // the stored object: encodeDoc
	err     error // why the article cannot be saved; nil when it can
	sig     dedup.Signature
	buckets []int64       // dedup.Buckets(sig)
	keys    []string      // each event's merge key: mergeKey
	places  []placeDetail // each event's place detail
}

// placeDetail is what the events table keeps of an event's place beyond
// its name, country and coordinates.
type placeDetail struct {
	feature    string
	geonamesID int
}

// Prepare readies doc for SavePrepared. It is safe to call from many
// goroutines at once; an article that cannot be saved (no id) is reported
// by SavePrepared with its error.
func (s *Store) Prepare(doc news.Document) *Prepared {
	p := &Prepared{doc: doc}
	if p.body, p.err = s.encodeDoc(doc); p.err != nil {
		return p
	}
	p.sig = dedup.Document(doc)
	p.buckets = dedup.Buckets(p.sig)
	p.keys = make([]string, len(doc.Events))
	p.places = make([]placeDetail, len(doc.Events))
	for i, e := range doc.Events {
		p.keys[i] = mergeKey(doc, e)
		p.places[i] = eventPlaceDetail(doc, e)
	}
	return p
}

// eventPlaceDetail is the feature and GeoNames id of an event's place: those
// of the article's first place with the event place's name, country and
// coordinates, the GeoNames id the event carries taking precedence.
func eventPlaceDetail(doc news.Document, e news.Event) placeDetail {
	if e.Place == nil {
		return placeDetail{}
	}
	d := placeDetail{geonamesID: e.Place.GeonamesID}
	for _, p := range doc.Places {
		if p.Name == e.Place.Name && p.Country == e.Place.Country && p.Lat == e.Place.Lat && p.Lon == e.Place.Lon {
			d.feature = p.Feature
			if d.geonamesID == 0 {
				d.geonamesID = p.GeonamesID
			}
			break
		}
	}
	return d
}
