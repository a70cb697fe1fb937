// Package pipeline is dyad's library entry point: it knows the order of the
// stages and runs them on one article. A *Pipeline is immutable and safe for
// concurrent use.
package pipeline

import (
	"context"
	"fmt"
	"os"
	"time"

	"dyad/internal/actor"
	"dyad/internal/builtin"
	"dyad/internal/cameo"
	"dyad/internal/clean"
	"dyad/internal/coder"
	"dyad/internal/dictfile"
	"dyad/internal/geo"
	"dyad/internal/lang"
	"dyad/internal/nlp"
	"dyad/internal/quote"
	"dyad/internal/when"
	"dyad/news"
)

// Config selects what the pipeline does. The zero Config is valid.
type Config struct {
	// Published is the date to resolve against when an article carries none
	// (ISO 8601 date or date-time).
	Published string
	// KeepTokens keeps each sentence's tokens and chunks in the output.
	KeepTokens bool
	// PetrarchDicts is a directory of PETRARCH dictionaries (verbs, actors,
	// agents, discards, issues found by their usual names) or a PETRARCH
	// config file naming them. Events are coded with them instead of the
	// built-in dictionaries.
	PetrarchDicts string
	// TabariProject is a TABARI .project file naming the dictionaries to
	// code events with. At most one of PetrarchDicts and TabariProject is set.
	TabariProject string
	// GazetteerDir is a directory laid out like dict/ (geo/places.tsv.gz, …)
	// holding a fuller gazetteer than the embedded one; "" uses the embedded.
	GazetteerDir string
	// Today is the date actor date restrictions are checked against when an
	// article has no publication date; zero means the day New runs.
	Today time.Time
	// AnyLanguage codes every article; by default an article whose text is
	// recognisably not English is skipped with a *news.SkipError.
	AnyLanguage bool
}

// Pipeline codes articles. Build it once with New; it holds the loaded models.
type Pipeline struct {
	cfg   Config
	nlp   *nlp.Analyzer
	cameo *cameo.Table
	geo   *geo.Gazetteer
	actor *actor.Finder
	coder *coder.Coder
	lang  *lang.Detector
	// builtin is set when events are coded with the built-in dictionaries.
	builtin bool
}

// New validates cfg and loads what the stages need.
func New(cfg Config) (*Pipeline, error) {
	if cfg.Published != "" {
		if _, err := news.ParseDate(cfg.Published); err != nil {
			return nil, fmt.Errorf("pipeline: published date: %w", err)
		}
	}
	if cfg.PetrarchDicts != "" && cfg.TabariProject != "" {
		return nil, fmt.Errorf("pipeline: give PETRARCH dictionaries or a TABARI project, not both")
	}
	if cfg.Today.IsZero() {
		cfg.Today = time.Now().UTC()
	}
	an, err := nlp.New()
	if err != nil {
		return nil, fmt.Errorf("pipeline: load nlp: %w", err)
	}
	table, err := cameo.Builtin()
	if err != nil {
		return nil, fmt.Errorf("pipeline: load CAMEO tables: %w", err)
	}
	gaz, err := loadGazetteer(cfg.GazetteerDir)
	if err != nil {
		return nil, fmt.Errorf("pipeline: load gazetteer: %w", err)
	}
	p := &Pipeline{cfg: cfg, nlp: an, cameo: table, geo: gaz, lang: lang.New()}
	var set *dictfile.Set
	switch {
	case cfg.PetrarchDicts != "":
		set, err = dictfile.LoadPetrarch(cfg.PetrarchDicts)
	case cfg.TabariProject != "":
		set, err = dictfile.LoadTabariProject(cfg.TabariProject)
	default:
		set, err = builtin.Dictionaries()
		p.builtin = true
	}
	if err != nil {
		return nil, fmt.Errorf("pipeline: load dictionaries: %w", err)
	}
	opts := coder.DefaultOptions()
	opts.News = p.builtin
	if p.coder, err = coder.New(set, opts); err != nil {
		return nil, fmt.Errorf("pipeline: build coder: %w", err)
	}
	if p.actor, err = actor.New(set); err != nil {
		return nil, fmt.Errorf("pipeline: build entity finder: %w", err)
	}
	return p, nil
}

