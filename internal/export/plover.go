package export

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"strconv"
	"strings"

	"dyad/internal/cameo"
	"dyad/internal/store"
	"dyad/news"
)

// PloverEvent is one line of the plover export: a merged event in the
// PLOVER ontology, in the manner of POLECAT records.
type PloverEvent struct {
	ID        string   `json:"id"`                   // "dyad-" and the stored event id
	EventType string   `json:"event_type,omitempty"` // PLOVER type ("CONSULT"); absent when PLOVER has none
	Mode      string   `json:"mode,omitempty"`       // PLOVER mode ("visit")
	Context   []string `json:"context,omitempty"`    // PLOVER contexts ("diplomatic")
	CAMEO     string   `json:"cameo"`                // the CAMEO code it maps from
	QuadClass int      `json:"quad_class,omitempty"`
	Goldstein *float64 `json:"goldstein"`
	Modality  string   `json:"modality"` // asserted, negated, hypothetical or future
	// Actor and Recipient are the source and target, with the text and
	// offsets of the first mention; null when the text names none.
	Actor     *PloverActor `json:"actor"`
	Recipient *PloverActor `json:"recipient"`
	Date      string       `json:"date,omitempty"` // the event date, ISO 8601 at its grain
	DateGrain string       `json:"date_grain,omitempty"`
	Location  *PloverPlace `json:"location"`
	// NumMentions, NumSources and NumArticles count the reports.
	NumMentions int `json:"num_mentions"`
	NumSources  int `json:"num_sources"`
	NumArticles int `json:"num_articles"`
	// Provenance lists every mention, oldest first.
	Provenance []PloverMention `json:"provenance"`
}

// PloverActor is an actor of a PLOVER event.
type PloverActor struct {
	Code    string     `json:"code,omitempty"`
	Country string     `json:"country,omitempty"` // ISO 3166-1 alpha-3
	Text    string     `json:"text,omitempty"`
	Span    *news.Span `json:"span,omitempty"` // byte offsets into the first mention's article text
}

// PloverPlace is where a PLOVER event happened.
type PloverPlace struct {
	Name       string   `json:"name"`
	Country    string   `json:"country,omitempty"`
	Feature    string   `json:"feature,omitempty"`
	Lat        *float64 `json:"lat,omitempty"`
	Lon        *float64 `json:"lon,omitempty"`
	GeonamesID int      `json:"geonames_id,omitempty"`
}

// PloverMention is one report of a PLOVER event: the article, the sentence
// and the spans (byte offsets into the article's text) it was coded from.
type PloverMention struct {
	ArticleID    string     `json:"article_id"`
	URL          string     `json:"url,omitempty"`
	Source       string     `json:"source,omitempty"` // the outlet
	Published    string     `json:"published,omitempty"`
	Sentence     int        `json:"sentence"` // index into the article's sentences
	SentenceSpan news.Span  `json:"sentence_span"`
	ActorText    string     `json:"actor_text,omitempty"`
	ActorSpan    *news.Span `json:"actor_span,omitempty"`
	RecipText    string     `json:"recipient_text,omitempty"`
	RecipSpan    *news.Span `json:"recipient_span,omitempty"`
	VerbText     string     `json:"verb_text,omitempty"`
	VerbSpan     *news.Span `json:"verb_span,omitempty"`
	Rule         string     `json:"rule"`
	Confidence   float64    `json:"confidence"`
	Modality     string     `json:"modality"`
	FromCaption  bool       `json:"from_caption"`
}

