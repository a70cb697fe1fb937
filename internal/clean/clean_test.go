package clean

import (
	"errors"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"dyad/news"
)

// checkDoc verifies the layout contract of a cleaned Document: every block
// is a non-empty single line, the blocks are in order, separated by "\n\n",
// and together they make the whole text.
func checkDoc(t *testing.T, d news.Document) {
	t.Helper()
	if !utf8.ValidString(d.Text) {
		t.Errorf("text is not valid UTF-8: %q", d.Text)
	}
	pos := 0
	for i, b := range d.Blocks {
		if !b.Span.In(len(d.Text)) || b.Span.Len() == 0 {
			t.Fatalf("block %d: bad span %v for text of %d bytes", i, b.Span, len(d.Text))
		}
		want := pos
		if i > 0 {
			want = pos + 2
			if d.Text[pos:b.Span.Start()] != "\n\n" {
				t.Fatalf("block %d: not separated by a blank line: %q", i, d.Text[pos:b.Span.Start()])
			}
		}
		if b.Span.Start() != want {
			t.Fatalf("block %d starts at %d, want %d", i, b.Span.Start(), want)
		}
		s := d.Text[b.Span.Start():b.Span.End()]
		if strings.ContainsAny(s, "\n\r") {
			t.Errorf("block %d holds a line break: %q", i, s)
		}
		if strings.TrimSpace(s) != s {
			t.Errorf("block %d is not trimmed: %q", i, s)
		}
		switch b.Kind {
		case news.BlockTitle, news.BlockCaption, news.BlockHeading, news.BlockParagraph:
		default:
			t.Errorf("block %d: unknown kind %q", i, b.Kind)
		}
		pos = b.Span.End()
	}
	if pos != len(d.Text) {
		t.Fatalf("blocks end at %d, text is %d bytes", pos, len(d.Text))
	}
	if len(d.Blocks) == 0 {
		t.Fatalf("no blocks")
	}
}

// layoutOf lists a Document's blocks as "kind: text", checking each span.
func layoutOf(t *testing.T, d news.Document) []string {
	t.Helper()
	checkDoc(t, d)
	out := make([]string, len(d.Blocks))
	for i, b := range d.Blocks {
		out[i] = string(b.Kind) + ": " + b.Span.Text(d.Text)
	}
	return out
}

// cleanText cleans a plain-text body with no metadata.
func cleanText(t *testing.T, body string) news.Document {
	t.Helper()
	d, err := Clean(news.Article{Body: []byte(body), Format: news.FormatText}, Options{})
	if err != nil {
		t.Fatalf("Clean(%q): %v", body, err)
	}
	checkIdempotent(t, d)
	return d
}

// checkIdempotent cleans a Document's text again and wants the same text.
func checkIdempotent(t *testing.T, d news.Document) {
	t.Helper()
	again, err := Clean(news.Article{Body: []byte(d.Text), Format: news.FormatText}, Options{})
	if err != nil {
		t.Fatalf("cleaning the output again: %v", err)
	}
	if again.Text != d.Text {
		t.Errorf("not idempotent (-first +second):\n%s", cmp.Diff(d.Text, again.Text))
	}
}

// hasWarning reports whether some warning contains sub.
func hasWarning(d news.Document, sub string) bool {
	for _, w := range d.Warnings {
		if strings.Contains(w, sub) {
			return true
		}
	}
	return false
}

func TestNormalize(t *testing.T) {
	tests := []struct {
		name, in, want string
		warning        string
	}{
		{"bom", "\xEF\xBB\xBFThe talks ended.", "The talks ended.", ""},
		{"invalid utf8", "Talks in Gen\xe8ve ended \xff\xfe today.", "Talks in Gen\uFFFDve ended \uFFFD today.", "invalid UTF-8: 2 byte sequences"},
		{"nul and controls", "The\x00 talks\x07 ended\x1b.", "The talks ended.", "removed 3 control characters"},
		{"c1 controls", "The\u0080 talks\u009f ended.", "The talks ended.", "removed 2 control characters"},
		{"crlf", "First line.\r\nSecond line.\r\n\r\nThird.", "First line.\n\nSecond line.\n\nThird.", ""},
		{"cr", "First line.\rSecond line.", "First line.\n\nSecond line.", ""},
		{"tabs and spaces", "\tThe  talks\t\tended   here. ", "The talks ended here.", ""},
		{"unicode spaces", "The\u00a0talks\u2003ended\u202fhere\u3000now.", "The talks ended here now.", ""},
		{"zero width", "The\u200b tal\u00adks\u200d ended\ufeff.", "The talks ended.", ""},
		{"nfc", "Le ministre a parl\u0065\u0301 hier.", "Le ministre a parl\u00e9 hier.", ""},
		{"nfc after removal", "Caf\u0065\u200b\u0301 talks.", "Caf\u00e9 talks.", ""},
		{"quotes kept", "He said \u201cno\u201d and \u2018maybe\u2019 -- it's \"final\".", "He said \u201cno\u201d and \u2018maybe\u2019 -- it's \"final\".", ""},
		{"blank lines of spaces", "One.\n \t \nTwo.", "One.\n\nTwo.", ""},
		{"line and paragraph separators", "One.\u2028Two.\u2029Three.", "One.\n\nTwo.\n\nThree.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := cleanText(t, tt.in)
			checkDoc(t, d)
			if d.Text != tt.want {
				t.Errorf("text = %q, want %q", d.Text, tt.want)
			}
			if tt.warning != "" && !hasWarning(d, tt.warning) {
				t.Errorf("warnings %q lack %q", d.Warnings, tt.warning)
			}
			if tt.warning == "" && len(d.Warnings) > 0 {
				t.Errorf("unexpected warnings %q", d.Warnings)
			}
		})
	}
}

