package corpus

import (
	"strings"
	"testing"
)

func TestDeterministic(t *testing.T) {
	a, b := New(7), New(7)
	for range 5 {
		x, y := a.Article(8), b.Article(8)
		if string(x.Body) != string(y.Body) || x.ID != y.ID {
			t.Fatalf("same seed, different articles:\n%s\n%s", x.Body, y.Body)
		}
	}
	if string(New(7).Article(8).Body) == string(New(8).Article(8).Body) {
		t.Error("different seeds gave the same article")
	}
}

func TestArticleShape(t *testing.T) {
	g := New(1)
	for range 20 {
		a := g.Article(10)
		paras := strings.Split(strings.TrimSpace(string(a.Body)), "\n\n")
		if len(paras) < 10 {
			t.Errorf("%s: %d blocks, want at least 10", a.ID, len(paras))
		}
		if !strings.Contains(string(a.Body), " - ") {
			t.Errorf("%s: no dateline", a.ID)
		}
	}
}

func TestMetadata(t *testing.T) {
	g := New(2)
	for range 20 {
		a := g.Article(6)
		if a.Source == "" || a.Title == "" || a.URL == "" || len(a.Published) != len("2006-01-02T15:04:05Z") {
			t.Errorf("%s: metadata %q %q %q %q", a.ID, a.Source, a.Title, a.URL, a.Published)
		}
		body := string(a.Body)
		if !strings.Contains(body, "("+a.Source+") - ") {
			t.Errorf("%s: no dateline naming %s", a.ID, a.Source)
		}
		if strings.Count(body, "\"") < 2 {
			t.Errorf("%s: no quote", a.ID)
		}
		if !strings.Contains(body, "(Reporting by ") {
			t.Errorf("%s: no credit line", a.ID)
		}
	}
}

func TestCopy(t *testing.T) {
	g := New(5)
	a := g.Article(10)
	for range 10 {
		c := g.Copy(a)
		if c.ID == a.ID || c.Source == a.Source || c.Title == a.Title || c.Published[:10] != a.Published[:10] {
			t.Errorf("copy %s of %s: %q %q %q", c.ID, a.ID, c.Source, c.Title, c.Published)
		}
		// The lead survives; at most one paragraph is cut; boilerplate is added.
		paras := strings.Split(strings.TrimSpace(string(a.Body)), "\n\n")
		copied := strings.Split(strings.TrimSpace(string(c.Body)), "\n\n")
		kept := 0
		for _, p := range paras {
			if strings.Contains(string(c.Body), p) {
				kept++
			}
		}
		if kept < len(paras)-1 || len(copied) < len(paras) || !strings.Contains(string(c.Body), paras[0]) && !strings.Contains(string(c.Body), paras[1]) {
			t.Errorf("copy %s keeps %d of %d paragraphs (%d in all)", c.ID, kept, len(paras), len(copied))
		}
	}
}

func TestNextMixesCopies(t *testing.T) {
	g := New(9)
	bodies := map[string]string{}
	copies := 0
	for range 200 {
		a := g.Next(8)
		if strings.HasPrefix(a.Title, "UPDATE 1-") {
			copies++
		}
		bodies[a.ID] = string(a.Body)
	}
	if len(bodies) != 200 {
		t.Errorf("%d distinct ids in 200 articles", len(bodies))
	}
	if copies < 5 || copies > 40 {
		t.Errorf("%d copies in 200 articles, want about 20", copies)
	}
}
