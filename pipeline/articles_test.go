package pipeline

import (
	"slices"
	"strings"
	"testing"

	"dyad/news"
)

// articleWant is what a reader expects of one test article after cleaning.
type articleWant struct {
	title, dateline, source, published, publishedFrom string
	headings, captions                                []string // block texts, in order
	absent                                            []string // strings the text must not contain
	once                                              []string // strings the text must contain exactly once
	firstBlock                                        news.BlockKind
	places                                            map[string]string // place text → country it must resolve to
	notPlaces                                         []string          // words that must not be taken for places
	speakers                                          map[string]string // start of a direct quote → its speaker
	persons                                           map[string]string // person entity text → its actor code
}

var articleWants = map[string]articleWant{
	"01_moscow_talks.txt": {
		dateline: "MOSCOW", published: "2017-03-03", publishedFrom: "text",
		headings: []string{"Talks in Astana", "Kurdish question"},
		captions: []string{
			"Russian Foreign Minister Sergei Lavrov (R) and Turkish Foreign Minister Mevlut Cavusoglu (L) shake hands before their talks in Moscow, Russia, March 3, 2017.",
			"FILE - Turkish army tanks are seen near the border town of Kilis, Turkey, Feb. 6, 2017. Turkey has sent reinforcements to the Syrian frontier.",
		},
		absent:     []string{"Turkey has sent reinfo\n"},
		places:     map[string]string{"Manbij": "SYR", "Ankara": "TUR", "Kilis": "TUR", "Astana": "KAZ", "MOSCOW": "RUS"},
		notPlaces:  []string{"March", "Lavrov", "Kremlin"},
		speakers:   map[string]string{"We asked our Turkish partners": "Sergei Lavrov", "The dialogue is difficult": "Dmitry Peskov"},
		persons:    map[string]string{"Sergei Lavrov": "RUSGOV", "Mevlut Cavusoglu": "TURGOV", "Lavrov": "RUSGOV"},
		once:       []string{"shake hands before their talks", "FILE - Turkish army tanks"},
		firstBlock: news.BlockCaption,
	},
	"02_washington_sanctions.txt": {
		title:    "U.S. lawmakers press for new sanctions on Iran after missile test",
		dateline: "WASHINGTON", source: "Reuters",
		absent:     []string{"Reporting by", "Related articles", "Share this", "Senators call for hearing", "Advertisement", "Facebook"},
		once:       []string{"European diplomats fear"},
		firstBlock: news.BlockTitle,
	},
	"03_kyiv_ceasefire.txt": {
		dateline: "KYIV, Ukraine", published: "2015-02-14", publishedFrom: "text",
		headings: []string{"Debaltseve"},
		captions: []string{"Ukrainian servicemen ride on an armored vehicle near the village of Shyrokyne, outside Mariupol, eastern Ukraine, Saturday, Feb. 14, 2015. (AP Photo/Evgeniy Maloletka)"},
		absent:   []string{"Leave a Reply", "Loading", "email address"},
		once:     []string{"Ukrainian servicemen ride"},
	},
	"04_gaza_talks.txt": {
		dateline: "GAZA CITY", source: "AFP",
		once: []string{"Hamas said on Wednesday it had rejected an Egyptian proposal for a long-term truce with Israel, a day after mediators in Cairo held separate talks with both sides."},
	},
	"05_nairobi_election.html": {
		title: "Kenya opposition rejects election result, calls for protests", source: "East Africa Monitor",
		published: "2017-08-11T18:40:00+03:00", publishedFrom: "metadata", dateline: "NAIROBI, Kenya",
		headings:  []string{"Observers urge calm", "A decade of disputed votes"},
		absent:    []string{"Buy cheap flights", "Share on Facebook", "Related stories", "Kenyans queue", "First! This election", "Privacy policy", "Sport", "Advertisement"},
		once:      []string{"We will not go to court this time."},
		places:    map[string]string{"Kisumu": "KEN", "NAIROBI": "KEN"},
		notPlaces: []string{"August"},
		speakers:  map[string]string{"We will not go to court": "Raila Odinga", "The people will decide": "Raila Odinga"},
	},
	"06_brussels_summit.html": {
		title: "EU leaders extend Russia sanctions for six months", source: "Continental Wire",
		published: "2016-12-15T21:12:00Z", publishedFrom: "metadata", dateline: "BRUSSELS",
		headings: []string{"Aleppo"},
		absent:   []string{"cookies", "Sign in", "Ukraine asks EU for visa-free travel", "Terms", "newsletter"},
	},
	"07_beirut_statement.json": {
		title: "Lebanon's Hariri resigns as protests paralyse the country", source: "Levant Dispatch",
		published: "2019-10-29T17:45:00+02:00", publishedFrom: "metadata", dateline: "BEIRUT, Lebanon",
		firstBlock: news.BlockTitle,
	},
	"08_wires.jsonl:1": {
		title: "Venezuela opposition leader returns to Caracas", source: "Andes Report",
		published: "2019-03-04", publishedFrom: "metadata", dateline: "CARACAS",
	},
	"08_wires.jsonl:2": {
		title: "Seoul says North Korea fired two short-range missiles", source: "Peninsula Times",
		published: "2019-05-09T08:00:00Z", publishedFrom: "metadata", dateline: "SEOUL",
	},
	"08_wires.jsonl:3": {dateline: "ADDIS ABABA", source: "Horn Observer"},
	"09_vienna_inspections.txt.gz": {
		title: "Iran and IAEA agree on inspection plan", dateline: "VIENNA, Austria", source: "AFP",
		absent: []string{"Follow us", "Copyright", "All rights reserved"},
	},
}

