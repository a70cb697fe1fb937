package store_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"dyad/internal/store"
	"dyad/news"
	"dyad/pipeline"
)

// syndicated codes the articles of testdata/syndicated: one wire story
// (original.json), three copies of it on other sites or the same one
// (variant_*.json: other boilerplate and headlines, a paragraph cut, a day
// later, a word changed) and another outlet's own report on the same talks
// (unrelated.json). All written for this test.
func syndicated(t *testing.T) map[string]news.Document {
	t.Helper()
	p, err := pipeline.New(pipeline.Config{})
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string]news.Document{}
	for _, name := range []string{"original", "variant_a", "variant_b", "variant_c", "unrelated"} {
		path := filepath.Join("testdata", "syndicated", name+".json")
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var rec struct{ ID, Source, URL, Published, Title, Text string }
		if err := json.Unmarshal(raw, &rec); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		doc, err := p.Process(context.Background(), news.Article{ID: rec.ID, Source: rec.Source, URL: rec.URL,
			Published: rec.Published, Title: rec.Title, Format: news.FormatText, Body: []byte(rec.Text), Origin: path})
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if len(doc.Events) == 0 {
			t.Fatalf("%s: no events coded", path)
		}
		docs[name] = doc
	}
	return docs
}

// permutations is every order of names.
func permutations(names []string) [][]string {
	if len(names) <= 1 {
		return [][]string{append([]string{}, names...)}
	}
	var out [][]string
	for i := range names {
		rest := append(append([]string{}, names[:i]...), names[i+1:]...)
		for _, p := range permutations(rest) {
			out = append(out, append([]string{names[i]}, p...))
		}
	}
	return out
}

// storyEvents describes the stored events as "code source>target
// mentions/articles/sources", sorted, with the ids of the articles reporting each.
func storyEvents(t *testing.T, s *store.Store) []string {
	t.Helper()
	ctx := context.Background()
	var out []string
	for _, e := range events(t, s, store.EventFilter{Limit: 1000}) {
		full, _, err := s.Event(ctx, e.ID)
		if err != nil {
			t.Fatal(err)
		}
		arts := map[string]bool{}
		for _, m := range full.Mentions {
			arts[m.ArticleID] = true
		}
		var ids []string
		for id := range arts {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		out = append(out, fmt.Sprintf("%s %s>%s %s %d/%d/%d %s", e.Code, e.SourceCode, e.TargetCode, e.Modality,
			e.NumMentions, e.NumArticles, e.NumSources, strings.Join(ids, ",")))
	}
	sort.Strings(out)
	return out
}

// TestSyndicatedCopies saves a story, three copies and an unrelated report
// in every order and checks that the copies are recognised and add mentions
// to the story's events, not events, and the same ones whatever the order.
func TestSyndicatedCopies(t *testing.T) {
	ctx := context.Background()
	docs := syndicated(t)
	story := map[string]bool{"wire-original": true, "coastpost-lake": true, "highland-lake": true, "wire-original-update": true}
	var first []string
	var firstOrder []string
	for n, order := range permutations([]string{"original", "variant_a", "variant_b", "variant_c", "unrelated"}) {
		if n%3 != 0 || testing.Short() && n%12 != 0 { // a third of the orders (a twelfth with -short) keep the test quick
			continue
		}
		s, err := store.Open(ctx, filepath.Join(t.TempDir(), fmt.Sprintf("%d.db", n)))
		if err != nil {
			t.Fatal(err)
		}
		stored := map[string]bool{}
		for _, name := range order {
			d := docs[name]
			sv := save(t, s, d, "")
			dup, isDup, err := s.Duplicate(ctx, d.ID)
			if err != nil {
				t.Fatal(err)
			}
			if isDup != (dup.Of != "") || sv.DuplicateOf != dup.Of {
				t.Errorf("%v: %s: saved as copy of %q, stored as %+v", order, d.ID, sv.DuplicateOf, dup)
			}
			storySeen := false
			for id := range stored {
				storySeen = storySeen || story[id]
			}
			switch {
			case !story[d.ID] && isDup:
				t.Errorf("%v: the unrelated report %s is a copy of %s (%.2f)", order, d.ID, dup.Of, dup.Similarity)
			case story[d.ID] && storySeen && (!isDup || !story[dup.Of] || dup.Similarity < 0.5):
				t.Errorf("%v: %s not recognised as a copy: %+v", order, d.ID, dup)
			case story[d.ID] && !storySeen && isDup:
				t.Errorf("%v: the story's first article %s is a copy of %s", order, d.ID, dup.Of)
			case story[d.ID] && sv.NewEvents > 0 && storySeen && d.ID != "wire-original":
				// Only the original reports events (its headline's) that its copies do not.
				t.Errorf("%v: the copy %s created %d events", order, d.ID, sv.NewEvents)
			}
			stored[d.ID] = true
		}
		if n == 0 {
			checkStoryCounts(t, s, story)
		}
		got := storyEvents(t, s)
		copies, err := s.Copies(ctx, "wire-original")
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]string{"coastpost-lake", "highland-lake", "wire-original-update"}, copies); diff != "" {
			t.Errorf("%v: copies (-want +got):\n%s", order, diff)
		}
		listed, err := s.Articles(ctx, store.ArticleFilter{})
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range listed {
			if dup, _, _ := s.Duplicate(ctx, a.ID); a.DuplicateOf != dup.Of {
				t.Errorf("%v: %s listed as a copy of %q, stored as one of %q", order, a.ID, a.DuplicateOf, dup.Of)
			}
		}
		s.Close()
		if first == nil {
			first, firstOrder = got, order
			continue
		}
		if diff := cmp.Diff(first, got); diff != "" {
			t.Errorf("events after saving in order %v differ from order %v (-first +this):\n%s", order, firstOrder, diff)
		}
	}
	t.Logf("events:\n%s", strings.Join(first, "\n"))
}

