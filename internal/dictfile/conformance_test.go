package dictfile

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// conformance is where the peers' dictionaries live, relative to this package.
const conformance = "../../../shared/conformance"

func conformanceDir(t testing.TB, sub string) string {
	t.Helper()
	dir := filepath.Join(conformance, sub)
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("conformance data not found at %s (it lives outside the repo): %v", dir, err)
	}
	return dir
}

// realFileWarnings documents every line of the peers' published
// dictionaries that is malformed but tolerated (each is read as PETRARCH
// reads it, or skipped as PETRARCH skips it):
//
//   - CAMEO.2.0.txt 2374, 7606: a stray ')' before the code ("(WITH VISIT) VISIT)[042:043]"); ignored.
//   - CAMEO.2.0.txt 7430, 7611, 7670, 8498: "[110]---  ---", no blank after the code; read as [110].
//   - CAMEO.2.0.txt 8443, 8444: patterns use &WEATHER and &DEMONSTRATION, never defined; skipped.
//   - Countries.actors 2039, International.actors 40: 7-digit dates ("9008223"); restriction skipped.
//   - Countries.actors 14190: a range that ends before it starts; restriction skipped.
//   - Countries.actors 15346: "+FAEROYENE]_", a stray ']'; dropped.
//   - Countries.actors 18010, 22508, 22519, 43613: 9- and 10-digit dates; the first 8 digits are read.
//   - Countries.actors 31715, 51384: "[MNEGOV 20121204]", a date with no <, > or -; the code is unrestricted.
//   - International.actors 3696, 3726, 6605: spreadsheet columns after the code, outside a comment; ignored.
//   - Phoenix.agents 544: "[~ENV}" closed with '}'; read as [~ENV].
//   - Phoenix.agents 1927: "ISLAMIC_EXTREMIST" has no code; skipped.
//   - IssueCoding 141-147, 1040, 1183, 2250: phrases without a code in TYPE="ALL" sections; skipped.
//   - IssueCoding 155: "~eu+ gene", a '+' that joins nothing.
//   - IssueCoding 481: a second </ISSUE>.
//   - IssueCoding 1198, 2889, 3053: a second entry or junk after the code; ignored.
//   - IssueCoding 2521: "aqim [X] [X]", two codes; the first is used.
//   - PETR.Validate.verbs 439: "--- DELAY [191]  [031:031] ---", two codes; the first is used.
//   - PETR.Validate.verbs 680, 1017: "LASH OUT", "RULE OUT": multi-word verbs without '+'; the first word is the verb.
//   - PETR.Validate.verbs 1204: "--- TROUBLED  [---] # NOUN ---", the comment hides the closing ---.
var realFileWarnings = map[string][]int{
	"phoenix/CAMEO.2.0.txt":                    {2374, 7430, 7606, 7611, 7670, 8498, 8443, 8444},
	"phoenix/Phoenix.Countries.actors.txt":     {2039, 14190, 15346, 18010, 22508, 22519, 31715, 43613, 51384},
	"phoenix/Phoenix.International.actors.txt": {40, 3696, 3726, 6605},
	"phoenix/Phoenix.agents.txt":               {544, 1927},
	"phoenix/Phoenix.IssueCoding.txt":          {141, 142, 143, 144, 145, 146, 147, 155, 481, 1040, 1183, 1198, 2250, 2521, 2889, 3053},
	"petrarch/PETR.Validate.verbs.txt":         {439, 680, 1017, 1204},
}

