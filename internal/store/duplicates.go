package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"dyad/internal/dedup"
	"dyad/news"
)

// # Near-duplicate articles
//
// When an article is saved, its MinHash signature (package dedup) is
// compared with those of the stored articles that share its band buckets
// (article_bands: an index lookup, not a scan; the few sharing most buckets,
// and none through a bucket of boilerplate that many articles share); the
// most similar one at or above dedup.Threshold (ties: the smaller id) is the
// article it duplicates. The copy joins that article's cluster (the first stored
// article of the story), and its events become mentions of the events the
// cluster already reports:
//
//   - an event whose merge key a cluster event has is a mention of it;
//   - else an event that agrees with a cluster event on the CAMEO code, the
//     source and target actor codes and the modality class is a mention of
//     it even when date or place differ (a copy published a day later
//     resolves "on Wednesday" to another day): the one with the same place,
//     else the same date, else the first stored, and never one that another
//     event of the copy, with another merge key, already took. The copy's
//     merge key becomes an alias of the event (event_aliases), so that later
//     reports under that key merge into it too; an event already stored
//     under that key (another outlet's report saved earlier) is merged into
//     the story's event, its mentions moved and its key made an alias;
//   - the other events are merged as any article's.
//
// So the events and counts of a story, its copies and other reports do not
// depend on the order in which they are saved. num_articles counts the copy;
// num_sources counts it only when its outlet has not reported the event yet.
// Only articles published at most copyWindow apart (7 days) are copies of
// each other.

// Duplicate is the link from a stored copy to the earlier article it duplicates.
type Duplicate struct {
	Of         string  `json:"article_id"` // the earlier article the copy is most similar to
	Similarity float64 `json:"similarity"` // estimated Jaccard similarity of their shingles, 0..1
	Cluster    string  `json:"cluster"`    // the first stored article of the story
}

// Duplicate returns the link of the article with this id to the earlier
// article it duplicates, and false when the article is no copy (or not
// stored).
func (s *Store) Duplicate(ctx context.Context, id string) (Duplicate, bool, error) {
	var d Duplicate
	err := s.db.QueryRowContext(ctx, s.d.rebind(`SELECT duplicate_of, similarity, cluster FROM article_dedup WHERE article_id = ? AND duplicate_of <> ''`), id).
		Scan(&d.Of, &d.Similarity, &d.Cluster)
	if errors.Is(err, sql.ErrNoRows) {
		return Duplicate{}, false, nil
	}
	if err != nil {
		return Duplicate{}, false, fmt.Errorf("duplicate of %s: %w", id, err)
	}
	return d, true, nil
}

// Copies lists the ids of the stored copies of the story the article with
// this id belongs to, the article itself excepted, in id order.
func (s *Store) Copies(ctx context.Context, id string) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, s.d.rebind(`SELECT article_id FROM article_dedup
		WHERE cluster = (SELECT cluster FROM article_dedup WHERE article_id = ?) AND article_id <> ? ORDER BY article_id`), id, id)
	if err != nil {
		return nil, fmt.Errorf("copies of %s: %w", id, err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return nil, fmt.Errorf("copies of %s: %w", id, err)
		}
		ids = append(ids, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("copies of %s: %w", id, err)
	}
	return ids, nil
}

// A bucket shared by hotBucket articles holds boilerplate (a credit line, a
// standard paragraph) rather than a story: it finds no candidates and takes
// no more articles. At most maxCandidates articles, those sharing the most
// buckets, are compared with a new one.
const (
	hotBucket     = 64
	maxCandidates = 8
)

// dupLink is what saving an article knows of the story it copies.
type dupLink struct {
	sig        dedup.Signature
	of         string  // the article it duplicates; "" for an original
	similarity float64 // with that article
	cluster    string  // the story's first article; the article's own id for an original
	events     []clusterEvent
	hot        []int64 // buckets shared by hotBucket articles or more: not recorded again
}

// clusterEvent is an event reported by an article of the cluster.
type clusterEvent struct {
	id                                         int64
	key, code, src, tgt, modality, place, date string
}

// findDuplicate signs the document and looks for the stored article it
// duplicates, loading that story's events when there is one.
// copyWindow is how far apart two articles' publication dates may be for one
// to be a copy of the other: syndicated copies follow the original within
// days; the same text weeks later (a rerun, a recurring template) reports
// new events.
const copyWindow = 7 * 24 * time.Hour

