package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"

	"dyad/news"
)

// Saved says what SaveArticle did.
type Saved struct {
	ArticleID string
	Unchanged bool // the article was already stored with the same text: nothing was written
	Mentions  int  // event mentions stored for the article
	NewEvents int  // events created (the other mentions were merged into existing events)
	Skipped   int  // caption events not stored because they repeat a body event

	// DuplicateOf is the earlier article this one copies (see Duplicate),
	// "" for an original; Similarity is theirs.
	DuplicateOf string
	Similarity  float64
}

// SaveArticle stores a coded article and merges its events into the event
// table, in one transaction. source is the outlet counted in num_sources; ""
// means doc.Source. See the package doc for the merge rule and idempotency.
// To store many articles, SaveArticles is faster.
func (s *Store) SaveArticle(ctx context.Context, doc news.Document, source string) (Saved, error) {
	return s.savePrepared(ctx, s.Prepare(doc), source)
}

// savePrepared saves one prepared article in its own transaction.
func (s *Store) savePrepared(ctx context.Context, p *Prepared, source string) (Saved, error) {
	if p.err != nil {
		return Saved{ArticleID: p.doc.ID}, p.err
	}
	var saved Saved
	err := s.retry(ctx, func() error { // a transaction PostgreSQL aborted is run again: lock.go
		var err error
		saved, err = s.saveArticle(ctx, p, source)
		return err
	})
	return saved, err
}

// saveArticle saves one article in one transaction.
func (s *Store) saveArticle(ctx context.Context, p *Prepared, source string) (Saved, error) {
	id := p.doc.ID
	saved := Saved{ArticleID: id}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return saved, fmt.Errorf("save article %s: %w", id, err)
	}
	defer tx.Rollback()
	w := s.writer(tx)
	if err := w.setup(ctx); err != nil {
		return saved, fmt.Errorf("save article %s: %w", id, err)
	}
	if err := w.lockSave(ctx, []*Prepared{p}); err != nil {
		return saved, fmt.Errorf("save article %s: %w", id, err)
	}
	if saved, err = w.save(ctx, p, source); err != nil {
		return saved, fmt.Errorf("save article %s: %w", id, err)
	}
	if err := w.finish(ctx); err != nil {
		return Saved{ArticleID: id}, fmt.Errorf("save article %s: %w", id, err)
	}
	if err := tx.Commit(); err != nil {
		return Saved{ArticleID: id}, fmt.Errorf("save article %s: %w", id, err)
	}
	return saved, nil
}

// SaveArticles stores several coded articles as SaveArticle does, in order,
// but in one transaction, which is much faster than one transaction each.
// It returns what was done and the error, if any, for each article (errs[i]
// is nil when docs[i] was stored or found unchanged).
func (s *Store) SaveArticles(ctx context.Context, docs []news.Document, source string) (saved []Saved, errs []error) {
	ps := make([]*Prepared, len(docs))
	for i, d := range docs {
		ps[i] = s.Prepare(d)
	}
	return s.SavePrepared(ctx, ps, source)
}

// SavePrepared stores articles prepared by this Store's Prepare as
// SaveArticles does. An article
// that fails makes the batch's transaction roll back, and the articles are
// then saved again one by one, so that each gets its own outcome and the
// others are stored.
func (s *Store) SavePrepared(ctx context.Context, ps []*Prepared, source string) (saved []Saved, errs []error) {
	saved = make([]Saved, len(ps))
	errs = make([]error, len(ps))
	for i, p := range ps {
		saved[i].ArticleID, errs[i] = p.doc.ID, p.err
	}
	err := s.saveBatch(ctx, ps, source, saved, errs)
	if err == nil {
		return saved, errs
	}
	for i, p := range ps {
		if p.err != nil {
			continue
		}
		if ctx.Err() != nil {
			saved[i], errs[i] = Saved{ArticleID: p.doc.ID}, fmt.Errorf("save article %s: %w", p.doc.ID, err)
			continue
		}
		saved[i], errs[i] = s.savePrepared(ctx, p, source)
	}
	return saved, errs
}