// TestArticles checks each test article against what a reader expects of it.
func TestArticles(t *testing.T) {
	docs, _ := codeAll(t, Config{})
	for key, want := range articleWants {
		doc, ok := docs[key]
		if !ok {
			t.Errorf("%s: not coded", key)
			continue
		}
		fields := []struct{ name, got, want string }{
			{"title", doc.Title, want.title},
			{"dateline", doc.Dateline, want.dateline},
			{"source", doc.Source, want.source},
			{"published", doc.Published, want.published},
			{"published_from", doc.PublishedFrom, want.publishedFrom},
		}
		for _, f := range fields {
			if f.got != f.want {
				t.Errorf("%s: %s = %q, want %q", key, f.name, f.got, f.want)
			}
		}
		kinds := map[news.BlockKind][]string{}
		for _, b := range doc.Blocks {
			kinds[b.Kind] = append(kinds[b.Kind], b.Span.Text(doc.Text))
		}
		if want.headings != nil && !slices.Equal(kinds[news.BlockHeading], want.headings) {
			t.Errorf("%s: headings %q, want %q", key, kinds[news.BlockHeading], want.headings)
		}
		if want.captions != nil && !slices.Equal(kinds[news.BlockCaption], want.captions) {
			t.Errorf("%s: captions %q, want %q", key, kinds[news.BlockCaption], want.captions)
		}
		for _, s := range want.absent {
			if strings.Contains(doc.Text, s) {
				t.Errorf("%s: text contains %q", key, s)
			}
		}
		for _, s := range want.once {
			if n := strings.Count(doc.Text, s); n != 1 {
				t.Errorf("%s: text has %q %d times, want once", key, s, n)
			}
		}
		if want.firstBlock != "" && (len(doc.Blocks) == 0 || doc.Blocks[0].Kind != want.firstBlock) {
			t.Errorf("%s: first block is not a %s: %+v", key, want.firstBlock, doc.Blocks)
		}
		for text, country := range want.places {
			found := false
			for _, p := range doc.Places {
				found = found || p.Text == text && p.Country == country
			}
			if !found {
				t.Errorf("%s: no place %q in %s", key, text, country)
			}
		}
		for _, p := range doc.Places {
			if slices.Contains(want.notPlaces, p.Text) {
				t.Errorf("%s: %q taken for a place (%s)", key, p.Text, p.Name)
			}
		}
		for text, code := range want.persons {
			found := false
			for _, e := range doc.Entities {
				found = found || e.Text == text && e.Type == "person" && e.Actor == code
			}
			if !found {
				t.Errorf("%s: no person %q coded %s", key, text, code)
			}
		}
		for start, speaker := range want.speakers {
			found := false
			for _, q := range doc.Quotes {
				if strings.HasPrefix(q.Text, start) {
					found = true
					if q.Speaker != speaker || q.Kind != "direct" {
						t.Errorf("%s: quote %q: %s speaker %q, want direct by %q", key, start, q.Kind, q.Speaker, speaker)
					}
				}
			}
			if !found {
				t.Errorf("%s: no quote starting %q", key, start)
			}
		}
		if doc.ID == "" || doc.Language != "en" {
			t.Errorf("%s: id %q language %q", key, doc.ID, doc.Language)
		}
	}
}