// withinCopyWindow reports whether two publication dates are at most
// copyWindow apart; an unknown date never rules a copy out.
func withinCopyWindow(a, b string) bool {
	ta, errA := news.ParseDate(a)
	tb, errB := news.ParseDate(b)
	if a == "" || b == "" || errA != nil || errB != nil {
		return true
	}
	d := ta.Sub(tb)
	return -copyWindow <= d && d <= copyWindow
}

func (w *writer) findDuplicate(ctx context.Context, p *Prepared) (dupLink, error) {
	doc := p.doc
	link := dupLink{sig: p.sig, cluster: doc.ID}
	buckets := p.buckets
	if len(buckets) == 0 {
		return link, nil
	}
	args := make([]any, len(buckets))
	for i, b := range buckets {
		args[i] = b
	}
	// The articles in the same buckets, from the index; a bucket shared by
	// too many is boilerplate and counts for none. The articles sharing most
	// buckets are compared.
	rows, err := w.query(ctx, `SELECT bucket, article_id FROM article_bands WHERE bucket IN (`+placeholders(len(buckets))+`)`, args...)
	if err != nil {
		return link, fmt.Errorf("find duplicate: %w", err)
	}
	type hit struct {
		bucket int64
		id     string
	}
	var hits []hit
	perBucket := map[int64]int{}
	for rows.Next() {
		var h hit
		if err := rows.Scan(&h.bucket, &h.id); err != nil {
			rows.Close()
			return link, fmt.Errorf("find duplicate: %w", err)
		}
		hits = append(hits, h)
		perBucket[h.bucket]++
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return link, fmt.Errorf("find duplicate: %w", err)
	}
	shared := map[string]int{}
	for _, h := range hits {
		if perBucket[h.bucket] >= hotBucket {
			link.hot = append(link.hot, h.bucket)
			continue
		}
		if h.id != doc.ID {
			shared[h.id]++
		}
	}
	if len(shared) == 0 {
		return link, nil
	}
	candidates := make([]string, 0, len(shared))
	for id := range shared {
		candidates = append(candidates, id)
	}
	sort.Slice(candidates, func(i, j int) bool {
		a, b := candidates[i], candidates[j]
		return shared[a] > shared[b] || shared[a] == shared[b] && a < b
	})
	candidates = candidates[:min(len(candidates), maxCandidates)]
	cargs := make([]any, len(candidates))
	for i, c := range candidates {
		cargs[i] = c
	}
	rows, err = w.query(ctx, `SELECT d.article_id, d.signature, d.cluster, a.published FROM article_dedup d
		JOIN articles a ON a.id = d.article_id WHERE d.article_id IN (`+placeholders(len(candidates))+`)`, cargs...)
	if err != nil {
		return link, fmt.Errorf("find duplicate: %w", err)
	}
	for rows.Next() {
		var id, text, cluster, published string
		if err := rows.Scan(&id, &text, &cluster, &published); err != nil {
			rows.Close()
			return link, fmt.Errorf("find duplicate: %w", err)
		}
		if !withinCopyWindow(doc.Published, published) {
			continue // the same text long after is a rerun or a template, not a copy
		}
		sig, err := dedup.Decode(text)
		if err != nil {
			continue // a damaged signature finds nothing
		}
		sim := dedup.Similarity(link.sig, sig)
		if sim < dedup.Threshold || sim < link.similarity || (sim == link.similarity && id > link.of) {
			continue
		}
		link.of, link.similarity, link.cluster = id, sim, cluster
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return link, fmt.Errorf("find duplicate: %w", err)
	}
	if link.of == "" {
		return link, nil
	}
	rows, err = w.query(ctx, `SELECT DISTINCT e.id, e.merge_key, e.code, e.source_code, e.target_code, e.modality,
		e.place_name, e.place_country, e.date
		FROM article_dedup d JOIN mentions m ON m.article_id = d.article_id JOIN events e ON e.id = m.event_id
		WHERE d.cluster = ? ORDER BY e.id`, link.cluster)
	if err != nil {
		return link, fmt.Errorf("find duplicate: events of %s: %w", link.cluster, err)
	}
	defer rows.Close()
	for rows.Next() {
		var e clusterEvent
		var name, country string
		if err := rows.Scan(&e.id, &e.key, &e.code, &e.src, &e.tgt, &e.modality, &name, &country, &e.date); err != nil {
			return link, fmt.Errorf("find duplicate: events of %s: %w", link.cluster, err)
		}
		if name != "" || country != "" {
			e.place = strings.ToLower(strings.TrimSpace(name)) + "|" + country
		}
		link.events = append(link.events, e)
	}
	if err := rows.Err(); err != nil {
		return link, fmt.Errorf("find duplicate: events of %s: %w", link.cluster, err)
	}
	return link, nil
}

