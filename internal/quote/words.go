package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// set builds a lookup set from space-separated words.
func set(words string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// cueVerbs are the verb forms that introduce speech. The value is true for
// forms that are also common nouns ("notes", "claims") and need a verb
// context to count.
var cueVerbs = func() map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(`say says said saying told tell tells telling added adds adding noted
		stated wrote writes writing tweeted posted explained explains insisted insists insisting argued argues
		warned warns warning claimed asked replied replies responded responds continued continues concluded
		announced announces recalled recalls acknowledged acknowledges admitted admits commented remarked
		observed observes suggested suggests stressed stresses emphasized emphasised emphasizes emphasises urged
		urges complained complains cautioned predicted predicts called calling described describes referred
		refers notified informed declared declares conceded concedes vowed vows pledged promised promises
		asserted asserts maintained maintains countered quipped joked recounted testified shouted boasted
		lamented laments confirmed confirms reiterated reiterates agreed wondered mused pointed points
		announcing noting explaining stressing reported reports according`) {
		m[w] = false
	}
	for _, w := range strings.Fields(`notes claims states calls comments remarks tweets posts answers reports points`) {
		m[w] = true
	}
	return m
}()

// titleWords are titles and roles that precede a name and are not part of it.
var titleWords = set(`president vice prime minister foreign defense defence secretary state general gen. gen sen. sen
	senator rep. rep representative gov. gov governor mayor chancellor king queen prince princess sheikh pope dr. dr
	mr. mr mrs. mrs ms. ms miss lt. lt col. col colonel maj. major capt. capt captain adm. admiral sgt. sgt sergeant
	judge justice chief chairman chairwoman chair ambassador spokesman spokeswoman spokesperson commander deputy
	director interior finance economy trade health education energy home affairs attorney speaker leader premier
	emir crown supreme ayatollah bishop rev. father professor prof. ceo senior assistant undersecretary under high
	commissioner special envoy officer executive national security adviser advisor head lawmaker candidate
	president-elect analyst spokesmen officials official minister-designate cardinal archbishop imam rabbi sir lord
	lady dame gen.-maj. lieutenant brig. brigadier field marshal marshal coach manager founder`)

// stopWords end a name when read leftwards: days, months and function words.
var stopWords = set(`monday tuesday wednesday thursday friday saturday sunday january february march april may june
	july august september october november december the a an and or but in on at of for with by from to
	after before during when while as since until`)

// orgWords mark a capitalised run as an organisation or place, not a person.
var orgWords = set(`house department ministry kremlin pentagon council union nations party group army forces force
	agency office bank court post times news university committee organization organisation parliament congress
	senate government administration association institute company corp corp. inc inc. ltd reuters press media
	network front movement alliance nato brigade command police service guard commission foundation center centre
	church league federation embassy channel tv television radio airlines bureau coalition authority authorities
	voa bbc cnn afp ap state states republic kingdom emirates fund program programme council hezbollah hamas
	taliban isis qaida al-qaida ministry court`)

// femaleNames and maleNames are common first names, used only to keep a
// pronoun from resolving to a person of the other gender.
var femaleNames = set(`mary anna angela hillary theresa maria elizabeth sarah susan nancy jane catherine kamala ursula
	nikki samantha julia emma olga natalia yulia marine jacinda sanna margaret helen linda laura karen lisa anne ann
	fatima aisha leila layla sophie claire christine federica kaja annalena giorgia elena tatiana svetlana irina
	hasina benazir indira golda michelle melania jill janet liz kristalina ngozi amina rania priya ana patricia
	jennifer jessica emily rachel rebecca hannah grace chloe amanda maya nadia sara lucia ines marta eva ruth`)

var maleNames = set(`john james michael david robert william vladimir sergei sergey dmitry dmitri joe donald barack
	mohammed muhammad mohammad ahmed ali hassan recep emmanuel xi ivan peter paul mark josh jeff boris olaf benjamin
	abdel omar yusuf thomas richard charles george jean pierre carlos luis juan jose antonio mario hans karl igor
	alexei andrei mikhail yuri viktor nikolai tony kevin brian daniel matthew andrew steven stephen frank ben
	mahmoud khalid tariq ibrahim mustafa rashid hamid javad hossein abbas narendra rahul shinzo fumio kim moon`)

var femaleRoles = set(`spokeswoman chairwoman congresswoman mrs. mrs ms. ms miss queen princess madam businesswoman
	lady dame actress mother sister wife daughter woman grandmother`)

var maleRoles = set(`spokesman chairman congressman mr. mr king prince businessman sir lord father brother husband
	son man grandfather`)

// roleNouns are common nouns that describe a person's role; "the spokesman"
// resolves to the person introduced with the same role.
var roleNouns = set(`spokesman spokeswoman spokesperson minister president secretary diplomat analyst official
	ambassador envoy leader chairman chairwoman governor mayor senator general commander director chief premier
	chancellor king queen prince pope prosecutor judge lawyer attorney expert researcher professor economist
	activist witness resident negotiator mediator adviser advisor lawmaker legislator candidate officer coach
	founder executive head monitor observer correspondent editor author scientist doctor nurse farmer teacher
	student worker mother father survivor eyewitness son daughter wife husband brother sister
	neighbour neighbor friend colleague cousin uncle aunt nephew niece grandson granddaughter`)

// nameParticles may start a name token in lower case ("al-Assad", "bin").
var nameParticles = []string{"al-", "el-", "bin", "ibn", "de", "van", "von", "der", "da", "di", "du", "le", "la", "abu", "bint", "ben"}

// pronouns that a speaker can be.
var personPronouns = set(`he she him her`)

func lower(s string) string { return strings.ToLower(s) }

// isCap reports whether w starts with an upper-case letter.
func isCap(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// isNameToken reports whether w can be part of a person's name.
func isNameToken(w string) bool {
	if isCap(w) {
		return !stopWords[lower(w)]
	}
	lw := lower(w)
	for _, p := range nameParticles {
		if lw == p || strings.HasPrefix(lw, p) && strings.HasSuffix(p, "-") && len(lw) > len(p) {
			return true
		}
	}
	return false
}

// hasLetter reports whether s holds a letter or digit.
func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}
