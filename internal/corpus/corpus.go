// Package corpus generates realistic synthetic news articles for benchmarks
// and load tests: wire-style reports with datelines, quotes, captions (some
// doubled, as scrapers leave them) and section headings, built from word
// lists and sentence templates written here. The same seed gives the same corpus.
package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"dyad/news"
)

var (
	places = []string{"MOSCOW", "WASHINGTON", "BEIJING", "KYIV, Ukraine", "GAZA CITY", "NAIROBI, Kenya",
		"BRUSSELS", "ANKARA", "TEHRAN", "CARACAS", "SEOUL", "ADDIS ABABA", "BAGHDAD", "NEW DELHI", "ISLAMABAD"}
	countries = []string{"Russia", "China", "Turkey", "Iran", "Israel", "Egypt", "Ukraine", "Kenya", "Venezuela",
		"Pakistan", "India", "Germany", "France", "Japan", "Brazil", "Nigeria", "Ethiopia", "Syria", "Iraq", "Mexico"}
	adjectives = []string{"Russian", "Chinese", "Turkish", "Iranian", "Israeli", "Egyptian", "Ukrainian", "Kenyan",
		"Venezuelan", "Pakistani", "Indian", "German", "French", "Japanese", "Brazilian", "Nigerian", "Syrian", "Iraqi"}
	roles = []string{"Foreign Minister", "President", "Prime Minister", "Defense Minister", "army chief",
		"opposition leader", "government spokesman", "Interior Minister", "ambassador"}
	firstNames = []string{"Ahmed", "Maria", "Sergei", "Li", "Fatima", "John", "Olena", "Carlos", "Amina", "Hiroshi", "Ravi", "Ngozi"}
	lastNames  = []string{"Hassan", "Petrova", "Ivanov", "Wei", "Okafor", "Smith", "Kovalenko", "Mendez", "Diallo", "Tanaka", "Sharma", "Adeyemi"}
	days       = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	months     = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	groups     = []string{"rebels", "protesters", "militants", "police", "troops", "lawmakers", "officials", "security forces"}
	issues     = []string{"the border dispute", "the cease-fire", "trade tariffs", "the nuclear program",
		"the refugee crisis", "energy supplies", "the peace talks", "sanctions", "the election results"}
	verbs = []string{"accused %s of violating %s", "urged %s to resume talks on %s", "met officials from %s to discuss %s",
		"threatened %s with new measures over %s", "praised %s for its role in %s", "rejected a proposal from %s on %s",
		"expelled two diplomats from %s after a row over %s", "signed an agreement with %s on %s",
		"warned %s against any escalation over %s", "criticised %s's handling of %s"}
	headings = []string{"Growing tension", "Talks stall", "Regional fallout", "Economic pressure", "A fragile truce", "What comes next"}
)

// Generator makes articles from a seeded random source. It is not safe for concurrent use.
type Generator struct {
	rng *rand.Rand
	n   int
}

// New returns a generator whose output depends only on seed.
func New(seed uint64) *Generator {
	return &Generator{rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
}

func (g *Generator) pick(list []string) string { return list[g.rng.IntN(len(list))] }

func (g *Generator) person() string { return g.pick(firstNames) + " " + g.pick(lastNames) }

// sentence writes one report sentence.
func (g *Generator) sentence() string {
	actor := g.pick(adjectives) + " " + g.pick(roles) + " " + g.person()
	if g.rng.IntN(3) == 0 {
		actor = g.pick(adjectives) + " " + g.pick(groups)
	}
	event := fmt.Sprintf(g.pick(verbs), g.pick(countries), g.pick(issues))
	switch g.rng.IntN(5) {
	case 0:
		return fmt.Sprintf("%q, %s said on %s.", "We will not accept "+g.pick(issues)+" as it stands", actor, g.pick(days))
	case 1:
		return fmt.Sprintf("On %s, %s %s, according to a statement from the ministry.", g.pick(days), actor, event)
	case 2:
		return fmt.Sprintf("%s %s late %s, two U.S. officials told reporters in %s.", actor, event, g.pick(days), g.pick(countries))
	default:
		return fmt.Sprintf("%s %s on %s.", actor, event, g.pick(days))
	}
}

func (g *Generator) paragraph() string {
	n := 1 + g.rng.IntN(3)
	s := make([]string, n)
	for i := range s {
		s[i] = g.sentence()
	}
	return strings.Join(s, " ")
}

func (g *Generator) caption(year int) string {
	return fmt.Sprintf("%s %s %s (L) and %s %s %s (R) shake hands in %s, %s %d, %d.",
		g.pick(adjectives), g.pick(roles), g.person(), g.pick(adjectives), g.pick(roles), g.person(),
		g.pick(countries), g.pick(months), 1+g.rng.IntN(28), year)
}

// Article returns the next article: plain text of about paragraphs paragraphs.
func (g *Generator) Article(paragraphs int) news.Article {
	g.n++
	year := 2000 + g.rng.IntN(26)
	var b strings.Builder
	if g.rng.IntN(2) == 0 { // a doubled caption, as scrapers leave them
		c := g.caption(year)
		b.WriteString(c + "\n" + c + "\n\n")
	}
	b.WriteString(g.pick(places) + " - " + g.paragraph() + "\n\n")
	for i := 1; i < paragraphs; i++ {
		if i%4 == 0 {
			b.WriteString(g.pick(headings) + "\n\n")
		}
		b.WriteString(g.paragraph() + "\n\n")
	}
	return news.Article{
		ID:     fmt.Sprintf("gen-%d", g.n),
		Format: news.FormatText,
		Body:   []byte(b.String()),
		Origin: fmt.Sprintf("generated:%d", g.n),
	}
}
