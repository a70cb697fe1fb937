// Package corpus generates realistic synthetic news articles for benchmarks
// and load tests: wire-style reports with a headline, an outlet, a
// publication date, a dateline, a lead, direct and partial quotes with their
// speakers, background paragraphs with places, dates and figures, section
// headings, photo captions (some doubled, as scrapers leave them) and a
// trailing credit line; and, with Next, a stream in which some articles are
// syndicated copies of earlier ones (another outlet's boilerplate, a
// reworded headline, a paragraph cut), as a news feed carries them. Built
// from word lists and sentence templates written here. The same seed gives
// the same corpus.
package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"dyad/news"
)

// place is a city with its country, as a dateline and a sentence name them.
type place struct{ city, country string }

var (
	places = []place{{"Moscow", "Russia"}, {"Kyiv", "Ukraine"}, {"Kharkiv", "Ukraine"}, {"Beijing", "China"},
		{"Ankara", "Turkey"}, {"Istanbul", "Turkey"}, {"Tehran", "Iran"}, {"Jerusalem", "Israel"}, {"Cairo", "Egypt"},
		{"Alexandria", "Egypt"}, {"Nairobi", "Kenya"}, {"Mombasa", "Kenya"}, {"Caracas", "Venezuela"},
		{"Islamabad", "Pakistan"}, {"Karachi", "Pakistan"}, {"New Delhi", "India"}, {"Berlin", "Germany"},
		{"Paris", "France"}, {"Tokyo", "Japan"}, {"Brasilia", "Brazil"}, {"Abuja", "Nigeria"}, {"Lagos", "Nigeria"},
		{"Addis Ababa", "Ethiopia"}, {"Damascus", "Syria"}, {"Aleppo", "Syria"}, {"Baghdad", "Iraq"}, {"Mosul", "Iraq"},
		{"Mexico City", "Mexico"}, {"Seoul", "South Korea"}, {"Khartoum", "Sudan"}, {"Tripoli", "Libya"},
		{"Kabul", "Afghanistan"}, {"Beirut", "Lebanon"}, {"Amman", "Jordan"}, {"Bogota", "Colombia"}}
	// capitals are the datelines written without a country.
	capitals = map[string]bool{"Moscow": true, "Beijing": true, "Tokyo": true, "Paris": true, "Berlin": true,
		"Cairo": true, "Baghdad": true, "Tehran": true, "Seoul": true, "Mexico City": true}
	adjectives = map[string]string{"Russia": "Russian", "Ukraine": "Ukrainian", "China": "Chinese", "Turkey": "Turkish",
		"Iran": "Iranian", "Israel": "Israeli", "Egypt": "Egyptian", "Kenya": "Kenyan", "Venezuela": "Venezuelan",
		"Pakistan": "Pakistani", "India": "Indian", "Germany": "German", "France": "French", "Japan": "Japanese",
		"Brazil": "Brazilian", "Nigeria": "Nigerian", "Ethiopia": "Ethiopian", "Syria": "Syrian", "Iraq": "Iraqi",
		"Mexico": "Mexican", "South Korea": "South Korean", "Sudan": "Sudanese", "Libya": "Libyan",
		"Afghanistan": "Afghan", "Lebanon": "Lebanese", "Jordan": "Jordanian", "Colombia": "Colombian"}
	roles = []string{"Foreign Minister", "President", "Prime Minister", "Defense Minister", "army chief",
		"opposition leader", "government spokesman", "Interior Minister", "ambassador", "Finance Minister"}
	firstNames = []string{"Ahmed", "Maria", "Sergei", "Li", "Fatima", "John", "Olena", "Carlos", "Amina", "Hiroshi",
		"Ravi", "Ngozi", "Tomas", "Leila", "Dmitri", "Grace", "Yusuf", "Ana", "Kenji", "Samir"}
	lastNames = []string{"Hassan", "Petrova", "Ivanov", "Wei", "Okafor", "Smith", "Kovalenko", "Mendez", "Diallo",
		"Tanaka", "Sharma", "Adeyemi", "Novak", "Haddad", "Sokolov", "Mwangi", "Rahimi", "Silva", "Mori", "Khalil"}
	days   = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	months = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	groups = []string{"rebels", "protesters", "militants", "police", "troops", "lawmakers", "officials", "security forces"}
	issues = []string{"the border dispute", "the cease-fire", "trade tariffs", "the nuclear program",
		"the refugee crisis", "energy supplies", "the peace talks", "sanctions", "the election results",
		"grain exports", "the detention of journalists", "water rights on the river"}
	verbs = []string{"accused %s of violating %s", "urged %s to resume talks on %s", "met officials from %s to discuss %s",
		"threatened %s with new measures over %s", "praised %s for its role in %s", "rejected a proposal from %s on %s",
		"expelled two diplomats from %s after a row over %s", "signed an agreement with %s on %s",
		"warned %s against any escalation over %s", "criticised %s's handling of %s", "demanded that %s explain its stance on %s",
		"offered to mediate between %s and its neighbours over %s"}
	headlineVerbs = []string{"accuses", "warns", "urges", "meets", "rebukes", "courts", "threatens", "signs deal with"}
	partials      = []string{"frank but useful", "a dangerous provocation", "a step in the right direction",
		"unacceptable", "a matter of national security", "premature"}
	outlets  = []string{"Northwire", "Meridian Press", "Harbor Daily", "The Continental", "Eastern Courier", "Global Dispatch", "Capital Ledger", "Sahel Times"}
	headings = []string{"Growing tension", "Talks stall", "Regional fallout", "Economic pressure", "A fragile truce", "What comes next"}
	footers  = []string{"Sign up for our morning newsletter to get the day's top stories.", "Follow us for live updates.",
		"Copyright %s. All rights reserved.", "More from %s: world news, analysis and opinion.", "Read more on the %s app."}
)

