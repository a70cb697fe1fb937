package when

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"dyad/internal/nlp"
	"dyad/news"
)

var (
	analyzerOnce sync.Once
	analyzerVal  *nlp.Analyzer
	analyzerErr  error
)

// analyzer returns one nlp.Analyzer for all tests of the package.
func analyzer(tb testing.TB) *nlp.Analyzer {
	tb.Helper()
	analyzerOnce.Do(func() { analyzerVal, analyzerErr = nlp.New() })
	if analyzerErr != nil {
		tb.Fatalf("nlp.New: %v", analyzerErr)
	}
	return analyzerVal
}

// sentences splits text into one block per line and tags it.
func sentences(tb testing.TB, text string) []news.Sentence {
	tb.Helper()
	var blocks []news.Block
	off := 0
	for _, line := range strings.SplitAfter(text, "\n") {
		if n := len(strings.TrimRight(line, "\n")); n > 0 {
			blocks = append(blocks, news.Block{Kind: news.BlockParagraph, Span: news.Span{off, off + n}})
		}
		off += len(line)
	}
	return analyzer(tb).Sentences(text, blocks)
}

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// tm is a wanted time expression; Find's span is checked separately.
func tm(text, value, grain, start, end string) news.Time {
	return news.Time{Text: text, Value: value, Grain: grain, Start: start, End: end}
}

// checkSpans fails unless every span fits the text, matches Text, and the
// spans are in order without overlap.
func checkSpans(t *testing.T, text string, got []news.Time) {
	t.Helper()
	prev := 0
	for _, g := range got {
		if !g.Span.In(len(text)) || g.Span.Text(text) != g.Text {
			t.Errorf("span %v of %q: text[span] = %q", g.Span, g.Text, g.Span.Text(text))
		}
		if g.Span.Start() < prev || g.Span.Len() == 0 {
			t.Errorf("span %v of %q out of order or empty", g.Span, g.Text)
		}
		prev = g.Span.End()
	}
}

var ignoreSpan = cmpopts.IgnoreFields(news.Time{}, "Span")