// matchAll maps each event of the copy (by index) to the cluster event it
// reports, if any (see the rule above), in two passes: first the events
// whose merge key a cluster event has, then the others, each onto a cluster
// event no other merge key of the copy has taken, so that two events the
// copy tells apart stay apart. Events of the copy with the same merge key
// map alike.
//
// fuzzy maps each merge key of the copy matched by the second pass to its
// cluster event.
func (l *dupLink) matchAll(doc news.Document, keys []string, skip func(int) bool) (out map[int]int64, fuzzy map[string]int64) {
	if len(l.events) == 0 {
		return nil, nil
	}
	out = map[int]int64{}
	taken := map[int64]string{} // cluster event → the copy's merge key that took it
	byKey := map[string]int64{}
	for _, c := range l.events {
		if _, ok := byKey[c.key]; !ok {
			byKey[c.key] = c.id
		}
	}
	var rest []int
	for i := range doc.Events {
		if skip(i) {
			continue
		}
		if id, ok := byKey[keys[i]]; ok {
			out[i] = id
			taken[id] = keys[i]
			continue
		}
		rest = append(rest, i)
	}
	fuzzy = map[string]int64{}
	for _, i := range rest {
		if id, ok := fuzzy[keys[i]]; ok {
			out[i] = id
			continue
		}
		if id, ok := l.closest(doc, doc.Events[i], taken); ok {
			out[i], fuzzy[keys[i]], taken[id] = id, id, keys[i]
		}
	}
	return out, fuzzy
}

// alias makes key a name of the cluster event id, so that later articles
// reporting the event under key merge into it, and returns the event the
// copy's events with that key are mentions of: id, or the cluster event key
// already names (through an alias). An event outside the cluster already
// stored under key (another outlet's report, stored before the story's copy
// showed both are one event) is merged into id: its mentions move to id, its
// own key becomes an alias of id, and id's counts are recomputed.
func (w *writer) alias(ctx context.Context, l *dupLink, key string, id int64) (int64, error) {
	other, err := w.eventByKey(ctx, key)
	if err != nil {
		return 0, err
	}
	if other == id || other != 0 && l.has(other) {
		return other, nil
	}
	if other != 0 {
		var otherKey string
		if err := w.queryRow(ctx, `SELECT merge_key FROM events WHERE id = ?`, []any{other}, &otherKey); err != nil {
			return 0, fmt.Errorf("merge event %d into %d: %w", other, id, err)
		}
		for _, q := range []string{
			`UPDATE mentions SET event_id = ? WHERE event_id = ?`,
			`UPDATE event_aliases SET event_id = ? WHERE event_id = ?`,
		} {
			if _, err := w.exec(ctx, q, id, other); err != nil {
				return 0, fmt.Errorf("merge event %d into %d: %w", other, id, err)
			}
		}
		if _, err := w.exec(ctx, `DELETE FROM events WHERE id = ?`, other); err != nil {
			return 0, fmt.Errorf("merge event %d into %d: %w", other, id, err)
		}
		if err := w.setAlias(ctx, otherKey, id); err != nil {
			return 0, err
		}
		if err := w.recount(ctx, id); err != nil {
			return 0, err
		}
	}
	return id, w.setAlias(ctx, key, id)
}

// has reports whether the cluster reports the event.
func (l *dupLink) has(id int64) bool {
	for _, c := range l.events {
		if c.id == id {
			return true
		}
	}
	return false
}

func (w *writer) setAlias(ctx context.Context, key string, id int64) error {
	if _, err := w.exec(ctx, `INSERT INTO event_aliases (merge_key, event_id) VALUES (?, ?)
		ON CONFLICT (merge_key) DO UPDATE SET event_id = excluded.event_id`, key, id); err != nil {
		return fmt.Errorf("alias event %d: %w", id, err)
	}
	return nil
}

