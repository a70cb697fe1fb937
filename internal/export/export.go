// Package export writes the contents of a dyad store in the formats other
// tools read: GDELT 2.0 event and mention tables, PLOVER/POLECAT-style JSON
// Lines, CSV, Parquet and the stored SCHEMA articles as JSON Lines.
//
// Every format is streamed: rows are written as the store yields them, so
// memory stays flat however large the store. The date bounds of [Options]
// filter on the event date (see store.ExportFilter); for the jsonl format
// they keep the articles that report at least one event in range.
//
// # GDELT 2.0 events (gdelt-events)
//
// 61 tab-separated columns per event, no header, in the codebook's order.
// Each column's source in dyad ("" means left empty: dyad has no such value):
//
//	 1 GLOBALEVENTID          the stored event id
//	 2 SQLDATE                event date as YYYYMMDD when it is known to the day; else ""
//	 3 MonthYear              YYYYMM when the month is known; else ""
//	 4 Year                   YYYY when the year is known; else ""
//	 5 FractionDate           YYYY + (month*30+day)/365, 4 decimals, with a day date; else ""
//	 6 Actor1Code             source actor code
//	 7 Actor1Name             canonical name of the entity the first mention's source is
//	                          (see store.Outline.EntityName), else its text; upper case
//	 8 Actor1CountryCode      source actor's country (ISO alpha-3, as CAMEO)
//	 9 Actor1KnownGroupCode   the last 3-letter part of the code that is not a country,
//	                          role or religion code, nor "---" (UNO in IGOUNO, TAL in AFGGOVTAL)
//	10 Actor1EthnicCode       "" (dyad codes no ethnicity)
//	11 Actor1Religion1Code    first CAMEO religion part of the code (MOS, CHR, …)
//	12 Actor1Religion2Code    second religion part
//	13-15 Actor1Type1-3Code   CAMEO role parts of the code, in order (GOV, MIL, REB, …)
//	16-25 Actor2…             the same for the target actor
//	26 IsRootEvent            1 when the first mention's sentence is in its article's title
//	                          or first paragraph, else 0
//	27 EventCode              CAMEO code, as stored (a string)
//	28 EventBaseCode          the code's first three digits (the code itself when shorter)
//	29 EventRootCode          CAMEO root
//	30 QuadClass              1..4
//	31 GoldsteinScale         from the declared Goldstein table; "" when it has no value
//	32 NumMentions            mentions stored for the event (all time, not one 15-minute update)
//	33 NumSources             distinct outlets among them
//	34 NumArticles            distinct articles among them
//	35 AvgTone                "" (dyad measures no tone)
//	36-43 Actor1Geo_*         "" (dyad places events, not actors)
//	44-51 Actor2Geo_*         ""
//	52 ActionGeo_Type         from the event place's gazetteer feature: country 1; first-level
//	                          region 2 in the USA, else 5; city, region, water or other 3 in
//	                          the USA, else 4; "" without a place
//	53 ActionGeo_FullName     the place's name
//	54 ActionGeo_CountryCode  "" (GDELT uses FIPS 10-4 codes, which dyad does not carry; the
//	                          ISO alpha-3 country is in the csv and plover exports)
//	55 ActionGeo_ADM1Code     "" (FIPS 10-4 as well)
//	56 ActionGeo_ADM2Code     ""
//	57 ActionGeo_Lat          latitude
//	58 ActionGeo_Long         longitude
//	59 ActionGeo_FeatureID    "" (GDELT uses GNS feature ids; the GeoNames id is in plover)
//	60 DATEADDED              when the event was first stored, YYYYMMDDHHMMSS UTC
//	61 SOURCEURL              the first mention's article URL, else its outlet and id
//
// # GDELT 2.0 mentions (gdelt-mentions)
//
// 16 tab-separated columns per mention, no header:
//
//	 1 GLOBALEVENTID          the stored event id
//	 2 EventTimeDate          when the event was first stored, YYYYMMDDHHMMSS UTC
//	 3 MentionTimeDate        when the article was stored, YYYYMMDDHHMMSS UTC
//	 4 MentionType            1 (WEB) when the article has an http(s) URL, else 2 (CITATIONONLY)
//	 5 MentionSourceName      the URL's host without "www.", else the outlet
//	 6 MentionIdentifier      the URL, else "outlet, title (article id)"
//	 7 SentenceID             the mention's sentence, counted from 1
//	 8 Actor1CharOffset       start of the source actor in the article text, in characters
//	                          (Unicode code points); "" without a source
//	 9 Actor2CharOffset       the same for the target
//	10 ActionCharOffset       the same for the verb
//	11 InRawText              1: dyad codes the article's own cleaned text, never a rewrite
//	12 Confidence             the mention's confidence as a percentage, rounded
//	13 MentionDocLen          the article text's length in characters
//	14 MentionDocTone         "" (no tone)
//	15 MentionDocTranslationInfo ""  (dyad codes English only)
//	16 Extras                 ""
//
// # PLOVER (plover)
//
// One JSON object per event (see [PloverEvent]): the PLOVER event type, mode
// and contexts mapped from the CAMEO code by the CAMEO table (absent where
// PLOVER has no equivalent, as for CAMEO roots 01 and 02), the actor and
// recipient with their codes, countries, text and byte offsets from the first
// mention, the event date and location, and the provenance of every mention.
//
// # CSV (csv), Parquet (parquet) and JSON Lines (jsonl)
//
// csv writes one row per event with a header row (see csvHeader); parquet
// writes the same columns, typed (see [ParquetEvent]), zstd-compressed, in
// row groups of at most 2,048 events so that memory stays bounded; jsonl
// writes the stored SCHEMA object of every article, one a line.
package export

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"dyad/internal/cameo"
	"dyad/internal/store"
)