// ploverEvent maps a stored event to its PLOVER record.
func ploverEvent(e store.ExportEvent, codes *cameo.Table) PloverEvent {
	p := PloverEvent{
		ID: "dyad-" + strconv.FormatInt(e.ID, 10), CAMEO: e.Code, QuadClass: e.QuadClass, Goldstein: e.Goldstein,
		Modality: e.Modality, Date: e.Date, DateGrain: e.DateGrain,
		NumMentions: e.NumMentions, NumSources: e.NumSources, NumArticles: e.NumArticles,
	}
	if info, ok := codes.Lookup(e.Code); ok {
		p.EventType, p.Mode = info.PloverType, info.PloverMode
		if info.PloverContext != "" {
			p.Context = strings.Split(info.PloverContext, ";")
		}
	}
	first := e.Mentions[0]
	if e.SourceCode != "" || first.SourceText != "" {
		p.Actor = &PloverActor{Code: e.SourceCode, Country: e.SourceCountry, Text: first.SourceText, Span: first.SourceSpan}
	}
	if e.TargetCode != "" || first.TargetText != "" {
		p.Recipient = &PloverActor{Code: e.TargetCode, Country: e.TargetCountry, Text: first.TargetText, Span: first.TargetSpan}
	}
	if e.PlaceName != "" {
		p.Location = &PloverPlace{Name: e.PlaceName, Country: e.PlaceCountry, Feature: e.PlaceFeature,
			Lat: e.Lat, Lon: e.Lon, GeonamesID: e.PlaceGeonamesID}
	}
	for _, m := range e.Mentions {
		p.Provenance = append(p.Provenance, PloverMention{
			ArticleID: m.ArticleID, URL: m.ArticleURL, Source: m.ArticleSource, Published: m.ArticlePublished,
			Sentence: m.Sentence, SentenceSpan: m.SentenceSpan,
			ActorText: m.SourceText, ActorSpan: m.SourceSpan, RecipText: m.TargetText, RecipSpan: m.TargetSpan,
			VerbText: m.VerbText, VerbSpan: m.VerbSpan,
			Rule: m.Rule, Confidence: m.Confidence, Modality: m.Modality, FromCaption: m.FromCaption,
		})
	}
	return p
}

// writePlover writes one PLOVER object per event, one a line.
func writePlover(ctx context.Context, st *store.Store, w *bufio.Writer, f store.ExportFilter, codes *cameo.Table) (int, error) {
	n := 0
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	err := st.EachEvent(ctx, f, func(e store.ExportEvent) error {
		if err := enc.Encode(ploverEvent(e, codes)); err != nil {
			return err
		}
		n++
		return nil
	})
	return n, err
}

// csvHeader names the columns of the csv export.
var csvHeader = []string{
	"id", "date", "date_grain", "source_code", "source_country", "source_text", "target_code", "target_country", "target_text",
	"code", "root", "quad_class", "goldstein", "plover_type", "plover_mode", "modality",
	"place_name", "place_country", "lat", "lon", "num_mentions", "num_sources", "num_articles", "first_seen",
	"first_article_id", "first_url", "first_sentence", "rule",
}

// writeCSV writes one row per event after a header row.
func writeCSV(ctx context.Context, st *store.Store, w *bufio.Writer, f store.ExportFilter, codes *cameo.Table) (int, error) {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return 0, err
	}
	n := 0
	err := st.EachEvent(ctx, f, func(e store.ExportEvent) error {
		info, _ := codes.Lookup(e.Code)
		first := e.Mentions[0]
		quad := ""
		if e.QuadClass != 0 {
			quad = strconv.Itoa(e.QuadClass)
		}
		if err := cw.Write([]string{
			strconv.FormatInt(e.ID, 10), e.Date, e.DateGrain, e.SourceCode, e.SourceCountry, first.SourceText,
			e.TargetCode, e.TargetCountry, first.TargetText,
			e.Code, e.Root, quad, floatPtr(e.Goldstein), info.PloverType, info.PloverMode, e.Modality,
			e.PlaceName, e.PlaceCountry, floatPtr(e.Lat), floatPtr(e.Lon),
			strconv.Itoa(e.NumMentions), strconv.Itoa(e.NumSources), strconv.Itoa(e.NumArticles), e.FirstSeen,
			first.ArticleID, first.ArticleURL, strconv.Itoa(first.Sentence), first.Rule,
		}); err != nil {
			return err
		}
		n++
		return nil
	})
	cw.Flush()
	if err == nil {
		err = cw.Error()
	}
	return n, err
}
