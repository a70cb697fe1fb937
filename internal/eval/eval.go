// Package eval scores dyad's output against annotated articles: toponyms and
// their geocoding, time expressions and their values, quotes and their
// speakers (with internal/quote's scoring), and, where annotated, named
// entities and events.
//
// A gold directory holds articles (X.txt, X.html or X.json, one record
// each) and beside each its gold file X.gold.json, a subset of the
// SCHEMA.md object (see Gold). Gold mentions are given by their text and
// located in the cleaned text, the text dyad's spans point into: the n-th
// whole-word, case-sensitive occurrence of the text (by default the one
// after the previous gold mention of the category with the same text), so
// annotations survive whatever the cleaner does to markup and layout.
// Output mentions match gold ones by span: exactly (recall and precision),
// or overlapping (the accuracies are over these looser matches, so a
// boundary slip is counted once, not twice).
package eval

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"

	"dyad/internal/ingest"
	"dyad/internal/quote"
	"dyad/news"
	"dyad/pipeline"
)

// GoldSuffix ends the name of a gold file: X.gold.json annotates X.txt.
const GoldSuffix = ".gold.json"

// articleExts are the extensions of the articles a gold directory holds.
var articleExts = []string{".txt", ".html", ".htm", ".json"}

// Scores holds the figures of one article or of all. A nil category was not
// annotated.
type Scores struct {
	Places   *PlaceScore  `json:"places,omitempty"`
	Times    *TimeScore   `json:"times,omitempty"`
	Quotes   *QuoteScore  `json:"quotes,omitempty"`
	Entities *EntityScore `json:"entities,omitempty"`
	Events   *EventScore  `json:"events,omitempty"`
	// Published counts the articles with their own metadata (HTML, JSON)
	// whose gold gives a publication date, and those dyad read right.
	Published      int `json:"published_gold,omitempty"`
	PublishedRight int `json:"published_right,omitempty"`

	quotes *quote.Score // the sum behind Quotes
}

// add sums o into s.
func (s *Scores) add(o Scores) {
	if o.Places != nil {
		s.Places = ptr(deref(s.Places).Add(*o.Places))
	}
	if o.Times != nil {
		s.Times = ptr(deref(s.Times).Add(*o.Times))
	}
	if o.quotes != nil {
		sum := deref(s.quotes).Add(*o.quotes)
		s.quotes, s.Quotes = &sum, ptr(fromQuote(sum))
	}
	if o.Entities != nil {
		s.Entities = ptr(deref(s.Entities).Add(*o.Entities))
	}
	if o.Events != nil {
		s.Events = ptr(deref(s.Events).Add(*o.Events))
	}
	s.Published += o.Published
	s.PublishedRight += o.PublishedRight
}

func ptr[T any](v T) *T { return &v }

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

// ArticleReport is the score of one article.
type ArticleReport struct {
	Name     string `json:"name"`               // the article's file name
	Category string `json:"category,omitempty"` // from the gold file
	Scores
	// Notes lists every miss, extra and wrong value, in words.
	Notes []string `json:"notes,omitempty"`
}

// Report is the score of a gold directory: per article and overall.
type Report struct {
	Dir      string          `json:"dir"`
	Articles []ArticleReport `json:"articles"`
	Total    Scores          `json:"total"`
	// Categories sums the articles of each gold category; articles
	// without one are summed under "none".
	Categories map[string]*Scores `json:"categories,omitempty"`
}

// Run codes every article of dir with p and scores it against its gold file.
// Every article needs a gold file and every gold file an article; gold
// errors are reported together, each naming its file and field or line.
func Run(ctx context.Context, p *pipeline.Pipeline, dir string) (Report, error) {
	r := Report{Dir: dir}
	pairs, err := listDir(dir)
	if err != nil {
		return r, err
	}
	var errs []error
	for _, pr := range pairs {
		if err := ctx.Err(); err != nil {
			return r, err
		}
		ar, err := runOne(ctx, p, pr)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		r.Articles = append(r.Articles, ar)
		r.Total.add(ar.Scores)
		cat := cmp.Or(ar.Category, "none")
		if r.Categories == nil {
			r.Categories = map[string]*Scores{}
		}
		if r.Categories[cat] == nil {
			r.Categories[cat] = &Scores{}
		}
		r.Categories[cat].add(ar.Scores)
	}
	if err := errors.Join(errs...); err != nil {
		return r, fmt.Errorf("eval: %w", err)
	}
	return r, nil
}