// Format names an export format.
type Format string

// The export formats.
const (
	GDELTEvents   Format = "gdelt-events"
	GDELTMentions Format = "gdelt-mentions"
	Plover        Format = "plover"
	CSV           Format = "csv"
	JSONL         Format = "jsonl"
	Parquet       Format = "parquet"
)

// Formats lists the export formats.
func Formats() []Format { return []Format{GDELTEvents, GDELTMentions, Plover, CSV, JSONL, Parquet} }

// Options say what to export and how.
type Options struct {
	Format Format
	// From and To bound the event date, inclusive: YYYY, YYYY-MM or
	// YYYY-MM-DD; "" for no bound.
	From, To string
	// Codes is the CAMEO table the plover, csv and parquet formats map codes with;
	// nil means the built-in table.
	Codes *cameo.Table
}

// Write streams the export of st described by opt to w and returns how many
// rows (events, mentions or articles) it wrote.
func Write(ctx context.Context, st *store.Store, w io.Writer, opt Options) (int, error) {
	op := "export " + string(opt.Format)
	for _, d := range []struct{ flag, v string }{{"from", opt.From}, {"to", opt.To}} {
		if d.v != "" && !validDate(d.v) {
			return 0, fmt.Errorf("%s: --%s %q: want YYYY, YYYY-MM or YYYY-MM-DD", op, d.flag, d.v)
		}
	}
	if opt.From != "" && opt.To != "" && opt.To < opt.From {
		return 0, fmt.Errorf("%s: --to %s is before --from %s", op, opt.To, opt.From)
	}
	if opt.Codes == nil && (opt.Format == Plover || opt.Format == CSV || opt.Format == Parquet) {
		t, err := cameo.Builtin()
		if err != nil {
			return 0, fmt.Errorf("%s: %w", op, err)
		}
		opt.Codes = t
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	f := store.ExportFilter{From: opt.From, To: opt.To}
	var n int
	var err error
	switch opt.Format {
	case GDELTEvents:
		n, err = writeGDELTEvents(ctx, st, bw, f)
	case GDELTMentions:
		n, err = writeGDELTMentions(ctx, st, bw, f)
	case Plover:
		n, err = writePlover(ctx, st, bw, f, opt.Codes)
	case CSV:
		n, err = writeCSV(ctx, st, bw, f, opt.Codes)
	case JSONL:
		n, err = writeJSONL(ctx, st, bw, f)
	case Parquet:
		n, err = writeParquet(ctx, st, bw, f, opt.Codes)
	default:
		names := make([]string, 0, len(Formats()))
		for _, f := range Formats() {
			names = append(names, string(f))
		}
		return 0, fmt.Errorf("export: unknown format %q: want one of %s", opt.Format, strings.Join(names, ", "))
	}
	if err == nil {
		err = bw.Flush()
	}
	if err != nil {
		return n, fmt.Errorf("%s: %w", op, err)
	}
	return n, nil
}

// validDate reports whether s is YYYY, YYYY-MM or YYYY-MM-DD and a real date.
func validDate(s string) bool {
	for _, layout := range []string{"2006", "2006-01", "2006-01-02"} {
		if len(s) == len(layout) {
			_, err := time.Parse(layout, s)
			return err == nil
		}
	}
	return false
}

// stamp turns an RFC 3339 time into GDELT's YYYYMMDDHHMMSS (UTC); "" when
// it does not parse.
func stamp(rfc string) string {
	t, err := time.Parse(time.RFC3339, rfc)
	if err != nil {
		return ""
	}
	return t.UTC().Format("20060102150405")
}

// writeJSONL writes the stored article objects, one a line.
func writeJSONL(ctx context.Context, st *store.Store, w *bufio.Writer, f store.ExportFilter) (int, error) {
	n := 0
	err := st.EachArticle(ctx, f, func(id string, doc []byte) error {
		if len(doc) == 0 || doc[0] != '{' || bytes.IndexByte(doc, '\n') >= 0 {
			return fmt.Errorf("article %s: stored object is not one line of JSON", id)
		}
		w.Write(doc)
		if err := w.WriteByte('\n'); err != nil {
			return err
		}
		n++
		return nil
	})
	return n, err
}