// eventsByKey maps each of keys under which (or under whose alias) an event
// is stored to that event's id.
func (w *writer) eventsByKey(ctx context.Context, keys []string) (map[string]int64, error) {
	found := make(map[string]int64, len(keys))
	const per = 400
	for start := 0; start < len(keys); start += per {
		chunk := keys[start:min(start+per, len(keys))]
		args := make([]any, 0, 2*len(chunk))
		for _, k := range chunk {
			args = append(args, k)
		}
		args = append(args, args...)
		in := placeholders(len(chunk))
		rows, err := w.query(ctx, `SELECT merge_key, id, 0 FROM events WHERE merge_key IN (`+in+`)
			UNION ALL SELECT a.merge_key, e.id, 1 FROM event_aliases a JOIN events e ON e.id = a.event_id WHERE a.merge_key IN (`+in+`)`, args...)
		if err != nil {
			return nil, fmt.Errorf("find events: %w", err)
		}
		for rows.Next() {
			var key string
			var id int64
			var alias int
			if err := rows.Scan(&key, &id, &alias); err != nil {
				rows.Close()
				return nil, fmt.Errorf("find events: %w", err)
			}
			if _, ok := found[key]; !ok || alias == 0 { // an event's own key wins over an alias
				found[key] = id
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("find events: %w", err)
		}
	}
	return found, nil
}

// eventByKey is the id of the event stored under merge key key, or under an
// alias key; 0 when there is none.
func (w *writer) eventByKey(ctx context.Context, key string) (int64, error) {
	var id int64
	err := w.queryRow(ctx, `SELECT id FROM events WHERE merge_key = ?
		UNION ALL SELECT e.id FROM event_aliases a JOIN events e ON e.id = a.event_id WHERE a.merge_key = ? LIMIT 1`, []any{key, key}, &id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("find event: %w", err)
	}
	return id, nil
}

// closest is the cluster event not yet taken that agrees with e on code,
// actors and modality class, preferring the same place, then the same date,
// then the first stored.
func (l *dupLink) closest(doc news.Document, e news.Event, taken map[int64]string) (int64, bool) {
	var src, tgt, place string
	if e.Source != nil {
		src = e.Source.Code
	}
	if e.Target != nil {
		tgt = e.Target.Code
	}
	if e.Place != nil {
		place = strings.ToLower(strings.TrimSpace(e.Place.Name)) + "|" + e.Place.Country
	}
	date, _ := eventDate(doc, e)
	mod := modalityClass(e.Modality)
	best, bestScore := int64(0), -1
	for _, c := range l.events {
		if _, ok := taken[c.id]; ok || c.code != e.Code || c.src != src || c.tgt != tgt || c.modality != mod {
			continue
		}
		score := 0
		if c.place == place {
			score += 2
		}
		if c.date == date {
			score++
		}
		if score > bestScore {
			best, bestScore = c.id, score
		}
	}
	return best, bestScore >= 0
}

// recordSignature stores the article's signature, its duplicate link and its
// band buckets.
func (w *writer) recordSignature(ctx context.Context, p *Prepared, link dupLink) error {
	id := p.doc.ID
	if _, err := w.exec(ctx, `INSERT INTO article_dedup (article_id, signature, duplicate_of, similarity, cluster) VALUES (?, ?, ?, ?, ?)`,
		id, dedup.Encode(link.sig), link.of, link.similarity, link.cluster); err != nil {
		return fmt.Errorf("record signature: %w", err)
	}
	var buckets []int64
	for _, b := range p.buckets {
		if !slices.Contains(link.hot, b) {
			buckets = append(buckets, b)
		}
	}
	if len(buckets) == 0 {
		return nil
	}
	args := make([]any, 0, 2*len(buckets))
	for _, b := range buckets {
		args = append(args, b, id)
	}
	if _, err := w.exec(ctx, w.s.d.multiInsert(`INSERT INTO article_bands (bucket, article_id) VALUES `)+rowsOf(2, len(buckets)), args...); err != nil {
		return fmt.Errorf("record signature buckets: %w", err)
	}
	return nil
}

// forgetSignature deletes the article's signature and buckets.
func (w *writer) forgetSignature(ctx context.Context, id string) error {
	var text string
	err := w.queryRow(ctx, `SELECT signature FROM article_dedup WHERE article_id = ?`, []any{id}, &text)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("forget signature: %w", err)
	}
	if sig, err := dedup.Decode(text); err == nil {
		if buckets := dedup.Buckets(sig); len(buckets) > 0 {
			args := []any{id}
			for _, b := range buckets {
				args = append(args, b)
			}
			if _, err := w.exec(ctx, `DELETE FROM article_bands WHERE article_id = ? AND bucket IN (`+placeholders(len(buckets))+`)`, args...); err != nil {
				return fmt.Errorf("forget signature: %w", err)
			}
		}
	}
	if _, err := w.exec(ctx, `DELETE FROM article_dedup WHERE article_id = ?`, id); err != nil {
		return fmt.Errorf("forget signature: %w", err)
	}
	return nil
}

// placeholders is n comma-separated placeholders: "?, ?, ?".
func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

// rowsOf is the VALUES list of n rows of cols placeholders: "(?, ?), (?, ?)".
func rowsOf(cols, n int) string {
	row := "(" + placeholders(cols) + ")"
	return strings.TrimSuffix(strings.Repeat(row+", ", n), ", ")
}
