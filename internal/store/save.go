package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
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
}

// SaveArticle stores a coded article and merges its events into the event
// table, in one transaction. source is the outlet counted in num_sources; ""
// means doc.Source. See the package doc for the merge rule and idempotency.
// To store many articles, SaveArticles is faster.
func (s *Store) SaveArticle(ctx context.Context, doc news.Document, source string) (Saved, error) {
	saved := Saved{ArticleID: doc.ID}
	body, err := marshalDoc(doc)
	if err != nil {
		return saved, err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return saved, fmt.Errorf("save article %s: %w", doc.ID, err)
	}
	defer tx.Rollback()
	w := s.writer(tx)
	if saved, err = w.save(ctx, doc, body, source); err != nil {
		return saved, fmt.Errorf("save article %s: %w", doc.ID, err)
	}
	if err := tx.Commit(); err != nil {
		return Saved{ArticleID: doc.ID}, fmt.Errorf("save article %s: %w", doc.ID, err)
	}
	return saved, nil
}

// SaveArticles stores several coded articles as SaveArticle does, in order,
// but in one transaction, which is much faster than one transaction each.
// It returns what was done and the error, if any, for each article (errs[i]
// is nil when docs[i] was stored or found unchanged). An article that fails
// is rolled back alone (to a savepoint) and the others are stored; if the
// transaction as a whole fails, the articles are saved again one by one so
// that each gets its own outcome.
func (s *Store) SaveArticles(ctx context.Context, docs []news.Document, source string) (saved []Saved, errs []error) {
	saved = make([]Saved, len(docs))
	errs = make([]error, len(docs))
	bodies := make([]string, len(docs))
	valid := make([]bool, len(docs))
	for i, d := range docs {
		saved[i].ArticleID = d.ID
		bodies[i], errs[i] = marshalDoc(d)
		valid[i] = errs[i] == nil
	}
	err := s.saveBatch(ctx, docs, bodies, source, saved, errs)
	if err == nil {
		return saved, errs
	}
	for i, d := range docs {
		if !valid[i] {
			continue
		}
		if ctx.Err() != nil {
			saved[i], errs[i] = Saved{ArticleID: d.ID}, fmt.Errorf("save article %s: %w", d.ID, err)
			continue
		}
		saved[i], errs[i] = s.SaveArticle(ctx, d, source)
	}
	return saved, errs
}

