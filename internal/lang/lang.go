// Package lang tells the language of a text from its writing system and its
// commonest function words, with no model files: enough to tell English news
// from news in the other languages news is most often written in, so that a
// caller can skip what the English coder cannot read.
//
// A text mostly in a script other than Latin takes that script's language
// (Cyrillic: Russian, or Ukrainian when letters only Ukrainian uses occur;
// Arabic script: Arabic, or Persian or Urdu by their own letters; Han with
// kana: Japanese; Han alone: Chinese; and Greek, Hebrew, Korean, Hindi,
// Thai). A Latin text is scored on the function words of English, French,
// German, Spanish, Italian, Portuguese, Dutch, Swedish, Polish, Turkish and
// Indonesian: every word that is one of a language's counts for it, shared
// words split between the languages that share them. Too little evidence
// gives no answer rather than a guess.
package lang

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Guess is what Detect found.
type Guess struct {
	// Lang is the ISO 639-1 code of the language ("en", "fr", "ru"), or ""
	// when the text holds too little evidence to tell.
	Lang string
	// Confidence is the share of the evidence that points to Lang, in
	// [0, 1]; 0 when Lang is "".
	Confidence float64
}

// sample is how much of a text Detect looks at.
const sample = 4 << 10

// minWords is the least function-word evidence for a Latin-script answer.
const minWords = 4.0

// minLetters is the least number of letters for an answer from the script.
const minLetters = 20

// Detector guesses languages. It is immutable and safe for concurrent use.
type Detector struct {
	words wordLangs
}

// New returns a Detector.
func New() *Detector {
	return &Detector{words: newWordLangs()}
}

// Detect guesses the language of text from its first 4 KB; see the
// package documentation.
func (d *Detector) Detect(text string) Guess {
	if len(text) > sample {
		i := sample
		for i > 0 && !utf8.RuneStart(text[i]) {
			i--
		}
		text = text[:i]
	}
	if g, ok := byScript(text); ok {
		return g
	}
	return d.byWords(text)
}

// The scripts byScript counts.
const (
	latin = iota
	cyrillic
	greek
	arabic
	hebrew
	cjk
	hangul
	devanagari
	thai
	other
	nScripts
)

// scriptLang is the language of a script where it has one.
var scriptLang = [nScripts]string{greek: "el", hebrew: "he", hangul: "ko", devanagari: "hi", thai: "th"}

// byScript answers when most letters are of one non-Latin script.
func byScript(text string) (Guess, bool) {
	var counts [nScripts]int
	letters := 0
	var kana, ukr, persian, urdu int
	for _, r := range text {
		if r < 0x80 {
			if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' {
				letters++
				counts[latin]++
			}
			continue
		}
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		switch {
		case unicode.Is(unicode.Latin, r):
			counts[latin]++
		case unicode.Is(unicode.Cyrillic, r):
			counts[cyrillic]++
			if strings.ContainsRune("іїєґІЇЄҐ", r) {
				ukr++
			}
		case unicode.Is(unicode.Greek, r):
			counts[greek]++
		case unicode.Is(unicode.Arabic, r):
			counts[arabic]++
			if strings.ContainsRune("پچژگ", r) {
				persian++
			}
			if strings.ContainsRune("ںےٹڈڑ", r) {
				urdu++
			}
		case unicode.Is(unicode.Hebrew, r):
			counts[hebrew]++
		case unicode.Is(unicode.Hiragana, r), unicode.Is(unicode.Katakana, r):
			counts[cjk]++
			kana++
		case unicode.Is(unicode.Han, r):
			counts[cjk]++
		case unicode.Is(unicode.Hangul, r):
			counts[hangul]++
		case unicode.Is(unicode.Devanagari, r):
			counts[devanagari]++
		case unicode.Is(unicode.Thai, r):
			counts[thai]++
		default:
			counts[other]++
		}
	}
	if letters < minLetters {
		return Guess{}, false
	}
	best := 0
	for s := range counts {
		if counts[s] > counts[best] {
			best = s
		}
	}
	n := counts[best]
	if best == latin || best == other || 2*n <= letters {
		return Guess{}, false
	}
	lang := scriptLang[best]
	switch best {
	case cyrillic:
		lang = "ru"
		if ukr > 0 && ukr*100 >= n { // at least 1% of the letters
			lang = "uk"
		}
	case arabic:
		lang = "ar"
		switch {
		case urdu > 0 && urdu*100 >= n:
			lang = "ur"
		case persian > 0 && persian*100 >= n:
			lang = "fa"
		}
	case cjk:
		lang = "zh"
		if kana*10 >= n { // Japanese writes a good share in kana
			lang = "ja"
		}
	}
	return Guess{Lang: lang, Confidence: float64(n) / float64(letters)}, true
}

// functionWords are the commonest short words of each Latin-script language.
var functionWords = map[string]string{
	"en": "the of and to in is that for it with was on as by at from his her said have has are were be this which an but not they will would who their after its been also",
	"fr": "le la les des du de et est une un dans pour que qui pas sur au aux avec ce cette il elle sont été ont par plus mais ne se leur selon lors",
	"de": "der die das und ist nicht mit den dem ein eine zu von auf für sich des im auch es wird wurde sind hat bei nach aus sie er dass oder einem einer",
	"es": "el la los las de que y en del un una por con para es se al lo como más pero sus fue ha son está este esta también según",
	"it": "il lo la gli le di che e è per un una del della dei delle nel nella con non si sono ha al alla anche come più ma stato",
	"pt": "o os a as de do da dos das que e em no na um uma para com não por se mais foi é ao pelo pela ser está também",
	"nl": "de het een en van in is op te dat die niet met voor zijn er aan ook als bij door naar werd heeft wordt maar om nog",
	"sv": "och i att det som en på är av för med till den har de inte om ett var men från vid sig efter",
	"pl": "i w z na się nie do to że jest o jak po przez od ale za co dla czy są być oraz został",
	"tr": "ve bir bu da de için ile olarak olan çok daha gibi en ama sonra kadar değil var göre ise",
	"id": "yang dan di ini itu dengan untuk dari dalam tidak akan pada ke juga oleh telah ada sebagai adalah mereka",
}

// wordLangs maps each function word to the languages it belongs to.
type wordLangs map[string][]string

func newWordLangs() wordLangs {
	m := wordLangs{}
	for l, ws := range functionWords {
		for _, w := range strings.Fields(ws) {
			m[w] = append(m[w], l)
		}
	}
	return m
}

// byWords scores a Latin-script text on function words.
func (d *Detector) byWords(text string) Guess {
	words := d.words
	score := map[string]float64{}
	total := 0.0
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) }) {
		ls := words[w]
		for _, l := range ls {
			score[l] += 1 / float64(len(ls))
		}
		if len(ls) > 0 {
			total++
		}
	}
	if total < minWords {
		return Guess{}
	}
	best, s := "", 0.0
	for l, v := range score {
		if v > s || v == s && l < best {
			best, s = l, v
		}
	}
	return Guess{Lang: best, Confidence: s / total}
}