func TestParagraphs(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{
			name: "scraped one paragraph per line",
			in: "The ministers met in Vienna on Monday to discuss the stalled ceasefire talks.\n" +
				"Neither side gave ground.\n" +
				"A spokesman for the delegation said further meetings were planned for next week.",
			want: []string{
				"paragraph: The ministers met in Vienna on Monday to discuss the stalled ceasefire talks.",
				"paragraph: Neither side gave ground.",
				"paragraph: A spokesman for the delegation said further meetings were planned for next week.",
			},
		},
		{
			name: "hard wrapped with blank lines",
			in: "The ministers met in Vienna on Monday to discuss the stalled\n" +
				"ceasefire talks, which have made little progress since the\n" +
				"spring, officials said.\n\n" +
				"A spokesman for the delegation said further meetings were\n" +
				"planned for next week in the Austrian capital.",
			want: []string{
				"paragraph: The ministers met in Vienna on Monday to discuss the stalled ceasefire talks, which have made little progress since the spring, officials said.",
				"paragraph: A spokesman for the delegation said further meetings were planned for next week in the Austrian capital.",
			},
		},
		{
			name: "hard wrapped without blank lines",
			in: "The ministers met in Vienna on Monday to discuss the stalled\n" +
				"ceasefire talks, which have made little progress since the\n" +
				"spring, officials said.\n" +
				"A spokesman for the delegation said further meetings were\n" +
				"planned for next week in the Austrian capital. He gave no\n" +
				"details of the agenda.",
			want: []string{
				"paragraph: The ministers met in Vienna on Monday to discuss the stalled ceasefire talks, which have made little progress since the spring, officials said.",
				"paragraph: A spokesman for the delegation said further meetings were planned for next week in the Austrian capital. He gave no details of the agenda.",
			},
		},
		{
			name: "hard wrapped with a heading",
			in: "The ministers met in Vienna on Monday to discuss the stalled\n" +
				"ceasefire talks, officials in both capitals said.\n" +
				"Old grievances\n" +
				"The dispute over the border dates back to a treaty signed\n" +
				"after the war, and neither side has ratified it.",
			want: []string{
				"paragraph: The ministers met in Vienna on Monday to discuss the stalled ceasefire talks, officials in both capitals said.",
				"heading: Old grievances",
				"paragraph: The dispute over the border dates back to a treaty signed after the war, and neither side has ratified it.",
			},
		},
		{
			name: "headline list is not joined",
			in: "Opening paragraph of the story, which is long enough to matter here.\n\n" +
				"Ministers Meet in Vienna as Ceasefire Talks Stall Again\n" +
				"Border Dispute Flares After Shelling Near Frontier Town\n" +
				"Aid Convoy Reaches Besieged District for the First Time\n\n" +
				"Closing paragraph of the story.",
			want: []string{
				"paragraph: Opening paragraph of the story, which is long enough to matter here.",
				"paragraph: Ministers Meet in Vienna as Ceasefire Talks Stall Again",
				"paragraph: Border Dispute Flares After Shelling Near Frontier Town",
				"paragraph: Aid Convoy Reaches Besieged District for the First Time",
				"paragraph: Closing paragraph of the story.",
			},
		},
		{
			name: "sentence broken by a scraper is rejoined",
			in: "The ministers met in Vienna on Monday to discuss the stalled ceasefire talks that began in March and\n" +
				"have since made little progress, according to diplomats who attended every round.",
			want: []string{
				"paragraph: The ministers met in Vienna on Monday to discuss the stalled ceasefire talks that began in March and have since made little progress, according to diplomats who attended every round.",
			},
		},
		{
			name: "hard wrapped, continuation lines capitalised or quoted",
			in: "\"The offer does not meet the demands of our members,\" union spokesman\n" +
				"Marta Olsen told reporters, adding that the union would keep talking to\n" +
				"Transport Ministry officials.\n\n" +
				"The mediator, Paul Weber, said the situation at the ports was\n" +
				"\"close to breaking\" and urged both sides to return to the table.",
			want: []string{
				"paragraph: \"The offer does not meet the demands of our members,\" union spokesman Marta Olsen told reporters, adding that the union would keep talking to Transport Ministry officials.",
				"paragraph: The mediator, Paul Weber, said the situation at the ports was \"close to breaking\" and urged both sides to return to the table.",
			},
		},
		{
			name: "a long heading over a short paragraph is not joined",
			in:   "Opening paragraph of the story.\n\nKerry arrives in Moscow for talks on Syria\nThe talks began.",
			want: []string{
				"paragraph: Opening paragraph of the story.",
				"heading: Kerry arrives in Moscow for talks on Syria",
				"paragraph: The talks began.",
			},
		},
		{
			name: "hard wrapped with CRLF",
			in: "The ministers met in Vienna on Monday to discuss the stalled\r\n" +
				"ceasefire talks, which have made little progress since the\r\n" +
				"spring, officials said.\r\n\r\nNo date was set.\r\n",
			want: []string{
				"paragraph: The ministers met in Vienna on Monday to discuss the stalled ceasefire talks, which have made little progress since the spring, officials said.",
				"paragraph: No date was set.",
			},
		},
		{
			name: "captions inside hard-wrapped text stay apart",
			in: "The ministers met in Vienna on Monday to discuss the stalled\n" +
				"ceasefire talks, which have made little progress since the\n" +
				"spring, officials said.\n" +
				"FILE - Delegates arrive at the conference centre in Vienna.\n" +
				"A spokesman for the delegation said further meetings were\n" +
				"planned for next week in the Austrian capital.",
			want: []string{
				"paragraph: The ministers met in Vienna on Monday to discuss the stalled ceasefire talks, which have made little progress since the spring, officials said.",
				"caption: FILE - Delegates arrive at the conference centre in Vienna.",
				"paragraph: A spokesman for the delegation said further meetings were planned for next week in the Austrian capital.",
			},
		},
		{
			name: "short lines stay apart",
			in:   "Talks end.\nNo deal.\nMore soon.",
			want: []string{"paragraph: Talks end.", "paragraph: No deal.", "paragraph: More soon."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := cleanText(t, tt.in)
			if diff := cmp.Diff(tt.want, layoutOf(t, d)); diff != "" {
				t.Errorf("layout (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDuplicates(t *testing.T) {
	const caption = "Protesters gather outside the parliament building in Tbilisi, Georgia, May 14, 2019."
	tests := []struct {
		name, in string
		want     []string
		warning  string
	}{
		{
			name:    "doubled line",
			in:      caption + "\n" + caption + "\n\nTBILISI - Thousands of people rallied on Tuesday.",
			want:    []string{"caption: " + caption, "paragraph: TBILISI - Thousands of people rallied on Tuesday."},
			warning: "removed 1 duplicated line (1 repeated, 0 truncated copies)",
		},
		{
			name:    "doubled across a blank line",
			in:      caption + "\n\n" + caption + "\n\nThousands of people rallied on Tuesday.",
			want:    []string{"caption: " + caption, "paragraph: Thousands of people rallied on Tuesday."},
			warning: "removed 1 duplicated line",
		},
		{
			name:    "truncated then full",
			in:      "Thousands rallied on Tuesday.\n\nProtesters gather outside the parl\n" + caption + "\n\nThe crowd dispersed at night.",
			want:    []string{"paragraph: Thousands rallied on Tuesday.", "caption: " + caption, "paragraph: The crowd dispersed at night."},
			warning: "removed 1 duplicated line (0 repeated, 1 truncated copy)",
		},
		{
			name:    "chain of truncations",
			in:      "Thousands rallied on Tuesday.\n\nProtesters gather outside\nProtesters gather outside the parliament\n" + caption + "\n\nThe crowd dispersed.",
			want:    []string{"paragraph: Thousands rallied on Tuesday.", "caption: " + caption, "paragraph: The crowd dispersed."},
			warning: "removed 2 duplicated lines (0 repeated, 2 truncated copies)",
		},
		{
			name:    "truncated across a blank line, cut mid-word",
			in:      "Thousands rallied on Tuesday.\n\nFILE - Riot police stand in li\n\nFILE - Riot police stand in line near the square.\n\nThe crowd dispersed.",
			want:    []string{"paragraph: Thousands rallied on Tuesday.", "caption: FILE - Riot police stand in line near the square.", "paragraph: The crowd dispersed."},
			warning: "1 truncated copy",
		},
		{
			name: "heading that opens the next paragraph stays",
			in:   "Thousands rallied on Tuesday.\n\nRising prices\n\nRising prices have fuelled anger across the country.\n\nThe crowd dispersed.",
			want: []string{"paragraph: Thousands rallied on Tuesday.", "heading: Rising prices", "paragraph: Rising prices have fuelled anger across the country.", "paragraph: The crowd dispersed."},
		},
		{
			name: "short prefix stays",
			in:   "The talks ended.\nPolice chief\nPolice chief Ana Lis said nothing more.",
			want: []string{"paragraph: The talks ended.", "heading: Police chief", "paragraph: Police chief Ana Lis said nothing more."},
		},
		{
			name: "sentence prefix stays",
			in:   "The crowd dispersed at night.\nThe crowd dispersed at night. Police made no arrests.",
			want: []string{"paragraph: The crowd dispersed at night.", "paragraph: The crowd dispersed at night. Police made no arrests."},
		},
		{
			name: "repeat with a line between stays",
			in:   "The crowd dispersed at night.\nPolice made no arrests.\nThe crowd dispersed at night.",
			want: []string{"paragraph: The crowd dispersed at night.", "paragraph: Police made no arrests.", "paragraph: The crowd dispersed at night."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := cleanText(t, tt.in)
			if diff := cmp.Diff(tt.want, layoutOf(t, d)); diff != "" {
				t.Errorf("layout (-want +got):\n%s", diff)
			}
			if tt.warning != "" && !hasWarning(d, tt.warning) {
				t.Errorf("warnings %q lack %q", d.Warnings, tt.warning)
			}
			if tt.warning == "" && hasWarning(d, "duplicated") {
				t.Errorf("unexpected warnings %q", d.Warnings)
			}
		})
	}
}

func TestCaptions(t *testing.T) {
	tests := []struct {
		line    string
		caption bool
	}{
		{"FILE - Soldiers patrol a street in the capital.", true},
		{"FILE- Soldiers patrol a street in the capital.", true},
		{"FILE PHOTO: Soldiers patrol a street in the capital.", true},
		{"PHOTO: Soldiers patrol a street in the capital.", true},
		{"Foreign Minister Anna Berg (L) greets her counterpart at the airport.", true},
		{"Delegates (2nd R) listen to a speech at the summit.", true},
		{"The two leaders (left) sign the accord at the palace.", true},
		{"Negotiators arrive at the hotel (center) for talks.", true},
		{"Soldiers patrol a street in the capital. (AP Photo/Jane Roe)", true},
		{"Soldiers patrol a street in the capital. REUTERS/John Doe", true},
		{"Soldiers patrol a street in the capital (Reuters)", true},
		{"Soldiers patrol a street in the capital. AFP PHOTO / STAFF", true},
		{"Soldiers patrol a street in the capital. Photo: Jane Roe", true},
		{"Soldiers patrol a street in the capital. Photograph: Jane Roe/Agency", true},
		{"Soldiers patrol a street in the capital. Credit: Jane Roe", true},
		{"Soldiers patrol a street in the capital. Image: Jane Roe", true},
		{"Soldiers patrol a street in the capital. John Doe/Getty Images", true},
		{"The prime minister shakes hands with the visiting envoy in Amman, March 3, 2017.", true},
		{"Mourners gather at the site of the blast in Kabul, Afghanistan, 12 June 2018.", true},
		{"The envoy is seen at a news conference in Oslo, 2018-06-12.", true},
		// Paragraphs that merely mention a date are not captions.
		{"The accord was signed in Amman on March 3, 2017.", false},
		{"The ceasefire, which began on March 3, 2017, held for a week.", false},
		{"Officials said talks would resume. The next round is set for March 3, 2017.", false},
		{"The minister said the decision was final, March 3, 2017.", false},
		{"He met reporters on Friday, March 3, 2017.", false},
		{"The council is expected to vote on the resolution (Reuters reported earlier) this week.", false},
		{"The file was sent to prosecutors last week.", false},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			in := "The talks opened on Monday in the capital.\n\n" + tt.line + "\n\nThe talks closed on Friday without a deal."
			d := cleanText(t, in)
			got := layoutOf(t, d)
			if len(got) != 3 {
				t.Fatalf("layout = %q", got)
			}
			if isCap := d.Blocks[1].Kind == news.BlockCaption; isCap != tt.caption {
				t.Errorf("caption = %v, want %v (kind %s)", isCap, tt.caption, d.Blocks[1].Kind)
			}
		})
	}
}

func TestHeadingsAndTitle(t *testing.T) {
	body := "BRUSSELS - European ministers agreed on Monday to extend sanctions for six months.\n\n" +
		"Divisions remain\n\n" +
		"Several governments had argued for easing the measures, diplomats said.\n\n" +
		"By the numbers: 27 states, 4 abstentions.\n\n" +
		"What comes next\n\n" +
		"The measures will be reviewed again in January."
	tests := []struct {
		name      string
		title     string
		body      string
		want      []string
		wantTitle string
	}{
		{
			name:  "headings",
			title: "",
			body:  body,
			want: []string{
				"paragraph: BRUSSELS - European ministers agreed on Monday to extend sanctions for six months.",
				"heading: Divisions remain",
				"paragraph: Several governments had argued for easing the measures, diplomats said.",
				"paragraph: By the numbers: 27 states, 4 abstentions.",
				"heading: What comes next",
				"paragraph: The measures will be reviewed again in January.",
			},
		},
		{
			name:  "given title",
			title: "EU  extends\tsanctions for six months",
			body:  body,
			want: []string{
				"title: EU extends sanctions for six months",
				"paragraph: BRUSSELS - European ministers agreed on Monday to extend sanctions for six months.",
				"heading: Divisions remain",
				"paragraph: Several governments had argued for easing the measures, diplomats said.",
				"paragraph: By the numbers: 27 states, 4 abstentions.",
				"heading: What comes next",
				"paragraph: The measures will be reviewed again in January.",
			},
			wantTitle: "EU extends sanctions for six months",
		},
		{
			name:  "given title repeated in the body",
			title: "EU extends sanctions",
			body:  "EU extends sanctions\n\nEuropean ministers agreed on Monday to extend sanctions.",
			want: []string{
				"title: EU extends sanctions",
				"paragraph: European ministers agreed on Monday to extend sanctions.",
			},
			wantTitle: "EU extends sanctions",
		},
		{
			name: "detected title",
			body: "EU Extends Sanctions on Moscow for Six Months\n\n" + body,
			want: []string{
				"title: EU Extends Sanctions on Moscow for Six Months",
				"paragraph: BRUSSELS - European ministers agreed on Monday to extend sanctions for six months.",
				"heading: Divisions remain",
				"paragraph: Several governments had argued for easing the measures, diplomats said.",
				"paragraph: By the numbers: 27 states, 4 abstentions.",
				"heading: What comes next",
				"paragraph: The measures will be reviewed again in January.",
			},
			wantTitle: "EU Extends Sanctions on Moscow for Six Months",
		},
		{
			name: "detected title with byline",
			body: "Sanctions Extended\n\nBy Jane Roe\n\nEuropean ministers agreed on Monday to extend sanctions.",
			want: []string{
				"title: Sanctions Extended",
				"paragraph: By Jane Roe",
				"paragraph: European ministers agreed on Monday to extend sanctions.",
			},
			wantTitle: "Sanctions Extended",
		},
		{
			name: "no title when a sentence opens",
			body: "European ministers agreed on Monday.\n\nThe measures will be reviewed.",
			want: []string{
				"paragraph: European ministers agreed on Monday.",
				"paragraph: The measures will be reviewed.",
			},
		},
		{
			name: "last short line is no heading",
			body: "European ministers agreed on Monday.\n\nMore talks are planned in Geneva",
			want: []string{
				"paragraph: European ministers agreed on Monday.",
				"paragraph: More talks are planned in Geneva",
			},
		},
		{
			name: "lower-case or long lines are no headings",
			body: "Ministers agreed.\n\nand then some\n\nThis short line without a stop has far too many words to be a heading\n\nThe end.",
			want: []string{
				"paragraph: Ministers agreed.",
				"paragraph: and then some",
				"paragraph: This short line without a stop has far too many words to be a heading",
				"paragraph: The end.",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Clean(news.Article{Title: tt.title, Body: []byte(tt.body)}, Options{})
			if err != nil {
				t.Fatal(err)
			}
			checkIdempotent(t, d)
			if diff := cmp.Diff(tt.want, layoutOf(t, d)); diff != "" {
				t.Errorf("layout (-want +got):\n%s", diff)
			}
			if d.Title != tt.wantTitle {
				t.Errorf("title = %q, want %q", d.Title, tt.wantTitle)
			}
		})
	}
}

func TestDateline(t *testing.T) {
	tests := []struct {
		first    string
		source   string // the article's own source
		dateline string
		wantSrc  string
	}{
		{"MOSCOW - The minister arrived on Friday.", "", "MOSCOW", ""},
		{"WASHINGTON (Reuters) - The senator said on Monday.", "", "WASHINGTON", "Reuters"},
		{"WASHINGTON (Reuters) - The senator said on Monday.", "VOA", "WASHINGTON", "VOA"},
		{"KYIV, Ukraine — The mayor said the city was ready.", "", "KYIV, Ukraine", ""},
		{"KYIV, Ukraine—The mayor said the city was ready.", "", "KYIV, Ukraine", ""},
		{"GAZA CITY, Feb 3 (AFP) - Medics said two people were hurt.", "", "GAZA CITY", "AFP"},
		{"UNITED NATIONS, July 5 (Reuters) - The council met on Friday.", "", "UNITED NATIONS", "Reuters"},
		{"ST. PETERSBURG, Russia – Officials opened the forum.", "", "ST. PETERSBURG, Russia", ""},
		{"WASHINGTON, D.C. -- The report was released.", "", "WASHINGTON, D.C.", ""},
		{"BEIRUT: Rescue teams searched the rubble overnight.", "", "BEIRUT", ""},
		{"Kyiv, Ukraine (AP) — The mayor said the city was ready.", "", "Kyiv, Ukraine", "AP"},
		{"Rio de Janeiro, Brazil - Police raided the offices.", "", "Rio de Janeiro, Brazil", ""},
		{"NAIROBI, Kenya, March 2, 2018 (Xinhua) - Talks began.", "", "NAIROBI, Kenya", "Xinhua"},
		// Not datelines.
		{"U.S. officials - speaking anonymously - said the plan was ready.", "", "", ""},
		{"Kerry - who arrived on Thursday - said little.", "", "", ""},
		{"BREAKING: The minister has resigned.", "", "", ""},
		{"The minister - a veteran of the party - resigned.", "", "", ""},
		{"NATO and the EU said on Monday they would meet - again.", "", "", ""},
		{"Officials said: the talks are over.", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.first, func(t *testing.T) {
			body := "Delegates (L) arrive for the talks.\n\n" + tt.first + "\n\nA second paragraph follows."
			d, err := Clean(news.Article{Source: tt.source, Body: []byte(body)}, Options{})
			if err != nil {
				t.Fatal(err)
			}
			checkDoc(t, d)
			if d.Dateline != tt.dateline {
				t.Errorf("dateline = %q, want %q", d.Dateline, tt.dateline)
			}
			wantSrc := tt.wantSrc
			if tt.source != "" {
				wantSrc = tt.source
			}
			if d.Source != wantSrc {
				t.Errorf("source = %q, want %q", d.Source, wantSrc)
			}
			if !strings.Contains(d.Text, tt.first) {
				t.Errorf("dateline paragraph changed: %q", d.Text)
			}
		})
	}
}

func TestBoilerplate(t *testing.T) {
	const p1 = "The ministers met in Vienna on Monday to discuss the stalled ceasefire talks."
	const p2 = "A spokesman said further meetings were planned for next week."
	long := "Negotiators from both sides spent most of the afternoon on the question of prisoner exchanges, which has blocked progress in every round since the spring, diplomats said."
	long2 := "The delegations are due to meet again in the second week of next month, though neither side has confirmed that it will send its chief negotiator, officials in both capitals said."
	tests := []struct {
		name    string
		in      string
		want    []string
		warning string
	}{
		{"leave a reply", p1 + "\n\n" + p2 + "\n\nLeave a Reply\n\nYour email address will not be published.\n\nGreat article, thanks for writing it up so clearly.",
			[]string{"paragraph: " + p1, "paragraph: " + p2}, `dropped 3 trailing boilerplate blocks starting at "Leave a Reply"`},
		{"related articles", p1 + "\n\n" + p2 + "\n\nRelated articles\nTalks Stall in Vienna\nEnvoys Trade Blame",
			[]string{"paragraph: " + p1, "paragraph: " + p2}, `"Related articles"`},
		{"related colon", p1 + "\n\n" + p2 + "\n\nRelated: Talks stall in Vienna",
			[]string{"paragraph: " + p1, "paragraph: " + p2}, `"Related: Talks stall in Vienna"`},
		{"share this", p1 + "\n\nShare this:\nShare on Facebook\nShare on Twitter",
			[]string{"paragraph: " + p1}, `"Share this:"`},
		{"share on facebook", p1 + "\n\nShare on Facebook\nShare on Twitter",
			[]string{"paragraph: " + p1}, `"Share on Facebook"`},
		{"click here", p1 + "\n\nClick here to get the latest headlines.", []string{"paragraph: " + p1}, `"Click here`},
		{"wire credits", p1 + "\n\n" + p2 + "\n\nReporting by Ana Ruiz in Vienna; Editing by Tom Hale",
			[]string{"paragraph: " + p1, "paragraph: " + p2}, `"Reporting by Ana Ruiz`},
		{"wire credits in brackets", p1 + "\n\n(Additional reporting by Ana Ruiz; Writing by Tom Hale)",
			[]string{"paragraph: " + p1}, `"(Additional reporting by`},
		{"loading", p1 + "\n\nLoading…", []string{"paragraph: " + p1}, `"Loading…"`},
		{"newsletter", p1 + "\n\nSign up for our newsletter to get the day's top stories.", []string{"paragraph: " + p1}, `"Sign up for our`},
		{"subscribe", p1 + "\n\nSubscribe now for unlimited access.", []string{"paragraph: " + p1}, `"Subscribe now`},
		{"follow us", p1 + "\n\nFollow us on Twitter and Facebook", []string{"paragraph: " + p1}, `"Follow us on`},
		{"copyright", p1 + "\n\nCopyright © 2019 The Example Herald", []string{"paragraph: " + p1}, `"Copyright ©`},
		{"copyright year", p1 + "\n\nCopyright 2019 The Example Herald. All rights reserved.", []string{"paragraph: " + p1}, `"Copyright 2019`},
		{"all rights reserved", p1 + "\n\nThe Example Herald. All rights reserved.", []string{"paragraph: " + p1}, `All rights reserved`},
		{"comments", p1 + "\n\nComments\n\nFirst!", []string{"paragraph: " + p1}, `"Comments"`},
		{"comment count", p1 + "\n\n12 Comments\n\nFirst!", []string{"paragraph: " + p1}, `"12 Comments"`},
		{"read more inline", p1 + "\n\nRead more: Envoys trade blame\n\n" + long + "\n\n" + long2,
			[]string{"paragraph: " + p1, "paragraph: " + long, "paragraph: " + long2}, `dropped link line "Read more: Envoys trade blame"`},
		{"read more trailing", p1 + "\n\n" + p2 + "\n\nRead more", []string{"paragraph: " + p1, "paragraph: " + p2}, `"Read more"`},
		{"advertisement", p1 + "\n\nAdvertisement\n\n" + p2 + "\nADVERTISEMENT",
			[]string{"paragraph: " + p1, "paragraph: " + p2}, "dropped 2 advertisement labels"},
		{"advertisement between duplicates", "Soldiers patrol a street in the capital, May 2, 2019.\nAdvertisement\nSoldiers patrol a street in the capital, May 2, 2019.\n\n" + p1,
			[]string{"caption: Soldiers patrol a street in the capital, May 2, 2019.", "paragraph: " + p1}, "removed 1 duplicated line"},
		// Marker words inside sentences keep the article whole.
		{"marker words in sentences", p1 + "\n\nHe urged readers to subscribe to the official bulletin. Related talks will follow, and comments were closed.\n\nAll rights reserved, he said, were never waived.\n\n" + p2,
			[]string{"paragraph: " + p1, "paragraph: He urged readers to subscribe to the official bulletin. Related talks will follow, and comments were closed.", "paragraph: All rights reserved, he said, were never waived.", "paragraph: " + p2}, ""},
		{"read more in a sentence", p1 + "\n\nRead more carefully, the statement leaves room for a deal.\n\n" + p2,
			[]string{"paragraph: " + p1, "paragraph: Read more carefully, the statement leaves room for a deal.", "paragraph: " + p2}, ""},
		{"subscribers", p1 + "\n\nSubscribers to the service lost access on Monday.\n\nCommentators were divided.",
			[]string{"paragraph: " + p1, "paragraph: Subscribers to the service lost access on Monday.", "paragraph: Commentators were divided."}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := cleanText(t, tt.in)
			if diff := cmp.Diff(tt.want, layoutOf(t, d)); diff != "" {
				t.Errorf("layout (-want +got):\n%s", diff)
			}
			if tt.warning != "" && !hasWarning(d, tt.warning) {
				t.Errorf("warnings %q lack %q", d.Warnings, tt.warning)
			}
			if tt.warning == "" && len(d.Warnings) > 0 {
				t.Errorf("unexpected warnings %q", d.Warnings)
			}
		})
	}
}

func TestPublished(t *testing.T) {
	const body = "Delegates arrive for talks in Geneva, Switzerland, March 2, 2018.\n\nGENEVA - Talks began on Friday.\n\nThey went on late."
	tests := []struct {
		name       string
		record     string
		flag       string
		body       string
		want, from string
		warning    string
	}{
		{"record", "2018-03-03", "2018-01-01", body, "2018-03-03", "metadata", ""},
		{"record date-time", "2018-03-03T09:30:00Z", "", body, "2018-03-03T09:30:00Z", "metadata", ""},
		{"rfc 1123", "Sat, 03 Mar 2018 09:30:00 GMT", "", body, "2018-03-03T09:30:00Z", "metadata", ""},
		{"rfc 1123 numeric zone", "Sat, 3 Mar 2018 09:30:00 +0200", "", body, "2018-03-03T09:30:00+02:00", "metadata", ""},
		{"sql form", "2018-03-03 09:30:00", "", body, "2018-03-03T09:30:00", "metadata", ""},
		{"flag", "", "2018-01-01", body, "2018-01-01", "flag", ""},
		{"invalid record falls back to flag", "yesterday", "2018-01-01", body, "2018-01-01", "flag", `published date "yesterday" from the record is not a date`},
		{"invalid flag falls back to text", "", "2018-13-45", body, "2018-03-02", "text", `from the caller is not a date`},
		{"from caption", "", "", body, "2018-03-02", "text", ""},
		{"latest of several", "", "", "Delegates arrive in Geneva, Switzerland, March 2, 2018.\n\nGENEVA - Talks began.\n\nPublished 4 March 2018\n\nUpdated: 2018-03-05 10:00", "2018-03-05", "text", ""},
		{"from dateline", "", "", "NAIROBI, Kenya, March 2, 2018 (Xinhua) - Talks began.\n\nThey went on.", "2018-03-02", "text", ""},
		{"paragraph dates do not count", "", "", "The accord was signed on March 3, 2017.\n\nIt took effect on 4 April 2017.", "", "", ""},
		{"impossible date", "", "", "Delegates arrive in Geneva, February 30, 2018.\n\nTalks began.", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Clean(news.Article{Published: tt.record, Body: []byte(tt.body)}, Options{Published: tt.flag})
			if err != nil {
				t.Fatal(err)
			}
			checkDoc(t, d)
			if d.Published != tt.want || d.PublishedFrom != tt.from {
				t.Errorf("published = %q from %q, want %q from %q", d.Published, d.PublishedFrom, tt.want, tt.from)
			}
			if d.Published != "" {
				if _, err := news.ParseDate(d.Published); err != nil {
					t.Errorf("published is not ISO 8601: %v", err)
				}
			}
			if tt.warning != "" && !hasWarning(d, tt.warning) {
				t.Errorf("warnings %q lack %q", d.Warnings, tt.warning)
			}
		})
	}
}

func TestNormalizeDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2016-07-15", "2016-07-15"},
		{"2016-07-15T09:30:00+03:00", "2016-07-15T09:30:00+03:00"},
		{" 2016-07-15 ", "2016-07-15"},
		{"Fri, 15 Jul 2016 09:30:00 GMT", "2016-07-15T09:30:00Z"},
		{"Fri, 15 Jul 2016 09:30:00 EDT", "2016-07-15T09:30:00-04:00"},
		{"Fri, 15 Jul 2016 09:30:00 -0400", "2016-07-15T09:30:00-04:00"},
		{"2016-07-15 09:30:00", "2016-07-15T09:30:00"},
		{"2016-07-15 09:30:00Z", "2016-07-15T09:30:00Z"},
		{"2016-07-15 09:30:00 +0000", "2016-07-15T09:30:00Z"},
		{"2016-07-15T09:30:00+0300", "2016-07-15T09:30:00+03:00"},
		{"July 15, 2016", "2016-07-15"},
		{"15 July 2016", "2016-07-15"},
		{"2016/07/15", "2016-07-15"},
		{"15/07/2016", ""},
		{"2016-02-30", ""},
		{"soon", ""},
	}
	for _, tt := range tests {
		got, ok := normalizeDate(tt.in)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("normalizeDate(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

func TestID(t *testing.T) {
	a := news.Article{Body: []byte("The talks ended.\r\n\r\nNo deal was reached.")}
	d1, err := Clean(a, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(d1.ID) != 32 {
		t.Errorf("ID %q is not 32 hex digits", d1.ID)
	}
	// The same cleaned text gives the same ID, however the input was written.
	d2, err := Clean(news.Article{Body: []byte("  The talks  ended.\n\nNo deal was reached.\n")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d1.ID != d2.ID {
		t.Errorf("IDs differ for the same text: %q, %q", d1.ID, d2.ID)
	}
	d3, err := Clean(news.Article{Body: []byte("The talks ended.")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d3.ID == d1.ID {
		t.Errorf("different texts share ID %q", d1.ID)
	}
	a.ID = "given-42"
	d4, err := Clean(a, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d4.ID != "given-42" {
		t.Errorf("ID = %q, want the given one", d4.ID)
	}
}

func TestMetadata(t *testing.T) {
	a := news.Article{URL: "https://example.org/a", Source: "Example Herald", Body: []byte("Talks ended.")}
	d, err := Clean(a, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d.URL != a.URL || d.Source != a.Source || d.Language != "en" || d.Warnings == nil {
		t.Errorf("metadata lost: %+v", d)
	}
}

func TestNoText(t *testing.T) {
	for _, body := range []string{"", "   \n\t\r\n  ", "\x00\x01\u200b", "\xEF\xBB\xBF", "Advertisement\n\nADVERTISEMENT"} {
		_, err := Clean(news.Article{Body: []byte(body), Title: "A title alone"}, Options{})
		if !errors.Is(err, ErrNoText) {
			t.Errorf("Clean(%q) error = %v, want ErrNoText", body, err)
		}
	}
}

func TestLooksHTML(t *testing.T) {
	tests := []struct {
		body string
		want bool
	}{
		{"<!DOCTYPE html><html><body><p>Hi</p></body></html>", true},
		{"\xEF\xBB\xBF\n  <html lang=en>", true},
		{"<p>One</p><p>Two</p>", true},
		{"<div class=story>text</div>", true},
		{"The <b>talks</b> ended.", false},
		{"<NAME> said the talks ended.", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := looksHTML([]byte(tt.body)); got != tt.want {
			t.Errorf("looksHTML(%q) = %v, want %v", tt.body, got, tt.want)
		}
	}
}

// TestSharedExample cleans the scraped article in the shared examples, when
// it is there (it is not part of this repository), and checks its layout
// by counts only.
func TestSharedExample(t *testing.T) {
	body, err := os.ReadFile("../../../shared/examples/000_bb72ae1f260fd278.txt")
	if err != nil {
		t.Skip("shared example not available:", err)
	}
	d, err := Clean(news.Article{Body: body}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkDoc(t, d)
	checkIdempotent(t, d)
	count := map[news.BlockKind]int{}
	for _, b := range d.Blocks {
		count[b.Kind]++
	}
	if count[news.BlockCaption] != 4 || count[news.BlockHeading] != 3 || count[news.BlockTitle] != 0 {
		t.Errorf("block kinds = %v, want 4 captions and 3 headings", count)
	}
	if d.Dateline != "MOSCOW" || d.Published != "2016-07-15" || d.PublishedFrom != news.PublishedFromText {
		t.Errorf("dateline %q, published %q from %q", d.Dateline, d.Published, d.PublishedFrom)
	}
	if !hasWarning(d, "removed 4 duplicated lines (1 repeated, 3 truncated copies)") {
		t.Errorf("warnings = %q", d.Warnings)
	}
}