// checkStoryCounts checks that the copies add no event the original does
// not report, and that each event all four report has four mentions, four
// articles and three sources (the wire's own update is no new source), plus
// one of each for the other report when it reports the event too.
func checkStoryCounts(t *testing.T, s *store.Store, story map[string]bool) {
	t.Helper()
	all := 0
	for _, e := range events(t, s, store.EventFilter{Limit: 1000}) {
		full, _, err := s.Event(context.Background(), e.ID)
		if err != nil {
			t.Fatal(err)
		}
		arts, others := map[string]bool{}, map[string]bool{}
		for _, m := range full.Mentions {
			if story[m.ArticleID] {
				arts[m.ArticleID] = true
			} else {
				others[m.ArticleID] = true // the other report, of another outlet
			}
		}
		if len(arts) > 0 && !arts["wire-original"] {
			t.Errorf("event %s %s>%s reported by copies %v but not by the original", e.Code, e.SourceCode, e.TargetCode, arts)
		}
		if len(arts) == 4 {
			all++
			x := len(others)
			if e.NumArticles != 4+x || e.NumSources != 3+x || e.NumMentions != 4+x {
				t.Errorf("event %s %s>%s: %d mentions, %d articles, %d sources; want %d, %d, %d",
					e.Code, e.SourceCode, e.TargetCode, e.NumMentions, e.NumArticles, e.NumSources, 4+x, 4+x, 3+x)
			}
		}
	}
	if all < 6 {
		t.Errorf("only %d events reported by the story and all its copies", all)
	}
}