// pair is an article file and its gold file.
type pair struct{ article, gold string }

// listDir pairs the articles of dir with their gold files.
func listDir(dir string) ([]pair, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	golds := map[string]bool{}
	var articles []string
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.HasPrefix(name, ".") {
			continue
		}
		if strings.HasSuffix(name, GoldSuffix) {
			golds[strings.TrimSuffix(name, GoldSuffix)] = true
			continue
		}
		if slices.Contains(articleExts, strings.ToLower(filepath.Ext(name))) {
			articles = append(articles, name)
		}
	}
	var pairs []pair
	var errs []error
	for _, a := range articles {
		stem := strings.TrimSuffix(a, filepath.Ext(a))
		if !golds[stem] {
			errs = append(errs, fmt.Errorf("%s: no gold file %s", filepath.Join(dir, a), stem+GoldSuffix))
			continue
		}
		delete(golds, stem)
		pairs = append(pairs, pair{filepath.Join(dir, a), filepath.Join(dir, stem+GoldSuffix)})
	}
	for stem := range golds {
		errs = append(errs, fmt.Errorf("%s: no article %s.txt, .html or .json beside it", filepath.Join(dir, stem+GoldSuffix), stem))
	}
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	if len(pairs) == 0 {
		return nil, fmt.Errorf("eval: %s: no annotated articles (X.txt, X.html or X.json beside X%s)", dir, GoldSuffix)
	}
	slices.SortFunc(pairs, func(a, b pair) int { return cmp.Compare(a.article, b.article) })
	return pairs, nil
}

// runOne codes one article and scores it.
func runOne(ctx context.Context, p *pipeline.Pipeline, pr pair) (ArticleReport, error) {
	ar := ArticleReport{Name: filepath.Base(pr.article)}
	data, err := os.ReadFile(pr.gold)
	if err != nil {
		return ar, err
	}
	g, err := decodeGold(data)
	if err != nil {
		return ar, fmt.Errorf("%s:%w", pr.gold, prefixColon(err))
	}
	a, err := readArticle(ctx, pr.article)
	if err != nil {
		return ar, err
	}
	ownMetadata := !strings.EqualFold(filepath.Ext(pr.article), ".txt")
	if !ownMetadata && a.Published == "" {
		a.Published = g.Published
	}
	doc, err := p.Process(ctx, a)
	if err != nil {
		return ar, fmt.Errorf("%s: %w", pr.article, err)
	}
	gold, err := placeGold(g, doc.Text, string(a.Body), data)
	if err != nil {
		return ar, fmt.Errorf("%s: %w", pr.gold, err)
	}
	ar.Category = gold.category
	ar.Scores, ar.Notes = score(gold, doc, ownMetadata)
	return ar, nil
}

// prefixColon formats a decode error after "file:": "12: msg" stays (a
// line), anything else gets a space.
func prefixColon(err error) error {
	msg := err.Error()
	if i := strings.IndexByte(msg, ':'); i > 0 && strings.Trim(msg[:i], "0123456789") == "" {
		return err
	}
	return fmt.Errorf(" %w", err)
}

// readArticle reads the one record of an article file.
func readArticle(ctx context.Context, path string) (news.Article, error) {
	var got []news.Article
	err := ingest.Read(ctx, []string{path}, nil, ingest.Options{}, func(r ingest.Record) error {
		if r.Err != nil {
			return r.Err
		}
		got = append(got, r.Article)
		return nil
	})
	switch {
	case err != nil:
		return news.Article{}, err
	case len(got) != 1:
		return news.Article{}, fmt.Errorf("%s: holds %d articles, want 1", path, len(got))
	}
	return got[0], nil
}