// saveBatch saves the documents whose errs entry is nil in one transaction,
// each within a savepoint, and sets their saved and errs entries. An error
// means the transaction failed as a whole and nothing was stored.
func (s *Store) saveBatch(ctx context.Context, docs []news.Document, bodies []string, source string, saved []Saved, errs []error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	w := s.writer(tx)
	for i, d := range docs {
		if errs[i] != nil {
			continue
		}
		if _, err := w.exec(ctx, `SAVEPOINT save_article`); err != nil {
			return err
		}
		sv, err := w.save(ctx, d, bodies[i], source)
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			saved[i], errs[i] = Saved{ArticleID: d.ID}, fmt.Errorf("save article %s: %w", d.ID, err)
			if _, err := w.exec(ctx, `ROLLBACK TO SAVEPOINT save_article`); err != nil {
				return err
			}
		} else {
			saved[i] = sv
		}
		if _, err := w.exec(ctx, `RELEASE SAVEPOINT save_article`); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// marshalDoc checks a document can be saved and encodes it as stored.
func marshalDoc(doc news.Document) (string, error) {
	if doc.ID == "" {
		return "", fmt.Errorf("save article: no id")
	}
	body, err := json.Marshal(doc)
	if err != nil {
		return "", fmt.Errorf("save article %s: %w", doc.ID, err)
	}
	return string(body), nil
}

// save stores one article within the writer's transaction.
func (w *writer) save(ctx context.Context, doc news.Document, body, source string) (Saved, error) {
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

	now := w.s.stamp()
	if err := w.insertArticle(ctx, doc, body, now); err != nil {
		return Saved{ArticleID: doc.ID}, err
	}
	if err := w.insertEvents(ctx, doc, source, now, &saved); err != nil {
		return Saved{ArticleID: doc.ID}, err
	}
	return saved, nil
}

// insertArticle writes the article row, its entities, places and quotes and
// their full-text rows.
func (w *writer) insertArticle(ctx context.Context, doc news.Document, body, now string) error {
	if _, err := w.exec(ctx, `INSERT INTO articles (id, url, source, title, published, text, doc, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		doc.ID, doc.URL, doc.Source, doc.Title, doc.Published, doc.Text, body, now); err != nil {
		return fmt.Errorf("insert article: %w", err)
	}
	if _, err := w.exec(ctx, `INSERT INTO article_fts (article_id, title, text) VALUES (?, ?, ?)`, doc.ID, doc.Title, doc.Text); err != nil {
		return fmt.Errorf("index article: %w", err)
	}
	for i, e := range doc.Entities {
		if _, err := w.exec(ctx, `INSERT INTO entities (article_id, idx, text, name, type, actor, span_start, span_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			doc.ID, i, e.Text, e.Name, e.Type, e.Actor, e.Span[0], e.Span[1]); err != nil {
			return fmt.Errorf("insert entity %d: %w", i, err)
		}
	}
	for i, p := range doc.Places {
		if _, err := w.exec(ctx, `INSERT INTO places (article_id, idx, text, name, country, feature, lat, lon, geonames_id, span_start, span_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			doc.ID, i, p.Text, p.Name, p.Country, p.Feature, p.Lat, p.Lon, p.GeonamesID, p.Span[0], p.Span[1]); err != nil {
			return fmt.Errorf("insert place %d: %w", i, err)
		}
	}
	for i, q := range doc.Quotes {
		var id int64
		if err := w.queryRow(ctx, `INSERT INTO quotes (article_id, idx, text, kind, speaker, speaker_actor, span_start, span_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			[]any{doc.ID, i, q.Text, q.Kind, q.Speaker, q.SpeakerActor, q.Span[0], q.Span[1]}, &id); err != nil {
			return fmt.Errorf("insert quote %d: %w", i, err)
		}
		if _, err := w.exec(ctx, `INSERT INTO quote_fts (quote_id, speaker, text) VALUES (?, ?, ?)`, id, q.Speaker, q.Text); err != nil {
			return fmt.Errorf("index quote %d: %w", i, err)
		}
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
	for _, q := range []string{
		`DELETE FROM quote_fts WHERE quote_id IN (SELECT id FROM quotes WHERE article_id = ?)`,
		`DELETE FROM article_fts WHERE article_id = ?`,
		`DELETE FROM mentions WHERE article_id = ?`,
		`DELETE FROM quotes WHERE article_id = ?`,
		`DELETE FROM places WHERE article_id = ?`,
		`DELETE FROM entities WHERE article_id = ?`,
		`DELETE FROM articles WHERE id = ?`,
	} {
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
	insertEvent = `INSERT INTO events (merge_key, date, date_grain, source_code, source_country, target_code, target_country,
		code, root, quad_class, goldstein, modality, place_name, place_country, lat, lon, first_seen)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (merge_key) DO NOTHING RETURNING id`
	insertMention = `INSERT INTO mentions (event_id, article_id, event_index, sentence, sentence_start, sentence_end,
		source_text, source_start, source_end, target_text, target_start, target_end, verb_text, verb_start, verb_end,
		rule, confidence, modality, from_caption, source)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
)

// insertEvents merges the document's events into the event table and stores
// one mention per event.
func (w *writer) insertEvents(ctx context.Context, doc news.Document, source, now string, saved *Saved) error {
	if len(doc.Events) == 0 {
		return nil
	}
	keys := make([]string, len(doc.Events))
	body := map[string]bool{}
	for i, e := range doc.Events {
		keys[i] = mergeKey(doc, e)
		if !e.FromCaption {
			body[keys[i]] = true
		}
	}
	touched := map[int64]bool{}
	for i, e := range doc.Events {
		if e.FromCaption && body[keys[i]] {
			saved.Skipped++
			continue
		}
		date, grain := eventDate(doc, e)
		var srcCode, srcCountry, tgtCode, tgtCountry, placeName, placeCountry string
		var lat, lon any
		if e.Source != nil {
			srcCode, srcCountry = e.Source.Code, e.Source.Country
		}
		if e.Target != nil {
			tgtCode, tgtCountry = e.Target.Code, e.Target.Country
		}
		if e.Place != nil {
			placeName, placeCountry, lat, lon = e.Place.Name, e.Place.Country, e.Place.Lat, e.Place.Lon
		}
		var goldstein any
		if e.Goldstein != nil {
			goldstein = *e.Goldstein
		}
		// A new event returns its id; an existing one (conflict) returns no row.
		var id int64
		err := w.queryRow(ctx, insertEvent, []any{keys[i], date, grain, srcCode, srcCountry, tgtCode, tgtCountry,
			e.Code, e.Root, e.QuadClass, goldstein, modalityClass(e.Modality), placeName, placeCountry, lat, lon, now}, &id)
		switch {
		case err == nil:
			saved.NewEvents++
		case errors.Is(err, sql.ErrNoRows):
			if err := w.queryRow(ctx, `SELECT id FROM events WHERE merge_key = ?`, []any{keys[i]}, &id); err != nil {
				return fmt.Errorf("find event %d: %w", i, err)
			}
		default:
			return fmt.Errorf("insert event %d: %w", i, err)
		}
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
		if _, err := w.exec(ctx, insertMention, id, doc.ID, i, e.Sentence, sentStart, sentEnd,
			srcText, srcS, srcE, tgtText, tgtS, tgtE, verbText, verbS, verbE,
			e.Rule, e.Confidence, e.Modality, e.FromCaption, source); err != nil {
			return fmt.Errorf("insert mention %d: %w", i, err)
		}
		saved.Mentions++
		touched[id] = true
	}
	for id := range touched {
		if err := w.recount(ctx, id); err != nil {
			return err
		}
	}
	return nil
}

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
