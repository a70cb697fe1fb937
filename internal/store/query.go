package store

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"
)

// DefaultLimit is how many rows a listing returns when no limit is given;
// MaxLimit is the most it returns whatever the limit asked.
const (
	DefaultLimit = 100
	MaxLimit     = 1000
)

// CountCap is how many matching events Events counts at most to choose its
// plan, and a good cap for callers of EventsPage and CountEvents.
const CountCap = 10_000

// walkRows is how many events a query may walk in sort order to fill a page
// before sorting the matches found by index is cheaper.
const walkRows = 10_000

// pageIndex is the index a page of events matching f is best read by, or ""
// to leave the choice to the database. total is the count of matches (up to
// countCap) and need the rows the page needs (limit + offset). A CAMEO code
// has its own index in date order that also holds the actor codes; else,
// when matches are dense, walking all events in sort order finds the page
// soonest: the walk takes about need × events ÷ total rows.
func (s *Store) pageIndex(ctx context.Context, f EventFilter, total, countCap, need int) string {
	if f.Code != "" && (f.Sort == "" || f.Sort == "date" || f.Sort == "-date") {
		return "events_code_date"
	}
	if total < countCap && total < need*4 {
		return "" // few matches: sorting them is cheapest
	}
	var size sql.NullInt64 // the largest id: the table's size, near enough
	if err := s.db.QueryRowContext(ctx, `SELECT MAX(id) FROM events`).Scan(&size); err != nil || !size.Valid {
		return ""
	}
	if int64(need)*size.Int64/int64(total) > walkRows {
		return ""
	}
	if f.Sort == "mentions" {
		return "events_mentions"
	}
	return "events_date"
}

// countIndex is the index the count of events matching f is best read by,
// or "" to leave the choice to the database.
func countIndex(f EventFilter) string {
	if f.Code != "" {
		return "events_code_date"
	}
	return boxIndex(f)
}

// boxIndex is the place index to find the events of f's box by when the box
// is its only filter that an index serves, else "": events_lat_lon when the
// box spans a smaller share of the latitudes than of the longitudes, else
// events_lon_lat. Either holds the other coordinate and date_start, so the
// box's matches are counted and sorted from the index alone.
func boxIndex(f EventFilter) string {
	b := f.BBox
	if b == nil || f.Actor != "" || f.Source != "" || f.Target != "" || f.Country != "" || f.Code != "" ||
		f.Root != "" || f.QuadClass != 0 || f.From != "" || f.To != "" || f.Q != "" {
		return ""
	}
	width := b.MaxLon - b.MinLon
	if width < 0 {
		width += 360 // across the antimeridian
	}
	if (b.MaxLat-b.MinLat)/180 < width/360 {
		return "events_lat_lon"
	}
	return "events_lon_lat"
}

// clampLimit is limit within 1..MaxLimit, DefaultLimit when not positive.
func clampLimit(limit int) int {
	if limit <= 0 {
		return DefaultLimit
	}
	return min(limit, MaxLimit)
}

// BBox is a box of longitude and latitude in degrees. When MaxLon < MinLon
// the box crosses the antimeridian: it holds longitudes from MinLon east to
// 180 and from -180 east to MaxLon.
type BBox struct {
	MinLon, MinLat, MaxLon, MaxLat float64
}

// Check says what is wrong with the box, if anything.
func (b BBox) Check() error {
	switch {
	case b.MinLon < -180 || b.MinLon > 180 || b.MaxLon < -180 || b.MaxLon > 180:
		return fmt.Errorf("longitudes must be within -180..180")
	case b.MinLat < -90 || b.MinLat > 90 || b.MaxLat < -90 || b.MaxLat > 90:
		return fmt.Errorf("latitudes must be within -90..90")
	case b.MinLat > b.MaxLat:
		return fmt.Errorf("min latitude %g is north of max latitude %g", b.MinLat, b.MaxLat)
	}
	return nil
}