// saveBatch saves the articles whose errs entry is nil in one transaction
// and sets their saved entries. An error (any article's) means the
// transaction failed as a whole and nothing was stored.
func (s *Store) saveBatch(ctx context.Context, ps []*Prepared, source string, saved []Saved, errs []error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	w := s.writer(tx)
	if err := w.setup(ctx); err != nil {
		return err
	}
	var lock []*Prepared
	for i, p := range ps {
		if errs[i] == nil {
			lock = append(lock, p)
		}
	}
	if err := w.lockSave(ctx, lock); err != nil {
		return err
	}
	for i, p := range ps {
		if errs[i] != nil {
			continue
		}
		// No savepoint per article (journaling each article's pages costs
		// more than the rare failure): an article that fails gives up the
		// batch, which SavePrepared then saves one article a transaction.
		sv, err := w.save(ctx, p, source)
		if err != nil {
			return fmt.Errorf("save article %s: %w", p.doc.ID, err)
		}
		saved[i] = sv
	}
	if err := w.finish(ctx); err != nil {
		return err
	}
	return tx.Commit()
}

// save stores one article within the writer's transaction.
func (w *writer) save(ctx context.Context, p *Prepared, source string) (Saved, error) {
	doc := p.doc
	saved := Saved{ArticleID: doc.ID}
	if source == "" {
		source = doc.Source
	}
	var oldText string
	err := w.queryRow(ctx, `SELECT text FROM articles WHERE id = ?`, []any{doc.ID}, &oldText)
	switch {
	case err == nil && oldText == doc.Text:
		saved.Unchanged = true
		return saved, nil
	case err == nil:
		if err := w.removeArticle(ctx, doc.ID); err != nil {
			return saved, fmt.Errorf("replace: %w", err)
		}
	case err != sql.ErrNoRows:
		return saved, err
	}

	link, err := w.findDuplicate(ctx, p) // near-duplicates: duplicates.go
	if err != nil {
		return saved, err
	}
	if err := w.lockLinked(ctx, link); err != nil {
		return saved, err
	}
	now := w.s.stamp()
	if err := w.insertArticle(ctx, p, now); err != nil {
		return Saved{ArticleID: doc.ID}, err
	}
	if err := w.recordSignature(ctx, p, link); err != nil {
		return Saved{ArticleID: doc.ID}, err
	}
	if err := w.insertEvents(ctx, p, source, now, &saved, &link); err != nil {
		return Saved{ArticleID: doc.ID}, err
	}
	saved.DuplicateOf, saved.Similarity = link.of, link.similarity
	return saved, nil
}

