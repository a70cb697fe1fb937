package export

import (
	"bufio"
	"context"

	"github.com/parquet-go/parquet-go"

	"dyad/internal/cameo"
	"dyad/internal/store"
)

// ParquetEvent is one row of the parquet export: the columns of the csv
// export, typed. Goldstein, Lat and Lon are null when unknown; QuadClass is
// 0 when the code has none.
type ParquetEvent struct {
	ID             int64    `parquet:"id"`
	Date           string   `parquet:"date"`
	DateGrain      string   `parquet:"date_grain"`
	SourceCode     string   `parquet:"source_code"`
	SourceCountry  string   `parquet:"source_country"`
	SourceText     string   `parquet:"source_text"`
	TargetCode     string   `parquet:"target_code"`
	TargetCountry  string   `parquet:"target_country"`
	TargetText     string   `parquet:"target_text"`
	Code           string   `parquet:"code"`
	Root           string   `parquet:"root"`
	QuadClass      int32    `parquet:"quad_class"`
	Goldstein      *float64 `parquet:"goldstein,optional"`
	PloverType     string   `parquet:"plover_type"`
	PloverMode     string   `parquet:"plover_mode"`
	Modality       string   `parquet:"modality"`
	PlaceName      string   `parquet:"place_name"`
	PlaceCountry   string   `parquet:"place_country"`
	Lat            *float64 `parquet:"lat,optional"`
	Lon            *float64 `parquet:"lon,optional"`
	NumMentions    int32    `parquet:"num_mentions"`
	NumSources     int32    `parquet:"num_sources"`
	NumArticles    int32    `parquet:"num_articles"`
	FirstSeen      string   `parquet:"first_seen"`
	FirstArticleID string   `parquet:"first_article_id"`
	FirstURL       string   `parquet:"first_url"`
	FirstSentence  int32    `parquet:"first_sentence"`
	Rule           string   `parquet:"rule"`
}

// parquetRowGroup is the most rows held in memory before they are written
// out as a row group.
const parquetRowGroup = 2048

// writeParquet writes one row per event to a zstd-compressed parquet file,
// a row group at most every parquetRowGroup events.
func writeParquet(ctx context.Context, st *store.Store, w *bufio.Writer, f store.ExportFilter, codes *cameo.Table) (int, error) {
	pw := parquet.NewGenericWriter[ParquetEvent](w, parquet.MaxRowsPerRowGroup(parquetRowGroup),
		parquet.Compression(&parquet.Zstd), parquet.CreatedBy("dyad", "", ""))
	batch := make([]ParquetEvent, 0, 256)
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		_, err := pw.Write(batch)
		batch = batch[:0]
		return err
	}
	n := 0
	err := st.EachEvent(ctx, f, func(e store.ExportEvent) error {
		info, _ := codes.Lookup(e.Code)
		first := e.Mentions[0]
		batch = append(batch, ParquetEvent{
			ID: e.ID, Date: e.Date, DateGrain: e.DateGrain,
			SourceCode: e.SourceCode, SourceCountry: e.SourceCountry, SourceText: first.SourceText,
			TargetCode: e.TargetCode, TargetCountry: e.TargetCountry, TargetText: first.TargetText,
			Code: e.Code, Root: e.Root, QuadClass: int32(e.QuadClass), Goldstein: e.Goldstein,
			PloverType: info.PloverType, PloverMode: info.PloverMode, Modality: e.Modality,
			PlaceName: e.PlaceName, PlaceCountry: e.PlaceCountry, Lat: e.Lat, Lon: e.Lon,
			NumMentions: int32(e.NumMentions), NumSources: int32(e.NumSources), NumArticles: int32(e.NumArticles),
			FirstSeen: e.FirstSeen, FirstArticleID: first.ArticleID, FirstURL: first.ArticleURL,
			FirstSentence: int32(first.Sentence), Rule: first.Rule,
		})
		n++
		if len(batch) == cap(batch) {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if cerr := pw.Close(); err == nil {
		err = cerr
	}
	return n, err
}