func TestConformanceFilesLoad(t *testing.T) {
	paths := []string{
		conformanceDir(t, "phoenix"),
		conformanceDir(t, "petrarch"),
		filepath.Join(conformanceDir(t, "tabari"), "Validate.project"),
		filepath.Join(conformanceDir(t, "tabari"), "CAMEO.09b5.options"),
	}
	got := map[string][]int{}
	for _, p := range paths {
		warns, err := Check(p)
		if err != nil {
			var de *Error
			if errors.As(err, &de) {
				for _, pr := range de.Problems {
					t.Errorf("%s", pr)
				}
			} else {
				t.Errorf("%s: %v", p, err)
			}
		}
		for _, w := range warns {
			rel, _ := filepath.Rel(conformance, w.File)
			got[filepath.ToSlash(rel)] = append(got[filepath.ToSlash(rel)], w.Line)
		}
	}
	if diff := cmp.Diff(realFileWarnings, got); diff != "" {
		t.Errorf("warnings on the real files (-want +got):\n%s", diff)
	}
}

func BenchmarkLoadPhoenix(b *testing.B) {
	dir := conformanceDir(b, "phoenix")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := LoadPetrarch(dir); err != nil {
			b.Fatal(err)
		}
	}
}

func TestConformancePhoenix(t *testing.T) {
	dir := conformanceDir(t, "phoenix")
	set, err := LoadPetrarch(dir)
	if err != nil {
		t.Fatal(err)
	}
	v := set.Verbs
	patterns, verbs, members := 0, 0, 0
	for _, b := range v.Blocks {
		patterns += len(b.Patterns)
		verbs += len(b.Verbs)
	}
	for _, s := range v.Synsets {
		members += len(s.Members)
	}
	synonyms, codes := 0, 0
	for _, a := range set.Actors.Entries {
		synonyms += len(a.Synonyms)
		codes += len(a.Codes)
	}
	got := map[string]int{
		"synsets": len(v.Synsets), "members": members, "blocks": len(v.Blocks), "verbs": verbs,
		// 4668 "- " lines, two skipped for undefined synsets
		"patterns": patterns, "transformations": len(v.Transformations),
		"actors": len(set.Actors.Entries), "synonyms": synonyms, "actor codes": codes,
		"agents": len(set.Agents.Entries), "markers": len(set.Agents.Markers),
		"discards": len(set.Discards.Entries), "issues": len(set.Issues.Entries), "categories": len(set.Issues.Categories),
		"warnings": len(set.Warnings), "files": len(set.Files),
	}
	want := map[string]int{
		"synsets": 40, "members": 558, "blocks": 397, "verbs": 1817, "patterns": 4666, "transformations": 8,
		"actors": 27252, "synonyms": 8365, "actor codes": 37303, "agents": 3374, "markers": 2,
		"discards": 506, "issues": 3160, "categories": 52, "warnings": 39, "files": 8,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("counts (-want +got):\n%s", diff)
	}

	// ---  ACCELERATE   [---]  --- with "- * (TO)  [042:043]  # RUSH" on line 718
	b := v.Blocks[0]
	p := b.Patterns[0]
	cameo := filepath.Join(dir, "CAMEO.2.0.txt")
	if b.Name != "ACCELERATE" || !b.Code.IsNull() || len(b.Verbs) != 8 ||
		p.Pos != (Pos{File: cameo, Line: 718}) || p.Code != (Code{Raw: "042:043", Active: "042", Passive: "043"}) ||
		p.Comment != "RUSH" || len(p.After) != 1 || p.After[0].Kind != PrepPhrase || p.After[0].Text != "TO" {
		t.Errorf("first block = %s %v %d verbs, first pattern %+v", b.Name, b.Code, len(b.Verbs), p)
	}
	if s, ok := v.Synset("&CURRENCY"); !ok || s.Members[0].Raw != "MONEY" {
		t.Errorf("&CURRENCY = %+v", s)
	}
	a := set.Actors.Entries[0]
	countries := filepath.Join(dir, "Phoenix.Countries.actors.txt")
	if a.Phrase.Text() != "AFGHANISTAN" || a.Pos != (Pos{File: countries, Line: 45}) || a.Codes[0].Code != "AFG" {
		t.Errorf("first actor = %+v", a)
	}
	for _, a := range set.Actors.Entries {
		if a.Phrase.Raw == "MOHAMMAD_ZAHIR_SHAH_" {
			if c, ok := a.CodeOn(19500101); !ok || c.Code != "AFGGOV" || c.Pos.Line != 107 {
				t.Errorf("Zahir Shah in 1950 = %+v", c)
			}
		}
	}
	found := 0
	for _, g := range set.Agents.Entries {
		if g.Template == "FOREIGN_!MINIST!" {
			found++
			if g.Code != "GOV" || !g.Append || g.Pos.Line != 726 {
				t.Errorf("agent %+v", g)
			}
		}
	}
	if found != 4 {
		t.Errorf("FOREIGN_!MINIST! expanded to %d agents, want 4", found)
	}
	d := set.Discards.Entries
	if d[0].Phrase.Text() != "1914" {
		t.Errorf("first discard %+v", d[0])
	}
	is := set.Issues.Entries[0]
	if is.Phrase != "N:PRESCHOOL" || is.Code != "EARLY_CHILDHOOD_EDUCATION" || is.Pos.Line != 6 || is.Category != "EDUCATION" {
		t.Errorf("first issue %+v", is)
	}
}

