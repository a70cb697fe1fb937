package store

import (
	"context"
	"database/sql"
	"encoding/json"
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
func (s *Store) SaveArticle(ctx context.Context, doc news.Document, source string) (Saved, error) {
	saved := Saved{ArticleID: doc.ID}
	if doc.ID == "" {
		return saved, fmt.Errorf("save article: no id")
	}
	if source == "" {
		source = doc.Source
	}
	body, err := json.Marshal(doc)
	if err != nil {
		return saved, fmt.Errorf("save article %s: %w", doc.ID, err)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return saved, fmt.Errorf("save article %s: %w", doc.ID, err)
	}
	defer tx.Rollback()

	var oldText string
	err = tx.QueryRowContext(ctx, s.d.rebind(`SELECT text FROM articles WHERE id = ?`), doc.ID).Scan(&oldText)
	switch {
	case err == nil && oldText == doc.Text:
		saved.Unchanged = true
		return saved, nil
	case err == nil:
		if err := s.removeArticle(ctx, tx, doc.ID); err != nil {
			return saved, fmt.Errorf("save article %s: replace: %w", doc.ID, err)
		}
	case err != sql.ErrNoRows:
		return saved, fmt.Errorf("save article %s: %w", doc.ID, err)
	}

	now := s.stamp()
	if err := s.insertArticle(ctx, tx, doc, string(body), now); err != nil {
		return saved, fmt.Errorf("save article %s: %w", doc.ID, err)
	}
	if err := s.insertEvents(ctx, tx, doc, source, now, &saved); err != nil {
		return saved, fmt.Errorf("save article %s: %w", doc.ID, err)
	}
	if err := tx.Commit(); err != nil {
		return saved, fmt.Errorf("save article %s: %w", doc.ID, err)
	}
	return saved, nil
}

// insertArticle writes the article row, its entities, places and quotes and
// their full-text rows.
func (s *Store) insertArticle(ctx context.Context, tx *sql.Tx, doc news.Document, body, now string) error {
	if _, err := tx.ExecContext(ctx, s.d.rebind(`INSERT INTO articles (id, url, source, title, published, text, doc, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
		doc.ID, doc.URL, doc.Source, doc.Title, doc.Published, doc.Text, body, now); err != nil {
		return fmt.Errorf("insert article: %w", err)
	}
	if _, err := tx.ExecContext(ctx, s.d.rebind(`INSERT INTO article_fts (article_id, title, text) VALUES (?, ?, ?)`), doc.ID, doc.Title, doc.Text); err != nil {
		return fmt.Errorf("index article: %w", err)
	}
	if len(doc.Entities) > 0 {
		st, err := tx.PrepareContext(ctx, s.d.rebind(`INSERT INTO entities (article_id, idx, text, name, type, actor, span_start, span_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`))
		if err != nil {
			return fmt.Errorf("insert entities: %w", err)
		}
		defer st.Close()
		for i, e := range doc.Entities {
			if _, err := st.ExecContext(ctx, doc.ID, i, e.Text, e.Name, e.Type, e.Actor, e.Span[0], e.Span[1]); err != nil {
				return fmt.Errorf("insert entity %d: %w", i, err)
			}
		}
	}
	if len(doc.Places) > 0 {
		st, err := tx.PrepareContext(ctx, s.d.rebind(`INSERT INTO places (article_id, idx, text, name, country, feature, lat, lon, geonames_id, span_start, span_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`))
		if err != nil {
			return fmt.Errorf("insert places: %w", err)
		}
		defer st.Close()
		for i, p := range doc.Places {
			if _, err := st.ExecContext(ctx, doc.ID, i, p.Text, p.Name, p.Country, p.Feature, p.Lat, p.Lon, p.GeonamesID, p.Span[0], p.Span[1]); err != nil {
				return fmt.Errorf("insert place %d: %w", i, err)
			}
		}
	}
	for i, q := range doc.Quotes {
		var id int64
		if err := tx.QueryRowContext(ctx, s.d.rebind(`INSERT INTO quotes (article_id, idx, text, kind, speaker, speaker_actor, span_start, span_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
			doc.ID, i, q.Text, q.Kind, q.Speaker, q.SpeakerActor, q.Span[0], q.Span[1]).Scan(&id); err != nil {
			return fmt.Errorf("insert quote %d: %w", i, err)
		}
		if _, err := tx.ExecContext(ctx, s.d.rebind(`INSERT INTO quote_fts (quote_id, speaker, text) VALUES (?, ?, ?)`), id, q.Speaker, q.Text); err != nil {
			return fmt.Errorf("index quote %d: %w", i, err)
		}
	}
	return nil
}

// removeArticle deletes an article with everything that hangs on it and
// recomputes the counts of the events its mentions touched.
func (s *Store) removeArticle(ctx context.Context, tx *sql.Tx, id string) error {
	rows, err := tx.QueryContext(ctx, s.d.rebind(`SELECT DISTINCT event_id FROM mentions WHERE article_id = ?`), id)
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
		if _, err := tx.ExecContext(ctx, s.d.rebind(q), id); err != nil {
			return err
		}
	}
	for _, e := range touched {
		if err := s.recount(ctx, tx, e); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM events WHERE num_mentions = 0`); err != nil {
		return err
	}
	return nil
}

// recount sets an event's counts from its mentions.
func (s *Store) recount(ctx context.Context, tx *sql.Tx, event int64) error {
	_, err := tx.ExecContext(ctx, s.d.rebind(`UPDATE events SET
		num_mentions = (SELECT COUNT(*) FROM mentions WHERE event_id = ?),
		num_articles = (SELECT COUNT(DISTINCT article_id) FROM mentions WHERE event_id = ?),
		num_sources = (SELECT COUNT(DISTINCT CASE WHEN source = '' THEN 'article:' || article_id ELSE source END) FROM mentions WHERE event_id = ?)
		WHERE id = ?`), event, event, event, event)
	if err != nil {
		return fmt.Errorf("recount event %d: %w", event, err)
	}
	return nil
}

// insertEvents merges the document's events into the event table and stores
// one mention per event.
func (s *Store) insertEvents(ctx context.Context, tx *sql.Tx, doc news.Document, source, now string, saved *Saved) error {
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
	insEvent, err := tx.PrepareContext(ctx, s.d.rebind(`INSERT INTO events (merge_key, date, date_grain, source_code, source_country, target_code, target_country,
		code, root, quad_class, goldstein, modality, place_name, place_country, lat, lon, first_seen)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (merge_key) DO NOTHING`))
	if err != nil {
		return fmt.Errorf("insert events: %w", err)
	}
	defer insEvent.Close()
	insMention, err := tx.PrepareContext(ctx, s.d.rebind(`INSERT INTO mentions (event_id, article_id, event_index, sentence, sentence_start, sentence_end,
		source_text, source_start, source_end, target_text, target_start, target_end, verb_text, verb_start, verb_end,
		rule, confidence, modality, from_caption, source)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`))
	if err != nil {
		return fmt.Errorf("insert mentions: %w", err)
	}
	defer insMention.Close()

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
		res, err := insEvent.ExecContext(ctx, keys[i], date, grain, srcCode, srcCountry, tgtCode, tgtCountry,
			e.Code, e.Root, e.QuadClass, goldstein, modalityClass(e.Modality), placeName, placeCountry, lat, lon, now)
		if err != nil {
			return fmt.Errorf("insert event %d: %w", i, err)
		}
		if n, _ := res.RowsAffected(); n > 0 {
			saved.NewEvents++
		}
		var id int64
		if err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT id FROM events WHERE merge_key = ?`), keys[i]).Scan(&id); err != nil {
			return fmt.Errorf("find event %d: %w", i, err)
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
		if _, err := insMention.ExecContext(ctx, id, doc.ID, i, e.Sentence, sentStart, sentEnd,
			srcText, srcS, srcE, tgtText, tgtS, tgtE, verbText, verbS, verbE,
			e.Rule, e.Confidence, e.Modality, e.FromCaption, source); err != nil {
			return fmt.Errorf("insert mention %d: %w", i, err)
		}
		saved.Mentions++
		touched[id] = true
	}
	for id := range touched {
		if err := s.recount(ctx, tx, id); err != nil {
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