// TestCopyResaved checks that a copy re-saved with a text of its own is no
// longer a copy, and that its old signature no longer finds it.
func TestCopyResaved(t *testing.T) {
	ctx := context.Background()
	docs := syndicated(t)
	s := open(t)
	save(t, s, docs["original"], "")
	copyDoc := docs["variant_a"]
	if sv := save(t, s, copyDoc, ""); sv.DuplicateOf != "wire-original" || sv.NewEvents != 0 || sv.Similarity < 0.8 {
		t.Fatalf("copy saved as %+v", sv)
	}
	// The same id now carries the unrelated report's text.
	other := docs["unrelated"]
	other.ID = copyDoc.ID
	if sv := save(t, s, other, ""); sv.DuplicateOf != "" {
		t.Errorf("re-saved with another text, still a copy of %s", sv.DuplicateOf)
	}
	if _, ok, err := s.Duplicate(ctx, copyDoc.ID); ok || err != nil {
		t.Errorf("duplicate link kept: %v, %v", ok, err)
	}
	// A copy saved now finds the original only, not the old text's signature.
	if sv := save(t, s, docs["variant_c"], ""); sv.DuplicateOf != "wire-original" {
		t.Errorf("copy saved as %+v", sv)
	}
	if copies, _ := s.Copies(ctx, "wire-original"); len(copies) != 1 || copies[0] != "wire-original-update" {
		t.Errorf("copies %v", copies)
	}
}

// TestCopyKeepsEventsApart checks that a copy reporting two events the
// story tells apart, one of them under a key an earlier copy already tied to
// the story, keeps them apart: no event of the story is merged into another.
func TestCopyKeepsEventsApart(t *testing.T) {
	text := strings.Repeat("The foreign ministers of both countries met twice this week in the capital to discuss the cease-fire, the exchange of prisoners and the reopening of the border crossings closed since the spring. ", 3)
	s := open(t)
	// The story: two meetings, on the 14th and the 10th.
	save(t, s, doc("story", "Wire", text, ev("USA", "RUS", "040", "2016-07-14"), ev("USA", "RUS", "040", "2016-07-10")), "")
	// A copy dates one meeting the 13th: it joins the first stored of the two.
	if sv := save(t, s, doc("copy-1", "Daily", text, ev("USA", "RUS", "040", "2016-07-13")), ""); sv.DuplicateOf != "story" || sv.NewEvents != 0 {
		t.Fatalf("first copy saved as %+v", sv)
	}
	// Another copy has both the 14th and the 13th: the same event twice.
	if sv := save(t, s, doc("copy-2", "Post", text, ev("USA", "RUS", "040", "2016-07-14"), ev("USA", "RUS", "040", "2016-07-13")), ""); sv.DuplicateOf == "" || sv.NewEvents != 0 {
		t.Fatalf("second copy saved as %+v", sv)
	}
	var got []string
	for _, e := range events(t, s, store.EventFilter{}) {
		got = append(got, fmt.Sprintf("%s %d/%d/%d", e.Date, e.NumMentions, e.NumArticles, e.NumSources))
	}
	if diff := cmp.Diff([]string{"2016-07-14 4/3/3", "2016-07-10 1/1/1"}, got); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
	// A later report under the copy's key merges into the story's event.
	if sv := save(t, s, doc("later", "Herald", "Short.", ev("USA", "RUS", "040", "2016-07-13")), ""); sv.NewEvents != 0 || sv.DuplicateOf != "" {
		t.Errorf("later report saved as %+v", sv)
	}
}

// TestCopyWindow: the same text published weeks after the story is a rerun
// that reports new events, not a copy; a week apart it still is a copy.
func TestCopyWindow(t *testing.T) {
	docs := syndicated(t)
	s := open(t)
	save(t, s, docs["original"], "")
	late := docs["variant_a"]
	late.Published = "2099-01-01"
	if sv := save(t, s, late, ""); sv.DuplicateOf != "" {
		t.Errorf("a copy published long after the story was taken for a copy of %s", sv.DuplicateOf)
	}
	soon := docs["variant_c"]
	if sv := save(t, s, soon, ""); sv.DuplicateOf != "wire-original" {
		t.Errorf("a copy published within days was saved as %+v", sv)
	}
}
