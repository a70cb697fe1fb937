package clean

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"dyad/news"
)

// Word lists for generating articles: invented names, common newswire words.
var (
	benchPlaces  = []string{"MOSCOW", "KYIV, Ukraine", "WASHINGTON (Reuters)", "GAZA CITY, Feb 3 (AFP)", "ANKARA, Turkey", "NAIROBI", "UNITED NATIONS, July 5 (Reuters)"}
	benchPeople  = []string{"Foreign Minister Anna Berg", "President Tomas Vidal", "spokesman Ilya Marek", "envoy Sara Lind", "General Omar Haddad", "Senator Ruth Cole"}
	benchVerbs   = []string{"said", "told reporters", "warned", "insisted", "denied", "announced", "added"}
	benchObjects = []string{"the talks would continue next week", "the ceasefire was holding in most areas", "no agreement had been reached on prisoners", "aid convoys would resume on Monday", "the sanctions were counterproductive", "the border crossing would reopen"}
	benchExtras  = []string{"according to officials in the capital", "after a day of closed-door meetings", "in a statement late on Thursday", "despite mounting pressure from allies", "as fighting flared in the east"}
)

// benchSentence makes one newswire sentence, with curly quotes now and then.
func benchSentence(r *rand.Rand) string {
	p := benchPeople[r.IntN(len(benchPeople))]
	s := fmt.Sprintf("%s %s %s, %s.", p, benchVerbs[r.IntN(len(benchVerbs))], benchObjects[r.IntN(len(benchObjects))], benchExtras[r.IntN(len(benchExtras))])
	if r.IntN(4) == 0 {
		s = "“" + strings.TrimSuffix(benchObjects[r.IntN(len(benchObjects))], ".") + ",” " + p + " said."
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// benchArticle generates a scraped wire report of about n bytes: doubled and
// truncated captions, a dateline, headings, paragraphs, an advertisement
// label and trailing boilerplate.
func benchArticle(r *rand.Rand, n int) string {
	var sb strings.Builder
	caption := fmt.Sprintf("%s (L) shakes hands with %s (R) in Geneva, Switzerland, March %d, 2021.", benchPeople[r.IntN(3)], benchPeople[3+r.IntN(3)], 1+r.IntN(28))
	sb.WriteString(caption + "\n" + caption + "\n\n")
	sb.WriteString(benchPlaces[r.IntN(len(benchPlaces))] + " - " + benchSentence(r) + " " + benchSentence(r) + "\n\n")
	for para := 0; sb.Len() < n; para++ {
		switch {
		case para%7 == 3:
			c := "FILE - Soldiers patrol a street near the front line as " + benchObjects[r.IntN(len(benchObjects))] + "."
			sb.WriteString(c[:40] + "\n" + c + "\n\n")
		case para%7 == 5:
			sb.WriteString("Talks in the balance\n\n")
		case para%11 == 9:
			sb.WriteString("Advertisement\n\n")
		default:
			for k := 1 + r.IntN(3); k > 0; k-- {
				sb.WriteString(benchSentence(r))
				if k > 1 {
					sb.WriteByte(' ')
				}
			}
			sb.WriteString("\u00a0\n\n")
		}
	}
	sb.WriteString("Related articles\nTalks Stall Again\nEnvoys Trade Blame\n\nLeave a Reply\n")
	return sb.String()
}

// benchCorpus generates count articles of about size bytes each.
func benchCorpus(count, size int) ([]news.Article, int) {
	r := rand.New(rand.NewPCG(1, 2))
	as := make([]news.Article, count)
	total := 0
	for i := range as {
		body := benchArticle(r, size)
		as[i] = news.Article{Body: []byte(body), Format: news.FormatText}
		total += len(body)
	}
	return as, total
}

// BenchmarkClean measures cleaning a generated corpus of scraped wire
// reports (about 1 MB); the whole chain needs 30+ MB/s from the cleaner.
func BenchmarkClean(b *testing.B) {
	as, total := benchCorpus(200, 5000)
	b.SetBytes(int64(total))
	b.ReportAllocs()
	for b.Loop() {
		for _, a := range as {
			if _, err := Clean(a, Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkCleanPathological measures a body made to stress the cleaner:
// thousands of inline link lines, duplicates and truncated copies.
func BenchmarkCleanPathological(b *testing.B) {
	var sb strings.Builder
	long := strings.Repeat("The delegates argued late into the night about the wording of the text. ", 3)
	for i := 0; i < 2000; i++ {
		fmt.Fprintf(&sb, "Read more: item %d\n\n%s\n\n%s%d\n\nThe delegates argued late\nThe delegates argued late into\n", i, long, long, i)
	}
	a := news.Article{Body: []byte(sb.String()), Format: news.FormatText}
	b.SetBytes(int64(sb.Len()))
	for b.Loop() {
		if _, err := Clean(a, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func TestBenchCorpus(t *testing.T) {
	as, _ := benchCorpus(3, 3000)
	for _, a := range as {
		d, err := Clean(a, Options{})
		if err != nil {
			t.Fatal(err)
		}
		checkDoc(t, d)
		checkIdempotent(t, d)
		if d.Dateline == "" || d.Published == "" || len(d.Warnings) < 2 {
			t.Errorf("generated article not cleaned as expected: dateline %q, published %q, warnings %q", d.Dateline, d.Published, d.Warnings)
		}
	}
}