func TestFind(t *testing.T) {
	// 2016-07-15 is a Friday.
	tests := []struct {
		name string
		pub  string
		text string
		want []news.Time
	}{
		// Absolute dates.
		{"month day year", "2016-07-15", "The accord was signed on June 18, 2016, in Geneva.",
			[]news.Time{tm("June 18, 2016", "2016-06-18", "day", "2016-06-18", "2016-06-18")}},
		{"day month year", "2016-07-15", "Elections were held on 18 June 2016 across the country.",
			[]news.Time{tm("18 June 2016", "2016-06-18", "day", "2016-06-18", "2016-06-18")}},
		{"abbreviated month", "2016-07-15", "The truce began on Jan. 5 after weeks of talks.",
			[]news.Time{tm("Jan. 5", "2016-01-05", "day", "2016-01-05", "2016-01-05")}},
		{"abbreviation without period", "2016-07-15", "The truce began Jan 5 in the north.",
			[]news.Time{tm("Jan 5", "2016-01-05", "day", "2016-01-05", "2016-01-05")}},
		{"ordinal day", "2016-07-15", "Talks resumed on January 5th in Oslo.",
			[]news.Time{tm("January 5th", "2016-01-05", "day", "2016-01-05", "2016-01-05")}},
		{"Sept. with year", "2016-07-15", "The treaty took effect Sept. 3, 2014.",
			[]news.Time{tm("Sept. 3, 2014", "2014-09-03", "day", "2014-09-03", "2014-09-03")}},
		{"ISO date", "2016-07-15", "The memo is dated 2016-06-18 and marked secret.",
			[]news.Time{tm("2016-06-18", "2016-06-18", "day", "2016-06-18", "2016-06-18")}},
		{"unambiguous slash date", "2016-07-15", "The form was filed on 06/18/2016 by the ministry.",
			[]news.Time{tm("06/18/2016", "2016-06-18", "day", "2016-06-18", "2016-06-18")}},
		{"ambiguous slash date", "2016-07-15", "The form was filed on 03/04/2016 by the ministry.", nil},
		{"month year", "2016-07-15", "The mission ended in June 2016.",
			[]news.Time{tm("June 2016", "2016-06", "month", "2016-06-01", "2016-06-30")}},
		{"bare year", "2016-07-15", "The group was founded in 2014 by former officers.",
			[]news.Time{tm("2014", "2014", "year", "2014-01-01", "2014-12-31")}},
		{"the year", "2016-07-15", "The year 2015 was the worst.",
			[]news.Time{tm("2015", "2015", "year", "2015-01-01", "2015-12-31")}},
		{"years in a list", "2016-07-15", "Floods struck in 2011, 2013 and 2015.",
			[]news.Time{
				tm("2011", "2011", "year", "2011-01-01", "2011-12-31"),
				tm("2013", "2013", "year", "2013-01-01", "2013-12-31"),
				tm("2015", "2015", "year", "2015-01-01", "2015-12-31"),
			}},
		{"mid-month", "2016-07-15", "Fighting flared in mid-March near the border.",
			[]news.Time{tm("mid-March", "2016-03", "month", "2016-03-11", "2016-03-20")}},
		{"early month", "2016-07-15", "Clashes erupted in early June.",
			[]news.Time{tm("early June", "2016-06", "month", "2016-06-01", "2016-06-10")}},
		{"late year", "2016-07-15", "The deal collapsed in late 2015.",
			[]news.Time{tm("late 2015", "2015", "year", "2015-09-01", "2015-12-31")}},
		{"decade", "2016-07-15", "The war dragged on through the 1990s.",
			[]news.Time{tm("the 1990s", "1990/1999", "range", "1990-01-01", "1999-12-31")}},
		{"early decade", "2016-07-15", "He lived abroad in the early 1980s.",
			[]news.Time{tm("the early 1980s", "1980/1989", "range", "1980-01-01", "1983-12-31")}},
		{"weekday and date", "2016-07-15", "The letter was sent on Monday, Feb. 14, 2015, to the court.",
			[]news.Time{tm("Monday, Feb. 14, 2015", "2015-02-14", "day", "2015-02-14", "2015-02-14")}},
		{"date without year near the turn of the year", "2016-01-03", "The strike happened on Dec. 30 in the port.",
			[]news.Time{tm("Dec. 30", "2015-12-30", "day", "2015-12-30", "2015-12-30")}},
		{"date without year and without tense", "2016-07-15", "A summit on Aug. 3 in Vienna.",
			[]news.Time{tm("Aug. 3", "2016-08-03", "day", "2016-08-03", "2016-08-03")}},
		{"month without year under past tense", "2016-07-15", "Russia began bombing in September.",
			[]news.Time{tm("September", "2015-09", "month", "2015-09-01", "2015-09-30")}},
		{"month without year under future tense", "2016-07-15", "Voters will go to the polls in March.",
			[]news.Time{tm("March", "2017-03", "month", "2017-03-01", "2017-03-31")}},
		{"day range", "2016-07-15", "Delegates met on June 18-20 in Doha.",
			[]news.Time{tm("June 18-20", "2016-06-18/2016-06-20", "range", "2016-06-18", "2016-06-20")}},
		{"end of month", "2016-07-15", "By the end of June the army had withdrawn.",
			[]news.Time{tm("the end of June", "2016-06", "month", "2016-06-21", "2016-06-30")}},
		{"quarter", "2016-07-15", "Exports fell in the third quarter of 2015.",
			[]news.Time{tm("the third quarter of 2015", "2015-Q3", "quarter", "2015-07-01", "2015-09-30")}},
		{"season with year", "2016-07-15", "The drought of the summer of 2015 hit farmers.",
			[]news.Time{tm("the summer of 2015", "2015-06/2015-08", "range", "2015-06-01", "2015-08-31")}},

		// Relative expressions, leaning to the past.
		{"bare weekday is publication day", "2016-07-15", "Kerry spoke with Lavrov Friday about the war.",
			[]news.Time{tm("Friday", "2016-07-15", "day", "2016-07-15", "2016-07-15")}},
		{"on weekday", "2016-07-15", "Rebels attacked the town on Tuesday.",
			[]news.Time{tm("Tuesday", "2016-07-12", "day", "2016-07-12", "2016-07-12")}},
		{"weekday night", "2016-07-15", "A truck struck the crowd Thursday night.",
			[]news.Time{tm("Thursday night", "2016-07-14", "day", "2016-07-14", "2016-07-14")}},
		{"late weekday night", "2016-07-15", "The two leaders met late Thursday night in the capital.",
			[]news.Time{tm("late Thursday night", "2016-07-14", "day", "2016-07-14", "2016-07-14")}},
		{"late weekday", "2016-07-15", "The two leaders met late Thursday.",
			[]news.Time{tm("late Thursday", "2016-07-14", "day", "2016-07-14", "2016-07-14")}},
		{"weekday morning", "2016-07-15", "Shelling resumed Wednesday morning.",
			[]news.Time{tm("Wednesday morning", "2016-07-13", "day", "2016-07-13", "2016-07-13")}},
		{"weekday then comma", "2016-07-15", "Thursday, a spokesman denied the report.",
			[]news.Time{tm("Thursday", "2016-07-14", "day", "2016-07-14", "2016-07-14")}},
		{"yesterday", "2016-07-15", "The minister resigned yesterday.",
			[]news.Time{tm("yesterday", "2016-07-14", "day", "2016-07-14", "2016-07-14")}},
		{"today", "2016-07-15", "Parliament votes today on the budget.",
			[]news.Time{tm("today", "2016-07-15", "day", "2016-07-15", "2016-07-15")}},
		{"tonight", "2016-07-15", "The president speaks tonight.",
			[]news.Time{tm("tonight", "2016-07-15", "day", "2016-07-15", "2016-07-15")}},
		{"last night", "2016-07-15", "Gunmen stormed a hotel last night.",
			[]news.Time{tm("last night", "2016-07-14", "day", "2016-07-14", "2016-07-14")}},
		{"this week", "2016-07-15", "Just this week, officials accused the army of abuses.",
			[]news.Time{tm("this week", "2016-W28", "week", "2016-07-11", "2016-07-17")}},
		{"last week", "2016-07-15", "Two pilots died in a crash last week.",
			[]news.Time{tm("last week", "2016-W27", "week", "2016-07-04", "2016-07-10")}},
		{"next week", "2016-07-15", "The envoy returns next week.",
			[]news.Time{tm("next week", "2016-W29", "week", "2016-07-18", "2016-07-24")}},
		{"earlier this month", "2016-07-15", "Earlier this month, the cabinet resigned.",
			[]news.Time{tm("Earlier this month", "2016-07", "month", "2016-07-01", "2016-07-15")}},
		{"this month", "2016-07-15", "Prices rose this month.",
			[]news.Time{tm("this month", "2016-07", "month", "2016-07-01", "2016-07-31")}},
		{"last month", "2016-07-15", "Prices rose last month.",
			[]news.Time{tm("last month", "2016-06", "month", "2016-06-01", "2016-06-30")}},
		{"next month", "2016-07-15", "Prices will rise next month.",
			[]news.Time{tm("next month", "2016-08", "month", "2016-08-01", "2016-08-31")}},
		{"last month-name before publication month", "2016-07-15", "The intervention began last September.",
			[]news.Time{tm("last September", "2015-09", "month", "2015-09-01", "2015-09-30")}},
		{"last month-name earlier this year", "2016-07-15", "He announced a withdrawal last March.",
			[]news.Time{tm("last March", "2016-03", "month", "2016-03-01", "2016-03-31")}},
		{"last month-name same as publication month", "2016-03-10", "He announced a withdrawal last March.",
			[]news.Time{tm("last March", "2015-03", "month", "2015-03-01", "2015-03-31")}},
		{"this year", "2016-07-15", "Growth slowed this year.",
			[]news.Time{tm("this year", "2016", "year", "2016-01-01", "2016-12-31")}},
		{"last year", "2016-07-15", "Growth slowed last year.",
			[]news.Time{tm("last year", "2015", "year", "2015-01-01", "2015-12-31")}},
		{"next year", "2016-07-15", "Growth will slow next year.",
			[]news.Time{tm("next year", "2017", "year", "2017-01-01", "2017-12-31")}},
		{"days ago", "2016-07-15", "The village fell two days ago.",
			[]news.Time{tm("two days ago", "2016-07-13", "day", "2016-07-13", "2016-07-13")}},
		{"weeks ago", "2016-07-15", "The village fell three weeks ago.",
			[]news.Time{tm("three weeks ago", "2016-W25", "week", "2016-06-20", "2016-06-26")}},
		{"a year ago", "2016-07-15", "The village fell a year ago.",
			[]news.Time{tm("a year ago", "2015", "year", "2015-01-01", "2015-12-31")}},
		{"earlier this year", "2016-07-15", "The army retook the city earlier this year.",
			[]news.Time{tm("earlier this year", "2016", "year", "2016-01-01", "2016-07-15")}},
		{"the past week", "2016-07-15", "Dozens died in the past week.",
			[]news.Time{tm("the past week", "2016-07-09/2016-07-15", "range", "2016-07-09", "2016-07-15")}},
		{"the weekend", "2016-07-18", "Rebels attacked over the weekend.",
			[]news.Time{tm("the weekend", "2016-07-16/2016-07-17", "range", "2016-07-16", "2016-07-17")}},
		{"last summer", "2016-07-15", "Floods hit the valley last summer.",
			[]news.Time{tm("last summer", "2015-06/2015-08", "range", "2015-06-01", "2015-08-31")}},

		// To the future only where the grammar says so.
		{"will meet on Monday", "2016-07-15", "Kerry will meet Lavrov on Monday.",
			[]news.Time{tm("Monday", "2016-07-18", "day", "2016-07-18", "2016-07-18")}},
		{"is due to visit", "2016-07-13", "The envoy is due to visit Cairo on Friday.",
			[]news.Time{tm("Friday", "2016-07-15", "day", "2016-07-15", "2016-07-15")}},
		{"future on publication weekday", "2016-07-15", "The envoy will visit Cairo on Friday.",
			[]news.Time{tm("Friday", "2016-07-15", "day", "2016-07-15", "2016-07-15")}},
		{"next weekday", "2016-07-15", "The talks resume next Monday.",
			[]news.Time{tm("next Monday", "2016-07-18", "day", "2016-07-18", "2016-07-18")}},
		{"last weekday", "2016-07-15", "The talks broke down last Friday.",
			[]news.Time{tm("last Friday", "2016-07-08", "day", "2016-07-08", "2016-07-08")}},
		{"is expected to, verb after", "2016-07-15", "On Monday, the ministers are expected to sign.",
			[]news.Time{tm("Monday", "2016-07-18", "day", "2016-07-18", "2016-07-18")}},
		{"is to", "2016-07-15", "The president is to visit Kiev on Tuesday.",
			[]news.Time{tm("Tuesday", "2016-07-19", "day", "2016-07-19", "2016-07-19")}},
		{"plans to", "2016-07-15", "The minister plans to travel on Sunday.",
			[]news.Time{tm("Sunday", "2016-07-17", "day", "2016-07-17", "2016-07-17")}},
		{"scheduled", "2016-07-15", "The vote is scheduled for Wednesday.",
			[]news.Time{tm("Wednesday", "2016-07-20", "day", "2016-07-20", "2016-07-20")}},
		{"past and future in one sentence", "2016-07-15", "Kerry said on Monday he will travel to Moscow on Wednesday.",
			[]news.Time{
				tm("Monday", "2016-07-11", "day", "2016-07-11", "2016-07-11"),
				tm("Wednesday", "2016-07-20", "day", "2016-07-20", "2016-07-20"),
			}},

		// The grammar's future without "will": plans, expectations, "ahead
		// of", "upcoming", passive infinitives and timetables.
		{"planned for", "2016-07-15", "Envoys left for a border meeting planned for Tuesday.",
			[]news.Time{tm("Tuesday", "2016-07-19", "day", "2016-07-19", "2016-07-19")}},
		{"expected by", "2016-07-15", "A verdict is expected by March, lawyers said.",
			[]news.Time{tm("March", "2017-03", "month", "2017-03-01", "2017-03-31")}},
		{"plan for", "2016-07-15", "The generals met to plan naval exercises for May.",
			[]news.Time{tm("May", "2017-05", "month", "2017-05-01", "2017-05-31")}},
		{"expected to until", "2016-07-15", "Officials expected the curfew to last until mid-April.",
			[]news.Time{tm("mid-April", "2017-04", "month", "2017-04-11", "2017-04-20")}},
		{"planned for early month", "2016-07-15", "Mediators named a venue for talks planned for early June.",
			[]news.Time{tm("early June", "2017-06", "month", "2017-06-01", "2017-06-10")}},
		{"ahead of", "2016-07-15", "Police closed the square ahead of Sunday's march.",
			[]news.Time{tm("Sunday", "2016-07-17", "day", "2016-07-17", "2016-07-17")}},
		{"passive infinitive", "2016-07-15", "Diplomats finished a text to be signed in Vienna on Wednesday.",
			[]news.Time{tm("Wednesday", "2016-07-20", "day", "2016-07-20", "2016-07-20")}},
		{"timetable present", "2016-07-15", "The council, which convenes in Lima on Monday, has urged calm.",
			[]news.Time{tm("Monday", "2016-07-18", "day", "2016-07-18", "2016-07-18")}},
		{"reporting present is no timetable", "2016-07-15", "The army says its troops left on Monday.",
			[]news.Time{tm("Monday", "2016-07-11", "day", "2016-07-11", "2016-07-11")}},
		{"arrested for is not planned", "2016-07-15", "Two men were arrested for Thursday's bombing.",
			[]news.Time{tm("Thursday", "2016-07-14", "day", "2016-07-14", "2016-07-14")}},

		// Shifts from the last day named, else the publication date.
		{"a day earlier", "2016-07-15", "Rebels took the town on Tuesday after shelling it a day earlier.",
			[]news.Time{
				tm("Tuesday", "2016-07-12", "day", "2016-07-12", "2016-07-12"),
				tm("a day earlier", "2016-07-11", "day", "2016-07-11", "2016-07-11"),
			}},
		{"days later across sentences", "2016-07-15", "The ceasefire began on June 3, 2016. Fighting resumed two days later.",
			[]news.Time{
				tm("June 3, 2016", "2016-06-03", "day", "2016-06-03", "2016-06-03"),
				tm("two days later", "2016-06-05", "day", "2016-06-05", "2016-06-05"),
			}},
		{"a week earlier without a day", "2016-07-15", "The envoy had warned of this a week earlier.",
			[]news.Time{tm("a week earlier", "2016-W27", "week", "2016-07-04", "2016-07-10")}},

		// Older years only after in, since or until.
		{"old year after in", "2016-07-15", "The border was drawn in 1878 by the powers.",
			[]news.Time{tm("1878", "1878", "year", "1878-01-01", "1878-12-31")}},
		{"old number after by is no year", "2016-07-15", "Exports rose by 1650 tonnes.", nil},

		// Times of day.
		{"time before day", "2016-07-15", "The blast hit at 9 a.m. Thursday.",
			[]news.Time{tm("9 a.m. Thursday", "2016-07-14T09", "hour", "2016-07-14", "2016-07-14")}},
		{"day at time", "2016-07-15", "Troops left Thursday at 9:30 p.m.",
			[]news.Time{tm("Thursday at 9:30 p.m.", "2016-07-14T21", "hour", "2016-07-14", "2016-07-14")}},
		{"time on day", "2016-07-15", "The polls closed at 9:30 p.m. on Thursday.",
			[]news.Time{tm("9:30 p.m. on Thursday", "2016-07-14T21", "hour", "2016-07-14", "2016-07-14")}},
		{"time takes the sentence's day", "2016-07-15", "Police arrived on Thursday and the shooting stopped at 11 p.m.",
			[]news.Time{
				tm("Thursday", "2016-07-14", "day", "2016-07-14", "2016-07-14"),
				tm("11 p.m.", "2016-07-14T23", "hour", "2016-07-14", "2016-07-14"),
			}},
		{"time without a day", "2016-07-15", "The shooting stopped at 11 p.m.", nil},
		{"GMT clock", "2016-06-30", "The strike came at 1800 GMT on June 28, 2016.",
			[]news.Time{tm("1800 GMT on June 28, 2016", "2016-06-28T18", "hour", "2016-06-28", "2016-06-28")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Find(tt.text, sentences(t, tt.text), day(tt.pub), true)
			checkSpans(t, tt.text, got)
			if diff := cmp.Diff(tt.want, got, ignoreSpan, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Find(%q) mismatch (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestFindNotTimes(t *testing.T) {
	for _, text := range []string{
		"Russia may respond to the sanctions.",
		"Thousands joined a protest march in the capital.",
		"Troops march on the city.",
		"The Sunday Times reported the story first.",
		"He fought in the Six-Day War.",
		"Black September gunmen seized the athletes.",
		"Half a million people have died in the five-year civil war.",
		"The hotline is open 24/7.",
		"The home side won 3-1.",
		"Crowds gathered on Bastille Day.",
		"The talks lasted for three days.",
		"Some 2,200 people fled and 84 people died.",
		"Theresa May said the 1500 troops would stay.",
		"May said it was time to go.",
		"The Sept. 11 attacks changed the region.",
		"The 2000 residents were moved.",
		"She received 1995 votes.",
		"The late president was buried.",
		"At last the talks ended.",
	} {
		if got := Find(text, sentences(t, text), day("2016-07-15"), true); len(got) != 0 {
			t.Errorf("Find(%q) = %+v, want none", text, got)
		}
	}
}

func TestFindUnknownPublication(t *testing.T) {
	text := "Kerry met Lavrov on Friday, June 17, 2016, and again on Thursday.\n" +
		"They last met in June 2016 and in early 2015, before talks last week."
	got := Find(text, sentences(t, text), time.Time{}, false)
	checkSpans(t, text, got)
	want := []news.Time{
		tm("Friday, June 17, 2016", "2016-06-17", "day", "2016-06-17", "2016-06-17"),
		tm("June 2016", "2016-06", "month", "2016-06-01", "2016-06-30"),
		tm("early 2015", "2015", "year", "2015-01-01", "2015-04-30"),
	}
	if diff := cmp.Diff(want, got, ignoreSpan); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
}

// TestFindArticle runs Find over a short article written for this test, in
// the style of a wire report with a caption, published Friday 2015-11-20.
func TestFindArticle(t *testing.T) {
	text := "Delegates arrive for talks in Geneva, Switzerland, Nov. 19, 2015.\n" +
		"GENEVA - Envoys from both camps sat down together Friday for the first time since the truce of last April.\n" +
		"The first round ended late Thursday night without a statement, and a second round will open on Monday.\n" +
		"Thursday, a spokesman for the mediators said the sides had agreed on prisoner swaps earlier this month.\n" +
		"Since the fighting began in March 2013, some 4,000 people have died in the three-year conflict; 60 died last week alone.\n" +
		"Just this week, observers reported shelling near the airport at 6 a.m. Wednesday.\n" +
		"The mediators are expected to report to the council by Dec. 15, and elections may follow next year.\n" +
		"Aid groups say conditions worsened through the summer of 2014 and again last September."
	got := Find(text, sentences(t, text), day("2015-11-20"), true)
	checkSpans(t, text, got)
	want := []news.Time{
		tm("Nov. 19, 2015", "2015-11-19", "day", "2015-11-19", "2015-11-19"),
		tm("Friday", "2015-11-20", "day", "2015-11-20", "2015-11-20"),
		tm("last April", "2015-04", "month", "2015-04-01", "2015-04-30"),
		tm("late Thursday night", "2015-11-19", "day", "2015-11-19", "2015-11-19"),
		tm("Monday", "2015-11-23", "day", "2015-11-23", "2015-11-23"),
		tm("Thursday", "2015-11-19", "day", "2015-11-19", "2015-11-19"),
		tm("earlier this month", "2015-11", "month", "2015-11-01", "2015-11-20"),
		tm("March 2013", "2013-03", "month", "2013-03-01", "2013-03-31"),
		tm("last week", "2015-W46", "week", "2015-11-09", "2015-11-15"),
		tm("this week", "2015-W47", "week", "2015-11-16", "2015-11-22"),
		tm("6 a.m. Wednesday", "2015-11-18T06", "hour", "2015-11-18", "2015-11-18"),
		tm("Dec. 15", "2015-12-15", "day", "2015-12-15", "2015-12-15"),
		tm("next year", "2016", "year", "2016-01-01", "2016-12-31"),
		tm("the summer of 2014", "2014-06/2014-08", "range", "2014-06-01", "2014-08-31"),
		tm("last September", "2015-09", "month", "2015-09-01", "2015-09-30"),
	}
	if diff := cmp.Diff(want, got, ignoreSpan); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
}

func TestFindWithoutTokens(t *testing.T) {
	text := "Officials met on Jan. 5, 2016 and again at 9 a.m. Thursday; the 1990s were calmer."
	want := []news.Time{
		tm("Jan. 5, 2016", "2016-01-05", "day", "2016-01-05", "2016-01-05"),
		tm("9 a.m. Thursday", "2016-07-14T09", "hour", "2016-07-14", "2016-07-14"),
		tm("the 1990s", "1990/1999", "range", "1990-01-01", "1999-12-31"),
	}
	for _, ss := range [][]news.Sentence{nil, {{Span: news.Span{0, len(text)}}}} {
		got := Find(text, ss, day("2016-07-15"), true)
		checkSpans(t, text, got)
		if diff := cmp.Diff(want, got, ignoreSpan); diff != "" {
			t.Errorf("sentences %v: mismatch (-want +got):\n%s", ss, diff)
		}
	}
}

func TestForSentence(t *testing.T) {
	text := "No date here. Rebels attacked on Tuesday and again on Wednesday. Talks resume next week."
	ss := sentences(t, text)
	times := Find(text, ss, day("2016-07-15"), true)
	var got []string
	for _, s := range ss {
		if tm, ok := ForSentence(times, s); ok {
			got = append(got, tm.Text)
		} else {
			got = append(got, "")
		}
	}
	if diff := cmp.Diff([]string{"", "Tuesday", "next week"}, got); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
}