// score compares one article's gold with its Document.
func score(g article, doc news.Document, ownMetadata bool) (Scores, []string) {
	var s Scores
	var notes []string
	if g.places != nil {
		s.Places = ptr(scorePlaces(g.places, doc.Places, &notes))
	}
	if g.times != nil {
		s.Times = ptr(scoreTimes(g.times, doc.Times, &notes))
	}
	if g.hasQuotes {
		q := quote.Evaluate(g.quotes, doc.Quotes)
		s.quotes, s.Quotes = &q, ptr(fromQuote(q))
		quoteNotes(g.quotes, doc.Quotes, &notes)
	}
	if g.entities != nil {
		s.Entities = ptr(scoreEntities(g.entities, doc.Entities, &notes))
	}
	if g.hasEvents {
		s.Events = ptr(scoreEvents(g.events, doc.Events, &notes))
	}
	if ownMetadata && g.published != "" {
		s.Published = 1
		if sameDate(doc.Published, g.published) {
			s.PublishedRight = 1
		} else {
			notes = append(notes, fmt.Sprintf("published: dyad has %s, want %s", orNone(doc.Published), g.published))
		}
	}
	return s, notes
}

// sameDate reports whether two ISO 8601 dates or date-times fall on the same
// day, or are equal when either is a bare date.
func sameDate(a, b string) bool {
	if len(a) >= 10 && len(b) >= 10 {
		return a[:10] == b[:10]
	}
	return a == b
}

// WriteJSON writes the report as one line of JSON.
func (r Report) WriteJSON(w io.Writer) error {
	data, err := json.Marshal(r)
	if err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	_, err = fmt.Fprintf(w, "%s\n", data)
	return err
}

