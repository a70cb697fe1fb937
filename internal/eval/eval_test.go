package eval

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"dyad/news"
	"dyad/pipeline"
)

func TestHaversine(t *testing.T) {
	tests := []struct {
		name                   string
		lat1, lon1, lat2, lon2 float64
		want, tol              float64
	}{
		{"same point", 48.86, 2.35, 48.86, 2.35, 0, 1e-9},
		{"Paris to London", 48.8566, 2.3522, 51.5074, -0.1278, 343.5, 1},
		{"one degree of latitude", 0, 0, 1, 0, 111.2, 0.1},
		{"across the antimeridian", 0, 179.5, 0, -179.5, 111.2, 0.1},
		{"antipodes", 0, 0, 0, 180, 20015.1, 1},
		{"Paris, Texas to Paris, France", 33.66, -95.56, 48.86, 2.35, 7784, 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Haversine(tt.lat1, tt.lon1, tt.lat2, tt.lon2)
			if math.Abs(got-tt.want) > tt.tol {
				t.Errorf("Haversine = %.2f km, want %.2f ± %g", got, tt.want, tt.tol)
			}
		})
	}
}

func TestOccurrences(t *testing.T) {
	text := "Niger's army met Nigeria's envoy in Niger. Georgia, not Georgian Dream; the U.S. and U.S.A. Nice is nice."
	tests := []struct {
		s    string
		want []int // the start of each occurrence
	}{
		{"Niger", []int{0, 36}}, // not in "Nigeria"
		{"Georgia", []int{43}},  // not in "Georgian"
		{"U.S.", []int{76, 85}}, // a mention ending in a mark needs no edge after it
		{"Nice", []int{92}},     // case matters
		{"nice", []int{100}},
		{"Iran", nil},
	}
	for _, tt := range tests {
		var got []int
		for _, s := range Occurrences(text, tt.s) {
			if text[s[0]:s[1]] != tt.s {
				t.Errorf("%q: span %v holds %q", tt.s, s, text[s[0]:s[1]])
			}
			got = append(got, s[0])
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Occurrences(%q) (-want +got):\n%s", tt.s, diff)
		}
	}
	if s, ok := Occurrence(text, "Niger", 2); !ok || s != (news.Span{36, 41}) {
		t.Errorf("Occurrence(Niger, 2) = %v, %v; want [36 41], true", s, ok)
	}
	if _, ok := Occurrence(text, "Niger", 3); ok {
		t.Error("Occurrence(Niger, 3) found a third")
	}
}