func TestConformancePetrarchAndTabari(t *testing.T) {
	pdir := conformanceDir(t, "petrarch")
	set, err := LoadPetrarch(pdir)
	if err != nil {
		t.Fatal(err)
	}
	var abandon *VerbBlock
	for i := range set.Verbs.Blocks {
		if set.Verbs.Blocks[i].Name == "ABANDON" {
			abandon = &set.Verbs.Blocks[i]
		}
	}
	if abandon == nil {
		t.Fatal("no ABANDON block")
	}
	p := abandon.Patterns[0] // - * NEW_&TIETYPES_RELATIONS [903]
	wantAfter := []Token{{Kind: Word, Text: "NEW", Join: true}, {Kind: SynsetRef, Text: "&TIETYPES", Join: true}, {Kind: Word, Text: "RELATIONS"}}
	if diff := cmp.Diff(wantAfter, p.After); diff != "" || p.Code.Raw != "903" || p.Pos.Line != 55 {
		t.Errorf("ABANDON pattern %s (-want +got):\n%s", p.Pos, diff)
	}
	if v := abandon.Verbs[2]; v.Phrase.Text() != "KLM NOP RST" || v.Head != 2 || v.Code.Raw != "002" {
		t.Errorf("KLM_NOP_+RST = %+v", v)
	}
	var gamgee *Actor
	for i := range set.Actors.Entries {
		if set.Actors.Entries[i].Phrase.Raw == "SAM_GAMGEE" {
			gamgee = &set.Actors.Entries[i]
		}
	}
	if c, _ := gamgee.CodeOn(20100110); c.Code != "ORCHOB" || c.Pos.Line != 219 {
		t.Errorf("SAM_GAMGEE on 2010-01-10 = %+v", c)
	}
	if n := len(set.Actors.Entries); n != 127 {
		t.Errorf("PETR actors = %d, want 127", n)
	}

	tset, err := LoadTabariProject(filepath.Join(conformanceDir(t, "tabari"), "Validate.project"))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(tset.Verbs.Blocks); n != 283 {
		t.Errorf("TABARI verbs = %d, want 283", n)
	}
	if n := len(tset.Actors.Entries); n != 120 {
		t.Errorf("TABARI actors = %d, want 120", n)
	}
	if n := len(tset.Agents.Entries); n != 86 {
		t.Errorf("TABARI agents = %d, want 86", n)
	}
	if tset.Options == nil || tset.Options.Labels["223"] != "MIL ENGAGEMENT" {
		t.Errorf("options = %+v", tset.Options)
	}
	if len(tset.Warnings) != 0 {
		t.Errorf("TABARI warnings: %v", tset.Warnings)
	}
}
