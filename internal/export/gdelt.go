package export

import (
	"bufio"
	"context"
	"fmt"
	"math"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"dyad/internal/store"
	"dyad/news"
)

// GDELTEventColumns is the number of columns of a GDELT 2.0 event row.
const GDELTEventColumns = 61

// GDELTMentionColumns is the number of columns of a GDELT 2.0 mention row.
const GDELTMentionColumns = 16

// cameoRoles are the CAMEO role ("type") codes an actor code may carry
// after its country or group part.
var cameoRoles = map[string]bool{
	"GOV": true, "MIL": true, "REB": true, "OPP": true, "PTY": true, "COP": true, "JUD": true, "SPY": true,
	"MED": true, "EDU": true, "BUS": true, "CRM": true, "CVL": true, "LAB": true, "LEG": true, "HLH": true,
	"REF": true, "MOD": true, "RAD": true, "AGR": true, "DEV": true, "ELI": true, "ENV": true, "HRI": true,
	"IGO": true, "INS": true, "NGO": true, "NGM": true, "SEP": true, "SET": true, "UAF": true, "REL": true,
	"BNK": true, "IMG": true, "UIS": true, "MNC": true,
}

// cameoReligions are the CAMEO religion codes.
var cameoReligions = map[string]bool{
	"CHR": true, "CTH": true, "ORT": true, "PRO": true, "MOS": true, "SHI": true, "SUN": true, "SFI": true,
	"JEW": true, "BUD": true, "HIN": true, "SIK": true, "JAN": true, "DRZ": true, "BAH": true, "CON": true,
}

// actorParts are the GDELT columns an actor code splits into.
type actorParts struct {
	country, group string
	religion       [2]string
	types          [3]string
}

// splitActor splits a CAMEO actor code into GDELT's columns: the country
// (the actor's known country when the code starts with it), then each
// three-letter part as a role, a religion or, for the last part that is
// neither, the known group.
func splitActor(code, country string) actorParts {
	var p actorParts
	p.country = country
	rest := code
	if country != "" && strings.HasPrefix(rest, country) {
		rest = rest[len(country):]
	}
	nt, nr := 0, 0
	for len(rest) > 0 {
		n := min(3, len(rest))
		part := rest[:n]
		rest = rest[n:]
		switch {
		case strings.Trim(part, "-") == "": // "---": CAMEO's unknown country
		case cameoRoles[part]:
			if nt < len(p.types) {
				p.types[nt] = part
				nt++
			}
		case cameoReligions[part]:
			if nr < len(p.religion) {
				p.religion[nr] = part
				nr++
			}
		default:
			p.group = part
		}
	}
	return p
}

// tsv writes one row of tab-separated fields, with tabs and line breaks
// inside a field turned into spaces (GDELT files have no quoting).
func tsv(w *bufio.Writer, fields []string) error {
	for i, f := range fields {
		if i > 0 {
			w.WriteByte('\t')
		}
		if strings.ContainsAny(f, "\t\r\n") {
			f = strings.NewReplacer("\t", " ", "\r", " ", "\n", " ").Replace(f)
		}
		w.WriteString(f)
	}
	return w.WriteByte('\n')
}

func float(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func floatPtr(v *float64) string {
	if v == nil {
		return ""
	}
	return float(*v)
}

// dateColumns are SQLDATE, MonthYear, Year and FractionDate for a stored
// event date, each "" when the date is coarser.
func dateColumns(date string) (day, month, year, fraction string) {
	if len(date) >= 10 {
		if t, err := time.Parse("2006-01-02", date[:10]); err == nil {
			frac := float64(int(t.Month())*30+t.Day()) / 365
			return t.Format("20060102"), t.Format("200601"), t.Format("2006"),
				strconv.FormatFloat(float64(t.Year())+math.Min(frac, 0.9999), 'f', 4, 64)
		}
	}
	if len(date) == 7 {
		if t, err := time.Parse("2006-01", date); err == nil {
			return "", t.Format("200601"), t.Format("2006"), ""
		}
	}
	if len(date) >= 4 {
		if _, err := strconv.Atoi(date[:4]); err == nil && (len(date) == 4 || date[4] == '-') {
			return "", "", date[:4], ""
		}
	}
	return "", "", "", ""
}

// geoType is GDELT's ActionGeo_Type for a gazetteer feature and country.
func geoType(feature, country string) string {
	usa := country == "USA"
	switch feature {
	case "country":
		return "1"
	case "admin1":
		if usa {
			return "2"
		}
		return "5"
	default:
		if usa {
			return "3"
		}
		return "4"
	}
}

// citation identifies an article without a URL: "outlet, title (id)".
func citation(m store.ExportMention) string {
	var parts []string
	for _, p := range []string{m.ArticleSource, m.ArticleTitle} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.TrimSpace(strings.Join(parts, ", ") + " (" + m.ArticleID + ")")
}

// webURL reports whether u is an absolute http(s) URL, and its host.
func webURL(u string) (host string, ok bool) {
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return "", false
	}
	return strings.TrimPrefix(strings.ToLower(p.Hostname()), "www."), true
}