// Process runs every stage on one article and returns its Document, with every
// list non-nil. It fails only when the article yields no text.
func (p *Pipeline) Process(ctx context.Context, a news.Article) (news.Document, error) {
	doc, date, err := p.analyse(ctx, a)
	if err != nil {
		return news.Document{}, err
	}
	cd, country := p.articleCoder(doc)
	events := cd.Code(doc.Text, codingSentences(doc), date)
	if p.builtin {
		events = intentEvents(mediatedEvents(doc, localiseEvents(seatEvents(doc, events), country)))
	}
	events = describeEvents(p.cameo, doc, events)
	if p.builtin {
		events = dropTitleRepeats(doc, events)
	}
	events = dateEvents(doc, events)
	doc.Events = p.placeEvents(doc, events)
	if !p.cfg.KeepTokens {
		for i := range doc.Sentences {
			doc.Sentences[i].Tokens = nil
			doc.Sentences[i].Chunks = nil
		}
	}
	return doc.WithEmptyLists(), nil
}

// articleCoder returns the coder for one article and the story's country.
// The built-in dictionaries code news: a foreign actor's verbal act with
// no target named is directed at the story's country, agents take that
// country (localiseEvents) and plans code intent (intentEvents); users'
// dictionaries code as their suites expect, with no story country.
func (p *Pipeline) articleCoder(doc news.Document) (*coder.Coder, string) {
	if !p.builtin {
		return p.coder, ""
	}
	country := storyCountry(doc)
	o := p.coder.Options()
	o.ImplicitTarget = country
	o.Names = entityNames(doc)
	return p.coder.WithOptions(o), country
}

// analyse runs the stages up to coding: cleaning, sentences and tokens, and
// time expressions. It returns the date the article's events are coded at.
func (p *Pipeline) analyse(ctx context.Context, a news.Article) (news.Document, time.Time, error) {
	if err := ctx.Err(); err != nil {
		return news.Document{}, time.Time{}, err
	}
	doc, err := clean.Clean(a, clean.Options{Published: p.cfg.Published})
	if err != nil {
		return news.Document{}, time.Time{}, fmt.Errorf("clean: %w", err)
	}
	if !p.cfg.AnyLanguage {
		if g := p.lang.Detect(doc.Text); g.Lang != "" && g.Lang != "en" {
			return news.Document{}, time.Time{}, &news.SkipError{
				Reason: fmt.Sprintf("written in %q (confidence %.2f), not English", g.Lang, g.Confidence)}
		}
	}
	doc.Sentences = p.nlp.Sentences(doc.Text, doc.Blocks)
	published, known := time.Time{}, false
	if doc.Published != "" {
		if t, err := news.ParseDate(doc.Published); err == nil {
			published, known = t, true
		}
	}
	doc.Times = when.Find(doc.Text, doc.Sentences, published, known)
	date := p.cfg.Today
	if known {
		date = published
	}
	doc.Places = p.geo.Find(doc.Text, doc.Sentences, geo.Hint{Dateline: doc.Dateline})
	doc.Entities = p.actor.Find(doc, date)
	doc.Quotes = quote.Find(doc)
	return doc, date, nil
}

// Explain codes an article and explains how its coder treated sentence n
// (every sentence when n < 0): chunks, actors, verbs and patterns tried, and
// events. It fails when n is out of range.
func (p *Pipeline) Explain(ctx context.Context, a news.Article, n int) ([]coder.Explanation, error) {
	doc, date, err := p.analyse(ctx, a)
	if err != nil {
		return nil, err
	}
	if n >= len(doc.Sentences) {
		return nil, fmt.Errorf("explain: sentence %d does not exist: the article has %d sentences (0 to %d)", n, len(doc.Sentences), len(doc.Sentences)-1)
	}
	var out []coder.Explanation
	cd, _ := p.articleCoder(doc)
	for i, s := range codingSentences(doc) {
		if n < 0 || i == n {
			out = append(out, cd.Explain(doc.Text, s, i, date))
		}
	}
	return out, nil
}

// loadGazetteer loads the gazetteer from dir, or the embedded one.
func loadGazetteer(dir string) (*geo.Gazetteer, error) {
	if dir == "" {
		return geo.LoadDefault()
	}
	return geo.Load(os.DirFS(dir))
}