// insertArticle writes the article row and its quotes (the document keeps
// the entities and places: migration 0009).
func (w *writer) insertArticle(ctx context.Context, p *Prepared, now string) error {
	doc := p.doc
	if _, err := w.exec(ctx, `INSERT INTO articles (id, url, source, title, published, text, doc, ingested_at, entity_count, place_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		doc.ID, doc.URL, doc.Source, doc.Title, doc.Published, doc.Text, p.body, now, len(doc.Entities), len(doc.Places)); err != nil {
		return fmt.Errorf("insert article: %w", err)
	}
	if w.s.d.ftsRows() {
		w.unindexed = append(w.unindexed, doc.ID) // indexed when the transaction ends: ftsIndex
	}
	id := any(doc.ID) // boxed once, not once a row
	if err := w.insertRows(ctx, `INSERT INTO quotes (article_id, idx, text, kind, speaker, speaker_actor, span_start, span_end) VALUES `, 8, len(doc.Quotes), func(args []any, i int) []any {
		q := doc.Quotes[i]
		return append(args, id, i, q.Text, q.Kind, q.Speaker, q.SpeakerActor, q.Span[0], q.Span[1])
	}); err != nil {
		return fmt.Errorf("insert quotes: %w", err)
	}
	return nil
}

// finish writes what the writer keeps for the end of the transaction: the
// full-text index rows and the actor counts of the events created.
func (w *writer) finish(ctx context.Context) error {
	if err := w.ftsIndex(ctx); err != nil {
		return err
	}
	return w.countActors(ctx)
}

// countActors adds the actors of the events created in the transaction to
// actor_counts (SQLite, migration 0010), one row a statement per actor, in
// code order.
func (w *writer) countActors(ctx context.Context) error {
	codes := slices.Sorted(maps.Keys(w.actors))
	const cols = 3
	per := min(rowsPerInsert/cols, maxRowsPerInsert)
	for start := 0; start < len(codes); start += per {
		chunk := codes[start:min(start+per, len(codes))]
		args := make([]any, 0, cols*len(chunk))
		for _, c := range chunk {
			args = append(args, c, w.actors[c].source, w.actors[c].target)
		}
		if _, err := w.exec(ctx, `INSERT INTO actor_counts (code, as_source, as_target) VALUES `+rowsOf(cols, len(chunk))+`
			ON CONFLICT (code) DO UPDATE SET as_source = as_source + excluded.as_source, as_target = as_target + excluded.as_target`, args...); err != nil {
			return fmt.Errorf("count actors: %w", err)
		}
	}
	w.actors = nil
	return nil
}

// ftsIndex writes the full-text index rows (SQLite) of the articles saved
// by the transaction and of their quotes. It is called once, last, before
// the transaction commits: FTS5 writes the terms it holds in memory to the
// database at every statement that follows a write to it in a transaction,
// so indexing each article as it was saved made one small index segment
// per article, merged again and again.
func (w *writer) ftsIndex(ctx context.Context) error {
	if len(w.unindexed) == 0 {
		return nil
	}
	ids, err := json.Marshal(w.unindexed)
	if err != nil {
		return err
	}
	if _, err := w.exec(ctx, `INSERT INTO article_fts (rowid, id, title, text)
		SELECT rowid, id, title, text FROM articles WHERE id IN (SELECT value FROM json_each(?))`, string(ids)); err != nil {
		return fmt.Errorf("index articles: %w", err)
	}
	if _, err := w.exec(ctx, `INSERT INTO quote_fts (rowid, speaker, text)
		SELECT id, speaker, text FROM quotes WHERE article_id IN (SELECT value FROM json_each(?))`, string(ids)); err != nil {
		return fmt.Errorf("index quotes: %w", err)
	}
	w.unindexed = nil
	return nil
}

// ftsRemove takes an article and its quotes out of the full-text index
// (SQLite), before their rows are deleted: an external-content FTS5 index
// is told which terms to remove by the values it indexed, read here from
// the rows themselves. An article saved earlier in the same transaction is
// not indexed yet and is only dropped from the list ftsIndex will index.
func (w *writer) ftsRemove(ctx context.Context, id string) error {
	if i := slices.Index(w.unindexed, id); i >= 0 {
		w.unindexed = slices.Delete(w.unindexed, i, i+1)
		return nil
	}
	if _, err := w.exec(ctx, `INSERT INTO quote_fts (quote_fts, rowid, speaker, text)
		SELECT 'delete', id, speaker, text FROM quotes WHERE article_id = ?`, id); err != nil {
		return fmt.Errorf("unindex quotes: %w", err)
	}
	if _, err := w.exec(ctx, `INSERT INTO article_fts (article_fts, rowid, id, title, text)
		SELECT 'delete', rowid, id, title, text FROM articles WHERE id = ?`, id); err != nil {
		return fmt.Errorf("unindex article: %w", err)
	}
	return nil
}

// removeArticle deletes an article with everything that hangs on it and
// recomputes the counts of the events its mentions touched.
func (w *writer) removeArticle(ctx context.Context, id string) error {
	rows, err := w.query(ctx, `SELECT DISTINCT event_id FROM mentions WHERE article_id = ?`, id)
	if err != nil {
		return err
	}
	var touched []int64
	for rows.Next() {
		var e int64
		if err := rows.Scan(&e); err != nil {
			rows.Close()
			return err
		}
		touched = append(touched, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	deletes := []string{
		`DELETE FROM mentions WHERE article_id = ?`,
		`DELETE FROM quotes WHERE article_id = ?`,
		`DELETE FROM articles WHERE id = ?`,
	}
	if w.s.d.ftsRows() {
		if err := w.ftsRemove(ctx, id); err != nil {
			return err
		}
	}
	if err := w.forgetSignature(ctx, id); err != nil { // near-duplicates: duplicates.go
		return err
	}
	for _, q := range deletes {
		if _, err := w.exec(ctx, q, id); err != nil {
			return err
		}
	}
	for _, e := range touched {
		if err := w.recount(ctx, e); err != nil {
			return err
		}
	}
	if _, err := w.exec(ctx, `DELETE FROM events WHERE num_mentions = 0`); err != nil {
		return err
	}
	return nil
}

// recount sets an event's counts from its mentions.
func (w *writer) recount(ctx context.Context, event int64) error {
	_, err := w.exec(ctx, `UPDATE events SET
		num_mentions = (SELECT COUNT(*) FROM mentions WHERE event_id = ?),
		num_articles = (SELECT COUNT(DISTINCT article_id) FROM mentions WHERE event_id = ?),
		num_sources = (SELECT COUNT(DISTINCT CASE WHEN source = '' THEN 'article:' || article_id ELSE source END) FROM mentions WHERE event_id = ?)
		WHERE id = ?`, event, event, event, event)
	if err != nil {
		return fmt.Errorf("recount event %d: %w", event, err)
	}
	return nil
}

const (
	// insertEvents and insertMentions are followed by the rows' placeholders (insertRows).
	insertEvents = `INSERT INTO events (merge_key, date, date_grain, date_start, source_code, source_country, target_code, target_country,
		code, root, quad_class, goldstein, modality, place_name, place_country, place_feature, place_geonames_id,
		lat, lon, num_mentions, num_articles, num_sources, first_seen) VALUES `
	insertMentions = `INSERT INTO mentions (event_id, article_id, event_index, sentence, sentence_start, sentence_end,
		source_text, source_start, source_end, target_text, target_start, target_end, verb_text, verb_start, verb_end,
		rule, confidence, modality, from_caption, source) VALUES `
)

// insertEvents merges the document's events into the event table and stores
// one mention per event, many rows a statement. The counts of the events
// touched are updated incrementally: the article is new (its old mentions,
// if any, were removed), so it adds its mentions, one article, and one
// source unless another article of the same outlet already reports the event.
func (w *writer) insertEvents(ctx context.Context, p *Prepared, source, now string, saved *Saved, link *dupLink) error {
	doc, keys := p.doc, p.keys
	if len(doc.Events) == 0 {
		return nil
	}
	body := map[string]bool{}
	for i, e := range doc.Events {
		if !e.FromCaption {
			body[keys[i]] = true
		}
	}
	// Resolve every stored event to an event id: one the copied story
	// reports, else the one with its merge key, else a new one created with
	// its counts already right.
	ids := make([]int64, len(doc.Events)) // 0: not stored
	perKey := map[string]int{}
	skip := func(i int) bool { return doc.Events[i].FromCaption && body[keys[i]] }
	copied, fuzzy := link.matchAll(doc, keys, skip)
	for _, key := range slices.Sorted(maps.Keys(fuzzy)) { // near-duplicates: duplicates.go
		use, err := w.alias(ctx, link, key, fuzzy[key])
		if err != nil {
			return err
		}
		for i := range copied {
			if keys[i] == key {
				copied[i] = use
			}
		}
	}
	for i := range doc.Events {
		if skip(i) {
			saved.Skipped++
			continue
		}
		if id, ok := copied[i]; ok {
			ids[i] = id
			continue
		}
		perKey[keys[i]]++
	}
	// The events stored under the other keys, found with one query, and
	// the missing ones created with one statement.
	first := map[string]int{} // merge key → its first event
	var need []string
	for i := range doc.Events {
		if skip(i) || ids[i] != 0 {
			continue
		}
		if _, ok := first[keys[i]]; !ok {
			first[keys[i]] = i
			need = append(need, keys[i])
		}
	}
	byKey, err := w.eventsByKey(ctx, need) // by key or alias: duplicates.go
	if err != nil {
		return err
	}
	var create []int
	for _, k := range need {
		if _, ok := byKey[k]; !ok {
			create = append(create, first[k])
		}
	}
	created := map[int64]bool{}
	if err := w.createEvents(ctx, p, create, perKey, now, func(key string, id int64) {
		byKey[key] = id
		created[id] = true
		saved.NewEvents++
	}); err != nil {
		return err
	}
	if w.s.d.countsActors() {
		for _, i := range create {
			w.countEvent(doc.Events[i])
		}
	}
	count := map[int64]int{} // mentions per event touched
	for i := range doc.Events {
		if skip(i) {
			continue
		}
		if ids[i] == 0 {
			ids[i] = byKey[keys[i]]
		}
		count[ids[i]]++
	}
	for id, n := range count {
		if created[id] {
			continue
		}
		newSource := true
		if source != "" {
			var seen bool
			if err := w.queryRow(ctx, `SELECT EXISTS (SELECT 1 FROM mentions WHERE event_id = ? AND source = ? AND article_id <> ?)`,
				[]any{id, source, doc.ID}, &seen); err != nil {
				return fmt.Errorf("count sources of event %d: %w", id, err)
			}
			newSource = !seen
		}
		sources := 0
		if newSource {
			sources = 1
		}
		if _, err := w.exec(ctx, `UPDATE events SET num_mentions = num_mentions + ?, num_articles = num_articles + 1, num_sources = num_sources + ? WHERE id = ?`,
			n, sources, id); err != nil {
			return fmt.Errorf("count event %d: %w", id, err)
		}
	}
	var stored []int
	for i := range doc.Events {
		if ids[i] != 0 {
			stored = append(stored, i)
		}
	}
	docID, src := any(doc.ID), any(source) // boxed once, not once a row
	err = w.insertRows(ctx, insertMentions, 20, len(stored), func(args []any, j int) []any {
		i := stored[j]
		e := doc.Events[i]
		var sentStart, sentEnd int
		if e.Sentence >= 0 && e.Sentence < len(doc.Sentences) {
			sentStart, sentEnd = doc.Sentences[e.Sentence].Span[0], doc.Sentences[e.Sentence].Span[1]
		}
		srcText, srcS, srcE := actorSpan(e.Source)
		tgtText, tgtS, tgtE := actorSpan(e.Target)
		var verbText string
		var verbS, verbE any
		if e.Verb != nil {
			verbText, verbS, verbE = e.Verb.Text, e.Verb.Span[0], e.Verb.Span[1]
		}
		return append(args, ids[i], docID, i, e.Sentence, sentStart, sentEnd,
			srcText, srcS, srcE, tgtText, tgtS, tgtE, verbText, verbS, verbE,
			e.Rule, e.Confidence, e.Modality, e.FromCaption, src)
	})
	if err != nil {
		return fmt.Errorf("insert mentions: %w", err)
	}
	saved.Mentions += len(stored)
	return nil
}

// countEvent counts a created event's actors for countActors.
func (w *writer) countEvent(e news.Event) {
	if w.actors == nil {
		w.actors = map[string]actorCount{}
	}
	if e.Source != nil && e.Source.Code != "" {
		c := w.actors[e.Source.Code]
		c.source++
		w.actors[e.Source.Code] = c
	}
	if e.Target != nil && e.Target.Code != "" {
		c := w.actors[e.Target.Code]
		c.target++
		w.actors[e.Target.Code] = c
	}
}

// createEvents creates the events of p.doc.Events[i] for i in which, under
// their merge keys, with the article's mentions counted (perKey mentions,
// one article, one source), a few rows a statement, and calls made with
// each new event's key and id.
func (w *writer) createEvents(ctx context.Context, p *Prepared, which []int, perKey map[string]int, now string, made func(key string, id int64)) error {
	doc, keys := p.doc, p.keys
	const cols = 23
	per := min(max(1, rowsPerInsert/cols), maxRowsPerInsert)
	for start := 0; start < len(which); start += per {
		chunk := which[start:min(start+per, len(which))]
		args := make([]any, 0, len(chunk)*cols)
		for _, i := range chunk {
			e := doc.Events[i]
			date, grain := eventDate(doc, e)
			var srcCode, srcCountry, tgtCode, tgtCountry, placeName, placeCountry string
			var lat, lon, goldstein any
			if e.Source != nil {
				srcCode, srcCountry = e.Source.Code, e.Source.Country
			}
			if e.Target != nil {
				tgtCode, tgtCountry = e.Target.Code, e.Target.Country
			}
			if e.Place != nil {
				placeName, placeCountry, lat, lon = e.Place.Name, e.Place.Country, e.Place.Lat, e.Place.Lon
			}
			if e.Goldstein != nil {
				goldstein = *e.Goldstein
			}
			args = append(args, keys[i], date, grain, dateStart(date), srcCode, srcCountry, tgtCode, tgtCountry,
				e.Code, e.Root, e.QuadClass, goldstein, modalityClass(e.Modality), placeName, placeCountry, p.places[i].feature, p.places[i].geonamesID,
				lat, lon, perKey[keys[i]], 1, 1, now)
		}
		// The keys were just looked for within this transaction, so a
		// conflict with another writer is not expected; it is an error.
		rows, err := w.query(ctx, w.s.d.multiInsert(insertEvents)+rowsOf(cols, len(chunk))+` RETURNING merge_key, id`, args...)
		if err != nil {
			return fmt.Errorf("insert events: %w", err)
		}
		n := 0
		for rows.Next() {
			var key string
			var id int64
			if err := rows.Scan(&key, &id); err != nil {
				rows.Close()
				return fmt.Errorf("insert events: %w", err)
			}
			made(key, id)
			n++
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("insert events: %w", err)
		}
		if n != len(chunk) {
			return fmt.Errorf("insert events: %d of %d rows created", n, len(chunk))
		}
	}
	return nil
}

// insertRows inserts n rows of cols values each (row(args, i) appends
// row i's values to args) with a multi-row INSERT: query ends in "VALUES ",
// and at most rowsPerInsert rows go in one statement.
func (w *writer) insertRows(ctx context.Context, query string, cols, n int, row func(args []any, i int) []any) error {
	per := max(1, rowsPerInsert/cols)
	per = min(per, maxRowsPerInsert)
	if n == 0 {
		return nil
	}
	args := make([]any, 0, min(per, n)*cols)
	for start := 0; start < n; start += per {
		end := min(start+per, n)
		args = args[:0]
		for i := start; i < end; i++ {
			args = row(args, i)
		}
		if _, err := w.exec(ctx, w.s.d.multiInsert(query)+rowsOf(cols, end-start), args...); err != nil {
			return err
		}
	}
	return nil
}

// A multi-row INSERT binds at most rowsPerInsert values (under SQLite's old
// limit of 999 parameters) and holds at most maxRowsPerInsert rows, which
// bounds the number of distinct statements prepared.
const (
	rowsPerInsert    = 900
	maxRowsPerInsert = 32
)

// actorSpan is an actor's text and span, with nil bounds when there is no actor.
func actorSpan(a *news.EventActor) (string, any, any) {
	if a == nil {
		return "", nil, nil
	}
	return a.Text, a.Span[0], a.Span[1]
}

// eventDate is the date an event is stored and merged under: its own date,
// else the article's publication day (grain "published"), else none.
func eventDate(doc news.Document, e news.Event) (date, grain string) {
	if e.Date != "" {
		return e.Date, e.DateGrain
	}
	if len(doc.Published) >= 10 {
		return doc.Published[:10], "published"
	}
	return "", ""
}

// modalityClass is the modality an event is merged under: asserted and
// reported events are one class; the others each their own.
func modalityClass(m string) string {
	switch m {
	case "", "asserted", "reported":
		return "asserted"
	}
	return m
}

// mergeKey is the key under which events merge (see the package doc).
func mergeKey(doc news.Document, e news.Event) string {
	date, grain := eventDate(doc, e)
	var dateKey string
	switch {
	case date == "":
		dateKey = "article:" + doc.ID // undated and unpublished: never merged across articles
	case grain == "day" || grain == "hour" || grain == "published" || grain == "":
		if len(date) >= 10 {
			dateKey = date[:10]
		} else {
			dateKey = grain + ":" + date
		}
	default:
		dateKey = grain + ":" + date
	}
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
	return strings.Join([]string{dateKey, src, tgt, e.Code, place, modalityClass(e.Modality)}, "\x1f")
}