// WriteText writes the report as a table, one row per article and a total,
// then the overall figures of each category.
func (r Report) WriteText(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	width := len("article")
	for _, a := range r.Articles {
		width = max(width, len(a.Name))
	}
	fmt.Fprintf(tw, "%-*s\tplaces\tP\tR\t≤161km\tcountry\t\ttimes\tP\tR\tvalue\t\tquotes\tF1\tspeaker\t\n", width, "article")
	row := func(name string, s Scores) {
		fmt.Fprintf(tw, "%-*s\t", width, name)
		if p := s.Places; p != nil {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t\t", p.Gold, pct(p.Precision(), p.Found), pct(p.Recall(), p.Gold), pct(p.Accuracy(), p.Matched), pct(p.CountryAccuracy(), p.Matched))
		} else {
			fmt.Fprint(tw, "-\t\t\t\t\t\t")
		}
		if t := s.Times; t != nil {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t\t", t.Gold, pct(t.Precision(), t.Found), pct(t.Recall(), t.Gold), pct(t.ValueAccuracy(), t.Matched))
		} else {
			fmt.Fprint(tw, "-\t\t\t\t\t")
		}
		if q := s.quotes; q != nil {
			fmt.Fprintf(tw, "%d\t%s\t%s\t", q.Gold, pct(q.F1, q.Gold+q.Found), pct(q.SpeakerAccuracy, q.Direct))
		} else {
			fmt.Fprint(tw, "-\t\t\t")
		}
		fmt.Fprintln(tw)
	}
	for _, a := range r.Articles {
		row(a.Name, a.Scores)
	}
	row("total", r.Total)
	if err := tw.Flush(); err != nil {
		return err
	}
	if err := r.writeActors(w, width); err != nil {
		return err
	}
	var b strings.Builder
	t := r.Total
	fmt.Fprintf(&b, "\n%d articles in %s\n", len(r.Articles), r.Dir)
	if p := t.Places; p != nil {
		fmt.Fprintf(&b, "places    gold %d, found %d, exact %d, overlapping %d, lost by the cleaner %d\n", p.Gold, p.Found, p.Exact, p.Matched, p.Lost)
		fmt.Fprintf(&b, "          recall %.3f, precision %.3f, F1 %.3f (overlapping: recall %.3f, precision %.3f)\n", p.Recall(), p.Precision(), p.F1(), p.LooseRecall(), p.LoosePrecision())
		fmt.Fprintf(&b, "          accuracy within 161 km %.3f (%d/%d), country %.3f, found and right %.3f\n", p.Accuracy(), p.Right, p.Matched, p.CountryAccuracy(), p.EndToEnd())
	}
	if x := t.Times; x != nil {
		fmt.Fprintf(&b, "times     gold %d, found %d, exact %d, overlapping %d, lost by the cleaner %d\n", x.Gold, x.Found, x.Exact, x.Matched, x.Lost)
		fmt.Fprintf(&b, "          recall %.3f, precision %.3f, F1 %.3f (overlapping: recall %.3f, precision %.3f)\n", x.Recall(), x.Precision(), x.F1(), x.LooseRecall(), x.LoosePrecision())
		fmt.Fprintf(&b, "          value accuracy %.3f (%d/%d), found and right %.3f\n", x.ValueAccuracy(), x.ValueRight, x.Matched, x.EndToEnd())
	}
	if q := t.quotes; q != nil {
		fmt.Fprintf(&b, "quotes    gold %d, found %d, matched %d: span F1 %.3f (P %.3f, R %.3f), speaker accuracy %.3f (%d/%d direct)\n",
			q.Gold, q.Found, q.Matched, q.F1, q.Precision, q.Recall, q.SpeakerAccuracy, q.SpeakerRight, q.Direct)
	}
	if e := t.Entities; e != nil {
		fmt.Fprintf(&b, "entities  gold %d, found %d, exact %d, overlapping %d, lost by the cleaner %d\n", e.Gold, e.Found, e.Exact, e.Matched, e.Lost)
		fmt.Fprintf(&b, "          recall %.3f, precision %.3f, F1 %.3f (overlapping: recall %.3f, precision %.3f)\n", e.Recall(), e.Precision(), e.F1(), e.LooseRecall(), e.LoosePrecision())
		fmt.Fprintf(&b, "          type accuracy %.3f (%d/%d), actor-code accuracy %.3f (%d/%d coded by gold or dyad)\n", e.TypeAccuracy(), e.TypeRight, e.Matched, e.ActorAccuracy(), e.ActorRight, e.ActorCoded)
	}
	if e := t.Events; e != nil {
		fmt.Fprintf(&b, "events    gold %d, found %d, matched %d on (source country, target country, root): P %.3f, R %.3f, F1 %.3f\n",
			e.Gold, e.Found, e.Matched, e.Precision(), e.Recall(), e.F1())
	}
	if t.Published > 0 {
		fmt.Fprintf(&b, "published %d/%d articles with their own metadata read right\n", t.PublishedRight, t.Published)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeActors writes the entity and event figures per article, per
// category and in total, when any article annotates them.
func (r Report) writeActors(w io.Writer, width int) error {
	if r.Total.Entities == nil && r.Total.Events == nil {
		return nil
	}
	for cat := range r.Categories {
		width = max(width, len(cat))
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "%-*s\tcategory\tentities\tP\tR\tF1\tactor\t\tevents\tP\tR\tF1\t\n", width, "article")
	row := func(name, cat string, s Scores) {
		fmt.Fprintf(tw, "%-*s\t%s\t", width, name, cat)
		if e := s.Entities; e != nil {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t\t", e.Gold, pct(e.Precision(), e.Found), pct(e.Recall(), e.Gold), pct(e.F1(), e.Gold+e.Found), pct(e.ActorAccuracy(), e.ActorCoded))
		} else {
			fmt.Fprint(tw, "-\t\t\t\t\t\t")
		}
		if e := s.Events; e != nil {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t", e.Gold, pct(e.Precision(), e.Found), pct(e.Recall(), e.Gold), pct(e.F1(), e.Gold+e.Found))
		} else {
			fmt.Fprint(tw, "-\t\t\t\t")
		}
		fmt.Fprintln(tw)
	}
	for _, a := range r.Articles {
		if a.Entities != nil || a.Events != nil {
			row(a.Name, a.Category, a.Scores)
		}
	}
	cats := make([]string, 0, len(r.Categories))
	for c := range r.Categories {
		cats = append(cats, c)
	}
	slices.Sort(cats)
	for _, c := range cats {
		if s := r.Categories[c]; s.Entities != nil || s.Events != nil {
			row(c, "(category)", *s)
		}
	}
	row("total", "", r.Total)
	return tw.Flush()
}

// WriteNotes writes each article's notes: every miss, extra and wrong value.
func (r Report) WriteNotes(w io.Writer) error {
	var b strings.Builder
	for _, a := range r.Articles {
		if len(a.Notes) == 0 {
			continue
		}
		fmt.Fprintf(&b, "%s\n", a.Name)
		for _, n := range a.Notes {
			fmt.Fprintf(&b, "  %s\n", n)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// pct formats a ratio with three decimals, or "-" when its denominator is 0.
func pct(v float64, of int) string {
	if of == 0 {
		return "-"
	}
	return fmt.Sprintf("%.3f", v)
}