// codeRange is the condition that column starts with prefix, written as a
// range so that an index on column serves it (LIKE would not, as actor
// codes are compared case-sensitively). Codes are upper-case ASCII.
func codeRange(column, prefix string) (string, []any) {
	p := strings.ToUpper(prefix)
	return `(` + column + ` >= ? AND ` + column + ` < ?)`, []any{p, p + "\U0010FFFF"}
}

// dateCond is one condition on date_start with its one argument.
type dateCond struct {
	cond string
	arg  any
}

// dateRange is the conditions that an event's first day, the date_start
// column named col, lies between from and to, inclusive, each a date or
// its prefix (YYYY, YYYY-MM or YYYY-MM-DD): to "2016-07" holds every day of
// July. An undated event is outside any range. "" does not bound.
func dateRange(col, from, to string) []dateCond {
	var cs []dateCond
	if from != "" {
		cs = append(cs, dateCond{col + ` >= ?`, from}) // '' sorts first: undated events are out
	}
	if to != "" {
		cs = append(cs, dateCond{col + ` <> '' AND ` + col + ` <= ?`, to + "\uffff"})
	}
	return cs
}

// eventWhere is the WHERE clause (with a leading space, or "") and its
// arguments for the events matching f; paging and sort are not part of it.
func (s *Store) eventWhere(f EventFilter) (string, []any) {
	var where []string
	var args []any
	add := func(cond string, vs ...any) {
		where = append(where, cond)
		args = append(args, vs...)
	}
	if f.Actor != "" {
		c1, a1 := codeRange("source_code", f.Actor)
		c2, a2 := codeRange("target_code", f.Actor)
		add(`(`+c1+` OR `+c2+`)`, append(a1, a2...)...)
	}
	if f.Source != "" {
		c, a := codeRange("source_code", f.Source)
		add(c, a...)
	}
	if f.Target != "" {
		c, a := codeRange("target_code", f.Target)
		add(c, a...)
	}
	if f.Country != "" {
		c := strings.ToUpper(f.Country)
		add(`(source_country = ? OR target_country = ? OR place_country = ?)`, c, c, c)
	}
	if f.Code != "" {
		add(`code = ?`, f.Code)
	}
	if f.Root != "" {
		add(`root = ?`, f.Root)
	}
	if f.QuadClass != 0 {
		add(`quad_class = ?`, f.QuadClass)
	}
	if f.Modality != "" {
		add(`modality = ?`, modalityClass(f.Modality))
	}
	for _, c := range dateRange("date_start", f.From, f.To) {
		add(c.cond, c.arg)
	}
	if b := f.BBox; b != nil {
		add(`lat >= ? AND lat <= ?`, b.MinLat, b.MaxLat)
		if b.MinLon <= b.MaxLon {
			add(`lon >= ? AND lon <= ?`, b.MinLon, b.MaxLon)
		} else {
			// Two ranges, each searchable in events_lon_lat.
			add(`(lon >= ? AND lon <= 180 OR lon >= -180 AND lon <= ?)`, b.MinLon, b.MaxLon)
		}
	}
	if f.MinMentions > 0 {
		add(`num_mentions >= ?`, f.MinMentions)
	}
	if q := s.d.ftsQuery(f.Q); q != "" {
		add(`id IN (SELECT event_id FROM mentions WHERE `+s.d.articleMatch("article_id")+`)`, q)
	}
	if len(where) == 0 {
		return "", nil
	}
	return ` WHERE ` + strings.Join(where, ` AND `), args
}

// CountEvents counts the events matching f (its paging and sort ignored),
// counting at most atMost of them when atMost > 0: the count of a broad
// filter over millions of events then stays cheap, and a result equal to
// atMost means "atMost or more".
func (s *Store) CountEvents(ctx context.Context, f EventFilter, atMost int) (int, error) {
	where, args := s.eventWhere(f)
	from := `events`
	if ix := countIndex(f); ix != "" {
		from += s.d.indexedBy(ix)
	}
	query := `SELECT COUNT(*) FROM ` + from + where
	if atMost > 0 {
		query = `SELECT COUNT(*) FROM (SELECT 1 FROM ` + from + where + ` LIMIT ?) AS capped`
		args = append(args, atMost)
	}
	var n int
	if err := s.db.QueryRowContext(ctx, s.d.rebind(query), args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("count events: %w", err)
	}
	return n, nil
}