// writeGDELTEvents writes one 61-column row per event.
func writeGDELTEvents(ctx context.Context, st *store.Store, w *bufio.Writer, f store.ExportFilter) (int, error) {
	n := 0
	row := make([]string, GDELTEventColumns)
	outlines := newOutlineCache(st, 64)
	err := st.EachEvent(ctx, f, func(e store.ExportEvent) error {
		first := e.Mentions[0]
		outline, err := outlines.get(ctx, first.ArticleID)
		if err != nil {
			return err
		}
		for i := range row {
			row[i] = ""
		}
		row[0] = strconv.FormatInt(e.ID, 10)
		row[1], row[2], row[3], row[4] = dateColumns(e.Date)
		actor := func(at int, code, country, text string, sp *news.Span) {
			if code == "" && text == "" {
				return
			}
			p := splitActor(code, country)
			name := text
			if sp != nil {
				if n := outline.EntityName(*sp, code); n != "" {
					name = n
				}
			}
			row[at] = code
			row[at+1] = strings.ToUpper(name)
			row[at+2] = p.country
			row[at+3] = p.group
			row[at+5], row[at+6] = p.religion[0], p.religion[1]
			row[at+7], row[at+8], row[at+9] = p.types[0], p.types[1], p.types[2]
		}
		actor(5, e.SourceCode, e.SourceCountry, first.SourceText, first.SourceSpan)
		actor(15, e.TargetCode, e.TargetCountry, first.TargetText, first.TargetSpan)
		row[25] = "0"
		if outline.Lead(first.Sentence) {
			row[25] = "1"
		}
		row[26] = e.Code
		row[27] = e.Code
		if len(e.Code) > 3 {
			row[27] = e.Code[:3]
		}
		row[28] = e.Root
		if e.QuadClass != 0 {
			row[29] = strconv.Itoa(e.QuadClass)
		}
		row[30] = floatPtr(e.Goldstein)
		row[31] = strconv.Itoa(e.NumMentions)
		row[32] = strconv.Itoa(e.NumSources)
		row[33] = strconv.Itoa(e.NumArticles)
		if e.PlaceName != "" {
			row[51] = geoType(e.PlaceFeature, e.PlaceCountry)
			row[52] = e.PlaceName
			row[56], row[57] = floatPtr(e.Lat), floatPtr(e.Lon)
		}
		row[59] = stamp(e.FirstSeen)
		if _, ok := webURL(first.ArticleURL); ok {
			row[60] = first.ArticleURL
		} else {
			row[60] = citation(first)
		}
		if err := tsv(w, row); err != nil {
			return err
		}
		n++
		return nil
	})
	return n, err
}

// charOffset is the byte offset off of text as a count of characters;
// "" when there is no span or it does not fit the text.
func charOffset(text string, sp *news.Span) string {
	if sp == nil || sp[0] < 0 || sp[0] > len(text) {
		return ""
	}
	return strconv.Itoa(utf8.RuneCountInString(text[:sp[0]]))
}

// writeGDELTMentions writes one 16-column row per mention.
func writeGDELTMentions(ctx context.Context, st *store.Store, w *bufio.Writer, f store.ExportFilter) (int, error) {
	n := 0
	row := make([]string, GDELTMentionColumns)
	// Mentions come grouped by article: count each article's characters once.
	lastArticle, docLen := "", ""
	err := st.EachMention(ctx, f, func(m store.ExportMention) error {
		if m.ArticleID != lastArticle {
			lastArticle, docLen = m.ArticleID, strconv.Itoa(utf8.RuneCountInString(m.Text))
		}
		for i := range row {
			row[i] = ""
		}
		row[0] = strconv.FormatInt(m.EventID, 10)
		row[1] = stamp(m.EventFirstSeen)
		row[2] = stamp(m.ArticleIngested)
		if host, ok := webURL(m.ArticleURL); ok {
			row[3], row[4], row[5] = "1", host, m.ArticleURL
		} else {
			row[3], row[4], row[5] = "2", m.ArticleSource, citation(m)
		}
		row[6] = strconv.Itoa(m.Sentence + 1)
		row[7] = charOffset(m.Text, m.SourceSpan)
		row[8] = charOffset(m.Text, m.TargetSpan)
		row[9] = charOffset(m.Text, m.VerbSpan)
		row[10] = "1"
		row[11] = strconv.Itoa(int(math.Round(m.Confidence * 100)))
		row[12] = docLen
		if err := tsv(w, row); err != nil {
			return fmt.Errorf("mention of event %d in %s: %w", m.EventID, m.ArticleID, err)
		}
		n++
		return nil
	})
	return n, err
}

// outlineCache keeps the outlines of the last articles read, at most size
// of them: events of one day often come from the same few articles.
type outlineCache struct {
	st    *store.Store
	size  int
	byID  map[string]store.Outline
	order []string // ids, oldest first
}

func newOutlineCache(st *store.Store, size int) *outlineCache {
	return &outlineCache{st: st, size: size, byID: map[string]store.Outline{}}
}

func (c *outlineCache) get(ctx context.Context, id string) (store.Outline, error) {
	if o, ok := c.byID[id]; ok {
		return o, nil
	}
	o, _, err := c.st.ArticleOutline(ctx, id)
	if err != nil {
		return store.Outline{}, err
	}
	if len(c.order) == c.size {
		delete(c.byID, c.order[0])
		c.order = c.order[1:]
	}
	c.byID[id] = o
	c.order = append(c.order, id)
	return o, nil
}
