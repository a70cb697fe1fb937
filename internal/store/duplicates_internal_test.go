package store

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"dyad/internal/dedup"
	"dyad/news"
)

// TestHotBucket checks that a bucket many articles share finds no
// candidates and takes no more articles, while the others are recorded.
func TestHotBucket(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "hot.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	text := strings.Repeat("Officials from the two governments met on Monday to review the grain corridor, the prisoner exchange and the monitoring mission along the river. ", 4)
	doc := news.Document{ID: "new", Text: text, Blocks: []news.Block{{Kind: news.BlockParagraph, Span: news.Span{0, len(text)}}}}
	buckets := dedup.Buckets(dedup.Document(doc))
	hot := buckets[3]
	for i := range hotBucket {
		if _, err := s.db.ExecContext(ctx, `INSERT INTO article_bands (bucket, article_id) VALUES (?, ?)`, hot, fmt.Sprintf("other-%d", i)); err != nil {
			t.Fatal(err)
		}
	}
	sv, err := s.SaveArticle(ctx, doc, "")
	if err != nil {
		t.Fatal(err)
	}
	if sv.DuplicateOf != "" {
		t.Errorf("a copy of %s through a hot bucket", sv.DuplicateOf)
	}
	count := func(q string, args ...any) int {
		var n int
		if err := s.db.QueryRowContext(ctx, q, args...).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := count(`SELECT COUNT(*) FROM article_bands WHERE bucket = ?`, hot); n != hotBucket {
		t.Errorf("hot bucket holds %d articles, want %d", n, hotBucket)
	}
	if n := count(`SELECT COUNT(*) FROM article_bands WHERE article_id = 'new'`); n != dedup.Bands-1 {
		t.Errorf("%d buckets recorded, want %d", n, dedup.Bands-1)
	}
	// Re-saving with another text forgets them all.
	doc.Text += " Updated."
	doc.Blocks[0].Span[1] = len(doc.Text)
	if _, err := s.SaveArticle(ctx, doc, ""); err != nil {
		t.Fatal(err)
	}
	want := 0
	for _, b := range dedup.Buckets(dedup.Document(doc)) {
		if b != hot {
			want++
		}
	}
	if n := count(`SELECT COUNT(*) FROM article_bands WHERE article_id = 'new'`); n != want {
		t.Errorf("after re-saving, %d buckets recorded, want %d (the old ones forgotten)", n, want)
	}
}
