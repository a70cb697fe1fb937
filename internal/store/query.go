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
	return ""
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
	if f.From != "" {
		add(`date >= ?`, f.From)
	}
	if f.To != "" {
		add(`date <> '' AND date <= ?`, f.To+"\uffff")
	}
	if b := f.BBox; b != nil {
		add(`lat >= ? AND lat <= ?`, b.MinLat, b.MaxLat)
		if b.MinLon <= b.MaxLon {
			add(`lon >= ? AND lon <= ?`, b.MinLon, b.MaxLon)
		} else {
			add(`(lon >= ? OR lon <= ?)`, b.MinLon, b.MaxLon)
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
		(SELECT COUNT(*) FROM entities e WHERE e.article_id = a.id),
		(SELECT COUNT(*) FROM places p WHERE p.article_id = a.id),
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
// (default DefaultLimit, at most MaxLimit).
func (s *Store) Actors(ctx context.Context, prefix string, limit int) ([]ActorCount, error) {
	counts := map[string]*ActorCount{}
	for _, side := range []string{"source_code", "target_code"} {
		cond, args := codeRange(side, prefix)
		rows, err := s.db.QueryContext(ctx, s.d.rebind(`SELECT `+side+`, COUNT(*) FROM events WHERE `+side+` <> '' AND `+cond+` GROUP BY `+side), args...)
		if err != nil {
			return nil, fmt.Errorf("actors: %w", err)
		}
		for rows.Next() {
			var code string
			var n int
			if err := rows.Scan(&code, &n); err != nil {
				rows.Close()
				return nil, fmt.Errorf("actors: %w", err)
			}
			c := counts[code]
			if c == nil {
				c = &ActorCount{Code: code}
				counts[code] = c
			}
			if side == "source_code" {
				c.AsSource = n
			} else {
				c.AsTarget = n
			}
			c.Events += n
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("actors: %w", err)
		}
	}
	out := make([]ActorCount, 0, len(counts))
	for _, c := range counts {
		out = append(out, *c)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Events != out[j].Events {
			return out[i].Events > out[j].Events
		}
		return out[i].Code < out[j].Code
	})
	return out[:min(len(out), clampLimit(limit))], nil
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
// only, with its timeline bucketed by interval (day, week or month).
func (s *Store) ActorProfile(ctx context.Context, code, interval string) (ActorProfile, error) {
	p := ActorProfile{Code: strings.ToUpper(code)}
	if code == "" {
		return p, fmt.Errorf("actor profile: no code")
	}
	if _, err := parseInterval(interval); err != nil {
		return p, fmt.Errorf("actor profile %s: %w", code, err)
	}
	groups := []struct {
		side, group string
		out         *[]CodeCount
	}{
		{"source_code", "target_code", &p.Targets},
		{"target_code", "source_code", &p.Sources},
		{"source_code", "root", &p.RootsAsSource},
		{"target_code", "root", &p.RootsAsTarget},
	}
	for _, g := range groups {
		cond, args := codeRange(g.side, code)
		query := `SELECT ` + g.group + `, COUNT(*) AS n FROM events WHERE ` + cond + ` AND modality = 'asserted'
			GROUP BY ` + g.group + ` ORDER BY n DESC, ` + g.group + ` LIMIT ?`
		rows, err := s.db.QueryContext(ctx, s.d.rebind(query), append(args, profileTop)...)
		if err != nil {
			return p, fmt.Errorf("actor profile %s: %w", code, err)
		}
		*g.out = []CodeCount{}
		for rows.Next() {
			var c CodeCount
			if err := rows.Scan(&c.Code, &c.Events); err != nil {
				rows.Close()
				return p, fmt.Errorf("actor profile %s: %w", code, err)
			}
			*g.out = append(*g.out, c)
			if g.group == "root" {
				if g.side == "source_code" {
					p.AsSource += c.Events
				} else {
					p.AsTarget += c.Events
				}
			}
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return p, fmt.Errorf("actor profile %s: %w", code, err)
		}
	}
	c1, a1 := codeRange("source_code", code)
	c2, a2 := codeRange("target_code", code)
	tl, err := s.timeline(ctx, `(`+c1+` OR `+c2+`)`, append(a1, a2...), interval, func(src, _ string) bool {
		return strings.HasPrefix(src, p.Code)
	})
	if err != nil {
		return p, fmt.Errorf("actor profile %s: %w", code, err)
	}
	p.Timeline = tl.Buckets
	return p, nil
}
