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