// ArticleFilter selects articles. Zero fields do not filter.
type ArticleFilter struct {
	Q      string // words that must all occur in the title or text
	Source string // the outlet, exactly
	Limit  int    // at most this many (default DefaultLimit, at most MaxLimit)
	Offset int
}

// ArticleSummary is one stored article as listed: its metadata and how much
// was coded from it.
type ArticleSummary struct {
	ID        string `json:"id"`
	URL       string `json:"url,omitempty"`
	Source    string `json:"source,omitempty"`
	Title     string `json:"title,omitempty"`
	Published string `json:"published,omitempty"`
	Ingested  string `json:"ingested_at"`
	Mentions  int    `json:"events"` // event mentions stored for the article
	Quotes    int    `json:"quotes"`
	Entities  int    `json:"entities"`
	Places    int    `json:"places"`
	// DuplicateOf is the earlier article this one is a near-duplicate of
	// (see Store.Duplicate), "" for an original.
	DuplicateOf string `json:"duplicate_of,omitempty"`
}

func (s *Store) articleWhere(f ArticleFilter) (string, []any) {
	var where []string
	var args []any
	if q := s.d.ftsQuery(f.Q); q != "" {
		where = append(where, s.d.articleMatch("a.id"))
		args = append(args, q)
	}
	if f.Source != "" {
		where = append(where, `a.source = ?`)
		args = append(args, f.Source)
	}
	if len(where) == 0 {
		return "", nil
	}
	return ` WHERE ` + strings.Join(where, ` AND `), args
}

// Articles lists the articles matching f, newest published first.
func (s *Store) Articles(ctx context.Context, f ArticleFilter) ([]ArticleSummary, error) {
	where, args := s.articleWhere(f)
	query := `SELECT a.id, a.url, a.source, a.title, a.published, a.ingested_at,
		(SELECT COUNT(*) FROM mentions m WHERE m.article_id = a.id),
		(SELECT COUNT(*) FROM quotes q WHERE q.article_id = a.id),
		a.entity_count, a.place_count,
		COALESCE((SELECT d.duplicate_of FROM article_dedup d WHERE d.article_id = a.id), '')
		FROM articles a` + where + ` ORDER BY a.published DESC, a.id LIMIT ? OFFSET ?`
	args = append(args, clampLimit(f.Limit), max(f.Offset, 0))
	rows, err := s.db.QueryContext(ctx, s.d.rebind(query), args...)
	if err != nil {
		return nil, fmt.Errorf("articles: %w", err)
	}
	defer rows.Close()
	var as []ArticleSummary
	for rows.Next() {
		var a ArticleSummary
		if err := rows.Scan(&a.ID, &a.URL, &a.Source, &a.Title, &a.Published, &a.Ingested,
			&a.Mentions, &a.Quotes, &a.Entities, &a.Places, &a.DuplicateOf); err != nil {
			return nil, fmt.Errorf("articles: %w", err)
		}
		as = append(as, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("articles: %w", err)
	}
	return as, nil
}

// CountArticles counts the articles matching f (its paging ignored).
func (s *Store) CountArticles(ctx context.Context, f ArticleFilter) (int, error) {
	where, args := s.articleWhere(f)
	var n int
	if err := s.db.QueryRowContext(ctx, s.d.rebind(`SELECT COUNT(*) FROM articles a`+where), args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("count articles: %w", err)
	}
	return n, nil
}

// ActorCount is an actor code with the number of events it is the source
// and the target of.
type ActorCount struct {
	Code     string `json:"code"`
	Events   int    `json:"events"`
	AsSource int    `json:"as_source"`
	AsTarget int    `json:"as_target"`
}

// Actors lists the actor codes of stored events that start with prefix
// (case-insensitive; "" lists all), most events first, at most limit of them
// (default DefaultLimit, at most MaxLimit). The counts are read from
// actor_counts, which triggers keep up to date (migration 0008), and, on
// PostgreSQL, from the log of changes not yet folded into it.
func (s *Store) Actors(ctx context.Context, prefix string, limit int) ([]ActorCount, error) {
	if err := s.foldActorLog(ctx); err != nil {
		return nil, fmt.Errorf("actors: %w", err)
	}
	cond, args := codeRange("code", prefix)
	query := `SELECT code, SUM(s), SUM(t) FROM (
			SELECT code, as_source AS s, as_target AS t FROM actor_counts
			UNION ALL SELECT source_code, n, 0 FROM actor_count_log WHERE source_code <> ''
			UNION ALL SELECT target_code, 0, n FROM actor_count_log WHERE target_code <> '') AS sides
		WHERE ` + cond + ` GROUP BY code HAVING SUM(s) + SUM(t) > 0`
	rows, err := s.db.QueryContext(ctx, s.d.rebind(query), args...)
	if err != nil {
		return nil, fmt.Errorf("actors: %w", err)
	}
	defer rows.Close()
	out := []ActorCount{}
	for rows.Next() {
		var c ActorCount
		if err := rows.Scan(&c.Code, &c.AsSource, &c.AsTarget); err != nil {
			return nil, fmt.Errorf("actors: %w", err)
		}
		c.Events = c.AsSource + c.AsTarget
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("actors: %w", err)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Events != out[j].Events {
			return out[i].Events > out[j].Events
		}
		return out[i].Code < out[j].Code
	})
	return out[:min(len(out), clampLimit(limit))], nil
}