// Generator makes articles from a seeded random source. It is not safe for concurrent use.
type Generator struct {
	rng    *rand.Rand
	n      int
	recent []news.Article // the last originals, which Next may copy
}

// New returns a generator whose output depends only on seed.
func New(seed uint64) *Generator {
	return &Generator{rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
}

func (g *Generator) pick(list []string) string { return list[g.rng.IntN(len(list))] }

func (g *Generator) person() string { return g.pick(firstNames) + " " + g.pick(lastNames) }

func (g *Generator) country() string { return places[g.rng.IntN(len(places))].country }

// actor is someone who acts in a report, with the pronoun that later refers to them.
type actor struct{ text, surname, pronoun string }

func (g *Generator) actor() actor {
	c := g.country()
	if g.rng.IntN(3) == 0 {
		return actor{text: adjectives[c] + " " + g.pick(groups), pronoun: "they"}
	}
	first, last := g.pick(firstNames), g.pick(lastNames)
	pronoun := "he"
	if g.rng.IntN(2) == 0 {
		pronoun = "she"
	}
	return actor{text: adjectives[c] + " " + g.pick(roles) + " " + first + " " + last, surname: last, pronoun: pronoun}
}

// story is what one article is about.
type story struct {
	where    place
	main     actor
	other    string // the other country
	issue    string
	day      string
	year     int
	month    int
	dayOfMon int
}

// event is one report of something done, in one of several phrasings.
func (g *Generator) event(s story, a actor) string {
	ev := fmt.Sprintf(g.pick(verbs), g.country(), g.pick(issues))
	switch g.rng.IntN(6) {
	case 0:
		return fmt.Sprintf("On %s, %s %s, according to a statement from the ministry.", g.pick(days), a.text, ev)
	case 1:
		return fmt.Sprintf("%s %s late %s, two officials told reporters in %s.", a.text, ev, g.pick(days), g.pickPlace().city)
	case 2:
		return fmt.Sprintf("%s %s during a visit to %s on %s %d.", a.text, ev, s.where.city, months[s.month], s.dayOfMon)
	case 3:
		var v string
		switch g.rng.IntN(3) {
		case 0:
			v = fmt.Sprintf("clashes between %s and %s near %s killed at least %d people", g.pick(groups), g.pick(groups), g.pickPlace().city, 2+g.rng.IntN(40))
		case 1:
			v = fmt.Sprintf("%s fired on %s in the outskirts of %s, wounding %d people", adjectives[g.country()]+" troops", g.pick(groups), s.where.city, 2+g.rng.IntN(40))
		default:
			v = fmt.Sprintf("%s arrested %d %s after protests in %s", adjectives[g.country()]+" police", 3+g.rng.IntN(90), g.pick(groups), s.where.city)
		}
		return "Last week, " + v + ", local media reported."
	default:
		return fmt.Sprintf("%s %s on %s.", a.text, ev, g.pick(days))
	}
}

func (g *Generator) pickPlace() place { return places[g.rng.IntN(len(places))] }

// quote is a paragraph with a direct quote and its speaker, sometimes
// continued with a pronoun.
func (g *Generator) quote(s story) string {
	a := g.actor()
	if a.surname == "" {
		a = actor{text: adjectives[g.country()] + " " + g.pick(roles) + " " + g.person(), surname: g.pick(lastNames), pronoun: "he"}
	}
	switch g.rng.IntN(3) {
	case 0:
		return fmt.Sprintf("\"We will not accept %s as it stands,\" %s said at a news conference in %s. \"Our patience is not endless,\" %s added.",
			s.issue, a.text, s.where.city, a.pronoun)
	case 1:
		return fmt.Sprintf("%s described the latest round of talks on %s as %q and said %s would return to %s next month.",
			a.text, s.issue, g.pick(partials), a.pronoun, s.where.city)
	default:
		return fmt.Sprintf("\"There can be no solution to %s without %s at the table,\" said %s, who has led the negotiations since %s.",
			s.issue, s.other, a.text, months[g.rng.IntN(12)])
	}
}

func (g *Generator) background(s story) string {
	switch g.rng.IntN(4) {
	case 0:
		return fmt.Sprintf("The dispute over %s began in %s %d, when %s closed its consulate in %s.",
			s.issue, months[g.rng.IntN(12)], s.year-1-g.rng.IntN(3), s.other, g.pickPlace().city)
	case 1:
		return fmt.Sprintf("Trade between %s and %s fell by %d percent last year, according to official figures.",
			s.where.country, s.other, 5+g.rng.IntN(40))
	case 2:
		return fmt.Sprintf("More than %d people have fled the fighting around %s since %s, the United Nations said.",
			1000*(1+g.rng.IntN(90)), g.pickPlace().city, months[g.rng.IntN(12)])
	default:
		return fmt.Sprintf("Analysts in %s said the move could harden positions ahead of the summit in %s this week.",
			g.pickPlace().city, g.pickPlace().city)
	}
}

func (g *Generator) paragraph(s story) string {
	n := 1 + g.rng.IntN(3)
	parts := make([]string, n)
	for i := range parts {
		switch g.rng.IntN(5) {
		case 0:
			parts[i] = g.background(s)
		default:
			parts[i] = g.event(s, g.actor())
		}
	}
	return strings.Join(parts, " ")
}

func (g *Generator) caption(s story) string {
	return fmt.Sprintf("%s %s %s (L) and %s %s %s (R) shake hands in %s, %s, %s %d, %d.",
		adjectives[g.country()], g.pick(roles), g.person(), adjectives[g.country()], g.pick(roles), g.person(),
		s.where.city, s.where.country, months[s.month], s.dayOfMon, s.year)
}

// Article returns the next original article: a headline, an outlet, a
// publication date and plain text of about paragraphs paragraphs.
func (g *Generator) Article(paragraphs int) news.Article {
	g.n++
	s := story{where: g.pickPlace(), main: g.actor(), other: g.country(), issue: g.pick(issues),
		year: 2000 + g.rng.IntN(26), month: g.rng.IntN(12), dayOfMon: 1 + g.rng.IntN(28)}
	s.day = g.pick(days)
	outlet := g.pick(outlets)
	var b strings.Builder
	if g.rng.IntN(2) == 0 { // a doubled caption, as scrapers leave them
		c := g.caption(s)
		b.WriteString(c + "\n" + c + "\n\n")
	}
	dateline := strings.ToUpper(s.where.city)
	if !capitals[s.where.city] {
		dateline += ", " + s.where.country
	}
	lead := fmt.Sprintf("%s %s in %s on %s, raising the stakes in %s.",
		s.main.text, fmt.Sprintf(g.pick(verbs), s.other, s.issue), s.where.city, s.day, s.issue)
	fmt.Fprintf(&b, "%s (%s) - %s\n\n", dateline, outlet, lead)
	for i := 1; i < paragraphs; i++ {
		if i%5 == 0 {
			b.WriteString(g.pick(headings) + "\n\n")
		}
		if i%3 == 1 {
			b.WriteString(g.quote(s) + "\n\n")
			continue
		}
		b.WriteString(g.paragraph(s) + "\n\n")
	}
	fmt.Fprintf(&b, "(Reporting by %s; editing by %s)\n", g.person(), g.person())
	verb := g.pick(headlineVerbs)
	subject := s.where.country
	a := news.Article{
		ID:        fmt.Sprintf("gen-%d", g.n),
		URL:       fmt.Sprintf("https://%s.example/world/%d", strings.ToLower(strings.ReplaceAll(outlet, " ", "")), g.n),
		Source:    outlet,
		Title:     fmt.Sprintf("%s %s %s over %s", subject, verb, s.other, strings.TrimPrefix(s.issue, "the ")),
		Published: fmt.Sprintf("%04d-%02d-%02dT%02d:%02d:00Z", s.year, s.month+1, s.dayOfMon, 6+g.rng.IntN(16), g.rng.IntN(60)),
		Format:    news.FormatText,
		Body:      []byte(b.String()),
		Origin:    fmt.Sprintf("generated:%d", g.n),
	}
	return a
}

// Copy returns a syndicated copy of a: published by another outlet a few
// hours later, under a reworded headline, with that outlet's boilerplate
// added and, sometimes, one paragraph after the lead cut.
func (g *Generator) Copy(a news.Article) news.Article {
	g.n++
	outlet := g.pick(outlets)
	for outlet == a.Source && len(outlets) > 1 {
		outlet = g.pick(outlets)
	}
	paras := strings.Split(strings.TrimRight(string(a.Body), "\n"), "\n\n")
	if len(paras) > 4 && g.rng.IntN(2) == 0 {
		cut := 2 + g.rng.IntN(len(paras)-3)
		paras = append(paras[:cut:cut], paras[cut+1:]...)
	}
	footer := g.pick(footers)
	if strings.Contains(footer, "%s") {
		footer = fmt.Sprintf(footer, outlet)
	}
	body := strings.Join(paras, "\n\n") + "\n\n" + footer + "\n"
	published := a.Published
	if len(published) >= 13 && g.rng.IntN(3) == 0 {
		published = published[:11] + "23" + published[13:]
	}
	return news.Article{
		ID:        fmt.Sprintf("gen-%d", g.n),
		URL:       fmt.Sprintf("https://%s.example/news/%d", strings.ToLower(strings.ReplaceAll(outlet, " ", "")), g.n),
		Source:    outlet,
		Title:     "UPDATE 1-" + a.Title,
		Published: published,
		Format:    a.Format,
		Body:      []byte(body),
		Origin:    fmt.Sprintf("generated:%d", g.n),
	}
}

// Next returns the next article of a news stream: one time in ten, a
// syndicated copy (Copy) of one of the last few originals, else a new
// original of about paragraphs paragraphs.
func (g *Generator) Next(paragraphs int) news.Article {
	if len(g.recent) > 0 && g.rng.IntN(10) == 0 {
		return g.Copy(g.recent[g.rng.IntN(len(g.recent))])
	}
	a := g.Article(paragraphs)
	if len(g.recent) == 16 {
		g.recent = append(g.recent[:0], g.recent[1:]...)
	}
	g.recent = append(g.recent, a)
	return a
}