func TestMatch(t *testing.T) {
	tests := []struct {
		name      string
		gold, got []news.Span
		pair      []int
		exact     []bool
	}{
		{"exact", []news.Span{{0, 5}, {10, 15}}, []news.Span{{10, 15}, {0, 5}}, []int{1, 0}, []bool{true, true}},
		{"overlap", []news.Span{{0, 6}}, []news.Span{{3, 9}}, []int{0}, []bool{false}},
		{"touching is not overlapping", []news.Span{{0, 5}}, []news.Span{{5, 9}}, []int{-1}, []bool{false}},
		{"one output matches one gold", []news.Span{{0, 5}, {2, 7}}, []news.Span{{0, 7}}, []int{0, -1}, []bool{false, false}},
		{"exact first, then overlap", []news.Span{{0, 12}, {7, 12}}, []news.Span{{0, 5}, {7, 12}}, []int{0, 1}, []bool{false, true}},
		{"lost gold never matches", []news.Span{{0, 0}}, []news.Span{{0, 0}}, []int{-1}, []bool{false}},
		{"nothing found", []news.Span{{0, 5}}, nil, []int{-1}, []bool{false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pair, exact := Match(tt.gold, tt.got)
			if diff := cmp.Diff(tt.pair, pair); diff != "" {
				t.Errorf("pairs (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.exact, exact); diff != "" {
				t.Errorf("exact (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCounts(t *testing.T) {
	c := Counts{Gold: 4, Found: 5, Exact: 3, Matched: 4}
	for _, tt := range []struct {
		name      string
		got, want float64
	}{
		{"recall", c.Recall(), 0.75},
		{"precision", c.Precision(), 0.6},
		{"F1", c.F1(), 2 * 0.75 * 0.6 / 1.35},
		{"loose recall", c.LooseRecall(), 1},
		{"loose precision", c.LoosePrecision(), 0.8},
		{"empty recall", Counts{}.Recall(), 0},
		{"empty F1", Counts{}.F1(), 0},
	} {
		if math.Abs(tt.got-tt.want) > 1e-12 {
			t.Errorf("%s = %g, want %g", tt.name, tt.got, tt.want)
		}
	}
}

func f(v float64) *float64 { return &v }

func TestScorePlaces(t *testing.T) {
	text := "PARIS, Texas - Voters in Paris and Dallas. French officials in Nice."
	g := Gold{Places: []GoldPlace{
		{Text: "PARIS", Country: "USA", Lat: f(33.66), Lon: f(-95.56)},
		{Text: "Texas", Country: "USA", Lat: f(31.25), Lon: f(-99.25), KM: 400},
		{Text: "Paris", Country: "USA", Lat: f(33.66), Lon: f(-95.56)},
		{Text: "Dallas", Country: "USA", Lat: f(32.78), Lon: f(-96.80)},
		{Text: "French", Country: "FRA"},
	}}
	a, err := placeGold(g, text, text, []byte(`{}`))
	if err != nil {
		t.Fatal(err)
	}
	got := []news.Place{
		{Text: "PARIS", Span: news.Span{0, 5}, Name: "Paris", Country: "USA", Lat: 33.66, Lon: -95.55},      // right
		{Text: "Texas", Span: news.Span{7, 12}, Name: "Texas", Country: "USA", Lat: 31.0, Lon: -100.0},      // right within 400 km
		{Text: "Paris", Span: news.Span{25, 30}, Name: "Paris", Country: "FRA", Lat: 48.85, Lon: 2.35},      // found, wrong
		{Text: "French", Span: news.Span{43, 49}, Name: "France", Country: "FRA", Lat: 46, Lon: 2},          // right by country
		{Text: "Nice", Span: news.Span{63, 67}, Name: "Nice", Country: "FRA", Lat: 43.7, Lon: 7.27},         // extra
		{Text: "Dallas.", Span: news.Span{35, 42}, Name: "Dallas", Country: "USA", Lat: 32.78, Lon: -96.80}, // overlapping span
	}
	var notes []string
	s := scorePlaces(a.places, got, &notes)
	want := PlaceScore{Counts: Counts{Gold: 5, Found: 6, Exact: 4, Matched: 5}, Right: 4, CountryRight: 4}
	if diff := cmp.Diff(want, s); diff != "" {
		t.Errorf("score (-want +got):\n%s\nnotes: %q", diff, notes)
	}
	if s.Accuracy() != 0.8 || s.Recall() != 0.8 {
		t.Errorf("accuracy %g, recall %g; want 0.8, 0.8", s.Accuracy(), s.Recall())
	}
	joined := strings.Join(notes, "\n")
	for _, w := range []string{`place wrong "Paris"@25`, `place extra "Nice"@63`, `place span "Dallas"@35`} {
		if !strings.Contains(joined, w) {
			t.Errorf("notes lack %s:\n%s", w, joined)
		}
	}
}

func TestScoreTimes(t *testing.T) {
	text := "On Friday, and late on Monday, talks in March."
	g := Gold{Times: []GoldTime{{Text: "Friday", Value: "2016-07-15"}, {Text: "Monday", Value: "2016-07-11"}, {Text: "March", Value: "2016-03"}}}
	a, err := placeGold(g, text, text, []byte(`{}`))
	if err != nil {
		t.Fatal(err)
	}
	got := []news.Time{
		{Text: "Friday", Span: news.Span{3, 9}, Value: "2016-07-15"},
		{Text: "late on Monday", Span: news.Span{15, 29}, Value: "2016-07-11"},
		{Text: "March", Span: news.Span{40, 45}, Value: "2017-03"},
	}
	var notes []string
	s := scoreTimes(a.times, got, &notes)
	want := TimeScore{Counts: Counts{Gold: 3, Found: 3, Exact: 2, Matched: 3}, ValueRight: 2}
	if diff := cmp.Diff(want, s); diff != "" {
		t.Errorf("score (-want +got):\n%s\nnotes: %q", diff, notes)
	}
}

func TestActorKey(t *testing.T) {
	tests := []struct{ code, want string }{
		{"RUSGOV", "RUS"},
		{"RUS", "RUS"},
		{"SDNREBRSF", "SDN"},    // a country-based group: its country
		{"IGOUNO", "IGOUNO"},    // an IGO as is
		{"IGOUNOREF", "IGOUNO"}, // a UN agency is the UN
		{"IGOUNOIMF", "IGOUNOIMF"},
		{"IGOEUREECLEG", "IGOEUREEC"},
		{"IGOEUREECGOV", "IGOEUREEC"}, // "European Union foreign ministers"
		{"NGOHRIAMN", "NGOHRIAMN"},
		{"IMGREBISI", "IMGREBISI"},
		{"---GOV", "---"}, // an agent of no known country
		{"", ""},
	}
	for _, tt := range tests {
		if got := ActorKey(tt.code); got != tt.want {
			t.Errorf("ActorKey(%q) = %q, want %q", tt.code, got, tt.want)
		}
	}
}

func TestScoreEvents(t *testing.T) {
	gold := []GoldEvent{
		{Source: &GoldEventActor{Code: "USAGOV"}, Target: &GoldEventActor{Code: "RUSGOV"}, Root: "04"},
		{Source: &GoldEventActor{Country: "USA"}, Target: &GoldEventActor{Country: "RUS"}, Root: "04"},
		{Source: &GoldEventActor{Code: "RUSMIL"}, Root: "01"},
		{Source: &GoldEventActor{Code: "IGOUNOREF"}, Target: &GoldEventActor{Code: "SDN"}, Root: "07"},
		{Source: &GoldEventActor{Code: "ECUOPP"}, Target: &GoldEventActor{Code: "ECUBUS"}, Root: "10"},
	}
	got := []news.Event{
		{Source: &news.EventActor{Code: "USA"}, Target: &news.EventActor{Code: "RUSGOV"}, Root: "04"},
		{Source: &news.EventActor{Country: "USA"}, Target: &news.EventActor{Country: "RUS"}, Root: "04"}, // no code: its country
		{Source: &news.EventActor{Code: "RUS"}, Root: "01"},
		{Source: &news.EventActor{Code: "IGOUNO"}, Target: &news.EventActor{Code: "SDNGOV"}, Root: "07"},
		{Source: &news.EventActor{Code: "ECUGOV"}, Target: &news.EventActor{Code: "---BUS"}, Root: "10"}, // target of no country
		{Source: &news.EventActor{Code: "RUSGOV"}, Target: &news.EventActor{Code: "USAGOV"}, Root: "11"},
	}
	var notes []string
	s := scoreEvents(gold, got, &notes)
	if want := (EventScore{Gold: 5, Found: 6, Matched: 4}); s != want {
		t.Errorf("score = %+v, want %+v", s, want)
	}
	joined := strings.Join(notes, "\n")
	for _, w := range []string{"event missed ECU → ECU root 10", "event extra ECU → --- root 10", "event extra RUS → USA root 11"} {
		if !strings.Contains(joined, w) {
			t.Errorf("notes lack %q:\n%s", w, joined)
		}
	}
	if len(notes) != 3 {
		t.Errorf("notes = %q, want one missed and two extra", notes)
	}
}

func TestScoreEntities(t *testing.T) {
	text := "Lavrov met Kerry in Geneva. Moscow said the Kremlin agreed."
	g := Gold{Entities: []GoldEntity{
		{Text: "Lavrov", Type: "person", Actor: "RUSGOV"},
		{Text: "Kerry", Type: "person", Actor: "USAGOV"},
		{Text: "Geneva", Type: "place"},
		{Text: "Moscow", Type: "place", Actor: "RUSGOV"},
		{Text: "Kremlin", Type: "organization", Actor: "RUSGOV"},
	}}
	a, err := placeGold(g, text, text, []byte(`{}`))
	if err != nil {
		t.Fatal(err)
	}
	got := []news.Entity{
		{Text: "Lavrov", Span: news.Span{0, 6}, Type: "person", Actor: "RUSGOV"},       // right
		{Text: "Kerry", Span: news.Span{11, 16}, Type: "person"},                       // code missed
		{Text: "Geneva", Span: news.Span{20, 26}, Type: "place"},                       // uncoded on both sides: not in the accuracy
		{Text: "Moscow", Span: news.Span{28, 34}, Type: "place", Actor: "RUS"},         // wrong code
		{Text: "the Kremlin", Span: news.Span{40, 51}, Type: "place", Actor: "RUSGOV"}, // overlapping, wrong type
		{Text: "agreed", Span: news.Span{52, 58}, Type: "person", Actor: "USAGOV"},     // extra
	}
	var notes []string
	s := scoreEntities(a.entities, got, &notes)
	want := EntityScore{Counts: Counts{Gold: 5, Found: 6, Exact: 4, Matched: 5}, TypeRight: 4, ActorCoded: 4, ActorRight: 2}
	if diff := cmp.Diff(want, s); diff != "" {
		t.Errorf("score (-want +got):\n%s\nnotes: %q", diff, notes)
	}
	if got := s.ActorAccuracy(); got != 0.5 {
		t.Errorf("actor accuracy %g, want 0.5", got)
	}
	joined := strings.Join(notes, "\n")
	for _, w := range []string{`entity actor "Kerry"@11: dyad has none, want USAGOV`, `entity actor "Moscow"@28: dyad has RUS, want RUSGOV`,
		`entity type "Kremlin"@44: dyad has place, want organization`, `entity extra "agreed"@52`} {
		if !strings.Contains(joined, w) {
			t.Errorf("notes lack %s:\n%s", w, joined)
		}
	}
}

// TestCategories runs two small annotated articles and checks the sums per
// category and the entity and event table.
func TestCategories(t *testing.T) {
	p := testPipeline(t)
	dir := t.TempDir()
	write := func(name, body string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.txt", "MOSCOW - Russia accused Ukraine of shelling the plant on Friday.\n")
	write("a.gold.json", `{"category": "war", "published": "2024-05-10",
 "entities": [{"text": "MOSCOW", "type": "place"}, {"text": "Russia", "type": "place", "actor": "RUS"}, {"text": "Ukraine", "type": "place", "actor": "UKR"}],
 "events": [{"source": {"code": "RUS"}, "target": {"code": "UKR"}, "root": "11", "code": "112", "text": "accused"}]}`)
	write("b.txt", "ANKARA - Turkey and Greece signed a trade agreement on Monday.\n")
	write("b.gold.json", `{"category": "diplomacy", "published": "2024-05-10",
 "events": [{"source": {"code": "TUR"}, "target": {"code": "GRC"}, "root": "05"}, {"source": {"code": "GRC"}, "target": {"code": "TUR"}, "root": "05"}, {"source": {"code": "TUR"}, "target": {"code": "GRC"}, "root": "04"}]}`)
	r, err := Run(context.Background(), p, dir)
	if err != nil {
		t.Fatal(err)
	}
	war, dip := r.Categories["war"], r.Categories["diplomacy"]
	if war == nil || dip == nil || len(r.Categories) != 2 {
		t.Fatalf("categories = %v, want war and diplomacy", r.Categories)
	}
	if war.Events.Gold != 1 || dip.Events.Gold != 3 || r.Total.Events.Gold != 4 {
		t.Errorf("event gold: war %d, diplomacy %d, total %d; want 1, 3, 4", war.Events.Gold, dip.Events.Gold, r.Total.Events.Gold)
	}
	if dip.Entities != nil || war.Entities == nil || war.Entities.Gold != 3 {
		t.Errorf("entities: war %+v, diplomacy %+v", war.Entities, dip.Entities)
	}
	if r.Articles[0].Category != "war" {
		t.Errorf("article category %q, want war", r.Articles[0].Category)
	}
	var text bytes.Buffer
	if err := r.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"category", "entities", "events", "diplomacy", "(category)", "actor-code accuracy"} {
		if !strings.Contains(text.String(), w) {
			t.Errorf("table lacks %q:\n%s", w, text.String())
		}
	}
	var js bytes.Buffer
	if err := r.WriteJSON(&js); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{`"categories":{`, `"diplomacy":{`, `"actor_accuracy":`, `"category":"war"`} {
		if !strings.Contains(js.String(), w) {
			t.Errorf("JSON lacks %s:\n%s", w, js.String())
		}
	}
}

func TestGoldErrors(t *testing.T) {
	text := "MOSCOW - Russia and Georgia met on Friday."
	tests := []struct {
		name, data, want string
	}{
		{"syntax error names the line", "{\n \"places\": [\n  {\"text\": \"Russia\" \"country\": \"RUS\"}\n ]\n}", "3: invalid character"},
		{"type error names line and field", "{\n \"times\": [\n  {\"text\": \"Friday\", \"value\": 5}\n ]\n}", "3: field times.value"},
		{"unknown field", `{"place": []}`, `unknown field "place"`},
		{"text not in the article", `{"places": [{"text": "Tbilisi", "country": "GEO"}]}`, `places[0] "Tbilisi": not found in the article`},
		{"occurrence beyond the text", `{"places": [{"text": "Russia", "country": "RUS"}, {"text": "Russia", "country": "RUS"}]}`, `places[1] "Russia": occurrence 2 not found: the cleaned text has 1`},
		{"bad country", `{"places": [{"text": "Russia", "country": "RU"}]}`, `places[0] "Russia": country "RU" is not`},
		{"lat without lon", `{"places": [{"text": "MOSCOW", "country": "RUS", "lat": 55.7}]}`, `give both lat and lon`},
		{"bad time value", `{"times": [{"text": "Friday", "value": "Friday"}]}`, `times[0] "Friday": value "Friday" is not`},
		{"bad published", `{"published": "15/07/2016"}`, `published:`},
		{"quote not found", `{"quotes": [{"text": "nothing", "kind": "direct", "speaker": null}]}`, `quotes: parse gold: quote 0`},
		{"bad event root", `{"events": [{"source": {"country": "RUS"}, "target": null, "root": "4"}]}`, `events[0]: root "4"`},
		{"entity type", `{"entities": [{"text": "Russia", "type": "country"}]}`, `type "country"`},
		{"entity actor code", `{"entities": [{"text": "Russia", "type": "place", "actor": "Rus"}]}`, `actor "Rus" is not a CAMEO actor code`},
		{"event actor code", `{"events": [{"source": {"code": "RUSG"}, "target": null, "root": "04"}]}`, `actor code "RUSG"`},
		{"event side empty", `{"events": [{"source": {}, "target": null, "root": "04"}]}`, `give an actor code or a country`},
		{"event code under another root", `{"events": [{"source": {"code": "RUS"}, "target": null, "root": "04", "code": "112"}]}`, `code "112" is not a CAMEO code under root "04"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := decodeGold([]byte(tt.data))
			if err == nil {
				_, err = placeGold(g, text, text, []byte(tt.data))
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestGoldOccurrencesAndLoss(t *testing.T) {
	raw := "<p>Jordan's king met Daniel Jordan in Amman, Jordan.</p><p>Caption: Jordan</p>"
	text := "Jordan's king met Daniel Jordan in Amman, Jordan."
	data := `{"places": [{"text": "Jordan", "country": "JOR"}, {"text": "Jordan", "n": 3, "country": "JOR"}, {"text": "Jordan", "country": "JOR"}]}`
	g, err := decodeGold([]byte(data))
	if err != nil {
		t.Fatal(err)
	}
	a, err := placeGold(g, text, raw, []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	want := []located{{span: news.Span{0, 6}}, {span: news.Span{42, 48}}, {lost: true}}
	var got []located
	for _, p := range a.places {
		got = append(got, p.located)
	}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(located{})); diff != "" {
		t.Errorf("located (-want +got):\n%s", diff)
	}
	if a.times != nil || a.hasQuotes {
		t.Error("absent categories were taken as annotated")
	}
}

var (
	pipeOnce sync.Once
	pipe     *pipeline.Pipeline
	pipeErr  error
)

func testPipeline(t *testing.T) *pipeline.Pipeline {
	t.Helper()
	pipeOnce.Do(func() { pipe, pipeErr = pipeline.New(pipeline.Config{}) })
	if pipeErr != nil {
		t.Fatal(pipeErr)
	}
	return pipe
}

func TestRunDirErrors(t *testing.T) {
	p := testPipeline(t)
	dir := t.TempDir()
	write := func(name, body string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := Run(context.Background(), p, dir); err == nil || !strings.Contains(err.Error(), "no annotated articles") {
		t.Errorf("empty dir: error = %v", err)
	}
	write("a.txt", "MOSCOW - Russia and Turkey met on Friday.\n")
	write("b.txt", "Nothing here.\n")
	write("a.gold.json", "{\n \"places\": [\n  {\"text\": \"Ankara\", \"country\": \"TUR\"}\n ]\n}\n")
	write("c.gold.json", "{}")
	_, err := Run(context.Background(), p, dir)
	if err == nil {
		t.Fatal("no error")
	}
	for _, w := range []string{"b.txt: no gold file b.gold.json", "c.gold.json: no article"} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error lacks %q:\n%v", w, err)
		}
	}
	for _, name := range []string{"b.txt", "c.gold.json"} {
		if err := os.Remove(filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	_, err = Run(context.Background(), p, dir)
	if w := `a.gold.json: places[0] "Ankara": not found`; err == nil || !strings.Contains(err.Error(), w) {
		t.Errorf("error = %v, want one containing %q", err, w)
	}
	write("a.gold.json", "{\n \"places\": [\n  {\"text\": \"Russia\" \"country\": \"RUS\"}\n ]\n}\n")
	_, err = Run(context.Background(), p, dir)
	if w := "a.gold.json:3: invalid character"; err == nil || !strings.Contains(err.Error(), w) {
		t.Errorf("error = %v, want one containing %q", err, w)
	}
}

// The figures on testdata/eval after the where-when round and three more
// held-out articles (19 articles for places and times; see
// testdata/eval/README.md for the first-run and held-out figures), raised
// by the actor-code round (U.S. state abbreviations in datelines, places
// coded only as parties) and the Brussels dateline read as the EU's. They are floors: a change that lowers one fails.
// The held-out round 28–33 (six articles scored once with the code as it
// was, testdata/eval/README.md) pulled the totals of all 33 under most of
// them: those floors are now the measured totals of all 33, rounded down to
// three decimals (as n/1000); the place country accuracy and quote span F1
// floors held. Fixes of the input stages after that round raised the floors
// they moved to the new measured totals (a <time> above <article> read as
// the publication date: time recall, published; "Gulf of <Name>" and
// hyphenated toponyms kept whole: the place floors, entity F1; a quote
// introduced by a clause and a colon takes the clause's subject: quote
// speaker accuracy; "<Place>-flagged" and "-based" compounds read as
// modifiers, the ship after "-flagged" as other: entity F1). The
// story-country round (a dateline in a mediator's or host's country is a
// venue; spokesmen speak for the state that just spoke; mediators act on
// the story's two sides) raised actor-code accuracy and event F1 to its
// measured totals. The second held-out set, 34–39, added after those rounds
// as first scored, set the place, time, entity, actor-code and event floors
// to the all-39 totals; the generalisation round raised the event floor to
// its measured total.
var floors = []struct {
	name       string
	got        func(Scores) float64
	num, denom int
}{
	{"place recall", func(s Scores) float64 { return s.Places.Recall() }, 800, 829},
	{"place precision", func(s Scores) float64 { return s.Places.Precision() }, 800, 802},
	{"place accuracy within 161 km", func(s Scores) float64 { return s.Places.Accuracy() }, 797, 801},
	{"place country accuracy", func(s Scores) float64 { return s.Places.CountryAccuracy() }, 991, 1000},
	{"time recall", func(s Scores) float64 { return s.Times.Recall() }, 252, 258},
	{"time precision", func(s Scores) float64 { return s.Times.Precision() }, 252, 253},
	{"time value accuracy", func(s Scores) float64 { return s.Times.ValueAccuracy() }, 986, 1000},
	{"quote span F1", func(s Scores) float64 { return s.Quotes.F1 }, 1, 1},
	{"quote speaker accuracy", func(s Scores) float64 { return s.Quotes.SpeakerAccuracy }, 50, 51},
	{"published", func(s Scores) float64 { return ratio(s.PublishedRight, s.Published) }, 10, 10},
	// entities and events on all 45 articles (the held-out 21–24, 25–27,
	// 28–33, 34–39 and 40–45 included); F1 as 2·matched / (gold + found).
	{"entity F1", func(s Scores) float64 { return s.Entities.F1() }, 2 * 986, 1048 + 1008},
	{"entity actor-code accuracy", func(s Scores) float64 { return s.Entities.ActorAccuracy() }, 417, 504},
	{"event F1 on (source country, target country, root)", func(s Scores) float64 { return s.Events.F1() }, 2 * 263, 458 + 335},
}

func TestGoldDir(t *testing.T) {
	r, err := Run(context.Background(), testPipeline(t), "../../testdata/eval")
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Articles) < 45 {
		t.Errorf("%d articles, want at least 45", len(r.Articles))
	}
	var text, notes bytes.Buffer
	if err := r.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	if err := r.WriteNotes(&notes); err != nil {
		t.Fatal(err)
	}
	t.Logf("\n%s\n%s", text.String(), notes.String())
	for _, fl := range floors {
		floor := float64(fl.num) / float64(fl.denom)
		if got := fl.got(r.Total); got < floor-1e-9 {
			t.Errorf("%s %.3f is below its floor %.3f (%d/%d)", fl.name, got, floor, fl.num, fl.denom)
		}
	}

	var js bytes.Buffer
	if err := r.WriteJSON(&js); err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(js.Bytes(), []byte("\n")); n != 1 {
		t.Errorf("JSON report is %d lines, want 1", n)
	}
	var back map[string]any
	if err := json.Unmarshal(js.Bytes(), &back); err != nil {
		t.Fatalf("JSON report does not parse: %v", err)
	}
	for _, key := range []string{`"accuracy_161km":`, `"value_accuracy":`, `"speaker_accuracy":`, `"recall":`, `"articles":[{"name":"01_`, `"actor_accuracy":`, `"categories":{`} {
		if !bytes.Contains(js.Bytes(), []byte(key)) {
			t.Errorf("JSON report lacks %s", key)
		}
	}
}