// foldAt is how many rows actor_count_log holds before Actors folds them
// into actor_counts.
const foldAt = 5000

// foldActorLog moves the rows of actor_count_log into actor_counts when it
// holds foldAt or more, in one transaction, unless another store is doing
// it. Only PostgreSQL's triggers write the log (see migration 0008): a
// writer there never waits for another on a row of actor_counts; readers
// that fold take turns under an advisory lock. On SQLite the log stays
// empty and this reads one row.
func (s *Store) foldActorLog(ctx context.Context) error {
	var n int
	if err := s.db.QueryRowContext(ctx, s.d.rebind(`SELECT COUNT(*) FROM (SELECT 1 FROM actor_count_log LIMIT ?) AS capped`), foldAt).Scan(&n); err != nil {
		return fmt.Errorf("fold actor counts: %w", err)
	}
	if n < foldAt {
		return nil
	}
	if _, ok := s.d.(postgresDialect); !ok {
		return fmt.Errorf("fold actor counts: the log has rows on a backend that should not write it")
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("fold actor counts: %w", err)
	}
	defer tx.Rollback()
	var mine bool
	if err := tx.QueryRowContext(ctx, `SELECT pg_try_advisory_xact_lock(1685217636, 2)`).Scan(&mine); err != nil {
		return fmt.Errorf("fold actor counts: %w", err)
	}
	if !mine {
		return nil // another store is folding; the log reads as well meanwhile
	}
	// Rows are upserted in code order, so that folders could not deadlock
	// even without the lock.
	if _, err := tx.ExecContext(ctx, `WITH moved AS (DELETE FROM actor_count_log RETURNING source_code, target_code, n)
		INSERT INTO actor_counts (code, as_source, as_target)
		SELECT code, SUM(s), SUM(t) FROM (
			SELECT source_code AS code, n AS s, 0 AS t FROM moved WHERE source_code <> ''
			UNION ALL SELECT target_code, 0, n FROM moved WHERE target_code <> '') AS sides
		GROUP BY code ORDER BY code
		ON CONFLICT (code) DO UPDATE SET as_source = actor_counts.as_source + excluded.as_source,
			as_target = actor_counts.as_target + excluded.as_target`); err != nil {
		return fmt.Errorf("fold actor counts: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("fold actor counts: %w", err)
	}
	return nil
}

// CodeCount is a code (an actor or a CAMEO root) with a number of events.
type CodeCount struct {
	Code   string `json:"code"`
	Events int    `json:"events"`
}

// ActorProfile is what an actor did and had done to it: its counterparts
// and CAMEO roots as source and as target, and its events over time.
type ActorProfile struct {
	Code          string      `json:"code"`
	AsSource      int         `json:"as_source"`
	AsTarget      int         `json:"as_target"`
	Targets       []CodeCount `json:"targets"`         // whom the actor acted on, most events first
	Sources       []CodeCount `json:"sources"`         // who acted on the actor, most events first
	RootsAsSource []CodeCount `json:"roots_as_source"` // what the actor did, by CAMEO root
	RootsAsTarget []CodeCount `json:"roots_as_target"` // what was done to it, by CAMEO root
	Timeline      []Bucket    `json:"timeline"`        // its events (as source or target) over time
}

// profileTop is how many counterparts an actor profile lists on each side.
const profileTop = 50

// ActorProfile profiles the actors whose code starts with code
// (case-insensitive; USA covers USAGOV and USAMIL), counting asserted events
// only, with its timeline bucketed by interval (day, week or month). One
// query reads the actor's events, found by the source and target indexes.
func (s *Store) ActorProfile(ctx context.Context, code, interval string) (ActorProfile, error) {
	p := ActorProfile{Code: strings.ToUpper(code)}
	if code == "" {
		return p, fmt.Errorf("actor profile: no code")
	}
	iv, err := parseInterval(interval)
	if err != nil {
		return p, fmt.Errorf("actor profile %s: %w", code, err)
	}
	c1, a1 := codeRange("source_code", code)
	c2, a2 := codeRange("target_code", code)
	// The ids come from the source and target indexes alone; reading the
	// rows in id order then visits the table's pages in order, each once.
	rows, err := s.db.QueryContext(ctx, s.d.rebind(`SELECT source_code, target_code, root, date, date_start, quad_class, goldstein, num_mentions
		FROM events WHERE id IN (SELECT id FROM events WHERE (`+c1+` OR `+c2+`) AND modality = 'asserted')`), append(a1, a2...)...)
	if err != nil {
		return p, fmt.Errorf("actor profile %s: %w", code, err)
	}
	defer rows.Close()
	targets, sources, rootsOut, rootsIn := map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}
	bk := newBucketer(iv)
	for rows.Next() {
		var src, tgt, root, date, start string
		var quad, mentions int
		var g sql.NullFloat64
		if err := rows.Scan(&src, &tgt, &root, &date, &start, &quad, &g, &mentions); err != nil {
			return p, fmt.Errorf("actor profile %s: %w", code, err)
		}
		out := strings.HasPrefix(src, p.Code)
		if out {
			p.AsSource++
			targets[tgt]++
			rootsOut[root]++
		}
		if strings.HasPrefix(tgt, p.Code) {
			p.AsTarget++
			sources[src]++
			rootsIn[root]++
		}
		bk.add(date, start, out, quad, g, mentions)
	}
	if err := rows.Err(); err != nil {
		return p, fmt.Errorf("actor profile %s: %w", code, err)
	}
	p.Targets, p.Sources = topCounts(targets, profileTop), topCounts(sources, profileTop)
	p.RootsAsSource, p.RootsAsTarget = topCounts(rootsOut, profileTop), topCounts(rootsIn, profileTop)
	p.Timeline = bk.timeline().Buckets
	return p, nil
}

// topCounts is the n codes with most events, most first, then by code.
func topCounts(counts map[string]int, n int) []CodeCount {
	out := make([]CodeCount, 0, len(counts))
	for c, k := range counts {
		out = append(out, CodeCount{Code: c, Events: k})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Events != out[j].Events {
			return out[i].Events > out[j].Events
		}
		return out[i].Code < out[j].Code
	})
	return out[:min(len(out), n)]
}
