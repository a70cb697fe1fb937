// Package coder is dyad's sparse-parsing event coder in the TABARI and
// PETRARCH tradition. From tokenised, tagged and chunked sentences and a set
// of TABARI or PETRARCH dictionaries it codes who did what to whom as CAMEO
// events, and says why (Explain).
//
// The coding works on the words alone, without a full parse:
//
//   - actor phrases are found by longest match of dictionary names
//     (date-restricted codes are evaluated at the sentence date; a name
//     written with a blank, "PRINCE DOL_AMROTH", lets up to two plain
//     words come between, "Prince of Dol_Amroth", as TABARI and the
//     PETRARCH suite read it; one written with hyphens, "Al-Gore", is the
//     name with underscores); agent
//     phrases ("police", "foreign minister") are joined to the nearest actor
//     ("Gondor police", "Gondor's government", "police in Gondor") by the
//     agents' [~CODE] and [CODE~] rules; actors joined by "and" or commas
//     form compounds that yield one event per member; pronouns refer back
//     to the previous actor;
//   - verbs are found through an index of their forms (regular inflections
//     generated as PETRARCH does, irregular ones from the dictionary, stems
//     in TABARI dictionaries, where a pattern word marked "~" is a stem
//     even when joined to the next); each verb's patterns are tried, most specific
//     first, sparsely around the verb, with synsets, the $ + % ^ markers and
//     PETRARCH-2 noun and prepositional phrases; the first that matches gives
//     the code, else the verb's default code;
//   - the source is the first actor of the verb's clause (or of the
//     sentence), the target the first actor after the verb; passive voice
//     ("was attacked by X") swaps them; a code "a:b" codes a from source to
//     target and b back from target to source;
//   - negation ("did not", "never") drops the event or marks it negated, as
//     configured; discard phrases stop a sentence or a whole story.
//
// A Coder is immutable and safe for concurrent use.
package coder

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"dyad/internal/dictfile"
	"dyad/news"
)

// Negation says what the coder does with an event whose verb is negated.
type Negation uint8

// The ways of handling negated verbs.
const (
	// NegationDrop codes nothing for a negated verb (the peers' behaviour).
	NegationDrop Negation = iota
	// NegationMark codes the event with modality "negated".
	NegationMark
	// NegationIgnore codes the event as if it were asserted.
	NegationIgnore
)

// Dialect selects the matching rules of a dictionary family.
type Dialect uint8

// The dialects. DialectAuto picks TABARI when the set was read from a
// TABARI project or from .verbs/.actors files, else PETRARCH.
const (
	DialectAuto Dialect = iota
	// DialectPetrarch matches whole words and generates regular forms.
	DialectPetrarch
	// DialectTabari matches dictionary words as stems unless they end in '_'.
	DialectTabari
)

// Options are the coding switches.
type Options struct {
	// RequireDyad drops events without both a source and a target
	// (PETRARCH's require_dyad).
	RequireDyad bool
	// Negation says how negated verbs are handled.
	Negation Negation
	// OneEventPerStory keeps only the first event of a story.
	OneEventPerStory bool
	// MinWords skips sentences with fewer words, punctuation not counted
	// and clitics part of their word (TABARI's MINIMUM WORDS).
	MinWords int
	// DefaultSource and DefaultTarget code a missing source or target
	// (TABARI's DEFAULT option); empty means none.
	DefaultSource, DefaultTarget string
	// DefaultSourcePrior uses the default source as soon as no actor comes
	// before the verb (TABARI's PRIOR); without it the first actor after
	// the verb is the source, and the default only when there is none.
	DefaultSourcePrior bool
	// DefaultTargetAfter uses the default target as soon as no actor comes
	// after the verb (TABARI's AFTER); without it a second actor before the
	// verb is the target, and the default only when there is none.
	DefaultTargetAfter bool
	// CodeBySentence keeps only the first event of each sentence (TABARI's
	// SET: CODE BY SENTENCE; CODE BY CLAUSE, the default, codes each clause).
	CodeBySentence bool
	// CodeAll codes every verb of a clause, not only its first that yields
	// an event (TABARI's SET: CODE ALL): a later verb takes the clause's
	// subject as its source.
	CodeAll bool
	// IgnoreDominant turns off dominant codes (TABARI's SET: CHECK
	// DOMINANT = FALSE): by default a verb code ending in '!' is dominant,
	// and when a sentence yields a dominant event its other events are
	// dropped.
	IgnoreDominant bool
	// ConvertAgent codes an agent with no actor as an actor of its own,
	// "~" and the agent's code ("~MIL"), TABARI's CONVERT AGENT.
	ConvertAgent bool
	// Dialect selects the matching rules; DialectAuto decides from the set.
	Dialect Dialect
	// Commas deletes comma-delimited clauses of some lengths before coding.
	Commas Commas
	// MaxEventsPerSentence caps the events of one sentence; 0 means no cap.
	MaxEventsPerSentence int
	// NewActorLength codes a noun phrase with no actor or agent in it as a
	// new actor, its upper-case words in double quotes ("INJURY TOLL"),
	// when it has at most this many words, and as no actor ("---") when it
	// has more (PETRARCH's new_actor_length); 0 codes no new actors.
	NewActorLength int
	// Complex leaves sentences too complex to code uncoded (TABARI's
	// COMPLEX option; entries coded "+++" always make a sentence complex).
	Complex Complexity
	// News turns on the readings of contemporary news that the peers'
	// suites do not expect, for dyad's built-in dictionaries: a bare place
	// after "in" is where an act happens, not a party to it.
	News bool
	// ImplicitTarget is the actor code (a country's) that a verbal act of a
	// foreign actor with no target named is directed at: the country a
	// story is about ("Peru withdrew recognition" in a story on Venezuela's
	// vote). Empty codes no implicit targets.
	ImplicitTarget string
	// Names are actors the article itself introduces ("Opposition leader
	// Makebi Zulu", and later "Zulu"), found by the entity stage: a name
	// codes as an actor where no longer dictionary phrase matches.
	Names []Name
}

// Name is an actor named in one article: its words, upper-case as the
// tokens give them, its actor code, and where it comes from (Pos, given
// as the rule of the actor phrases it codes).
type Name struct {
	Words []string
	Code  string
	Pos   dictfile.Pos
}

// DefaultOptions are the switches PETRARCH runs with: both actors required,
// negated verbs dropped.
func DefaultOptions() Options {
	return Options{RequireDyad: true}
}

// With applies PETRARCH <Config> switches (require_dyad, …) and TABARI
// OPTION switches ("SET: MINIMUM WORDS", "DEFAULT: SOURCE [X] TARGET [Y]",
// "DEFAULT: OFF") by their names in the suites. Switches that only change
// output layout or features dyad does not model are accepted and ignored;
// a value that cannot be read is an error.
func (o Options) With(config map[string]string) (Options, error) {
	for k, v := range config {
		key := strings.ToLower(strings.Join(strings.Fields(k), " "))
		val := strings.TrimSpace(v)
		switch key {
		case "require_dyad":
			b, err := parseBool(val)
			if err != nil {
				return o, fmt.Errorf("coder: option %s: %w", k, err)
			}
			o.RequireDyad = b
		case "negation":
			switch strings.ToLower(val) {
			case "drop":
				o.Negation = NegationDrop
			case "mark", "negated":
				o.Negation = NegationMark
			case "ignore":
				o.Negation = NegationIgnore
			default:
				return o, fmt.Errorf("coder: option %s: unknown value %q", k, v)
			}
		case "one_event_a_story", "one_event_per_story":
			b, err := parseBool(val)
			if err != nil {
				return o, fmt.Errorf("coder: option %s: %w", k, err)
			}
			o.OneEventPerStory = b
		case "minimum words", "set: minimum words", "minimum_words":
			n, err := strconv.Atoi(strings.Fields(val + " 0")[0])
			if err != nil {
				return o, fmt.Errorf("coder: option %s: %w", k, err)
			}
			o.MinWords = n
		case "code", "code by":
			switch strings.ToUpper(val) {
			case "SENTENCE":
				o.CodeBySentence, o.CodeAll = true, false
			case "CLAUSE":
				o.CodeBySentence, o.CodeAll = false, false
			case "ALL":
				o.CodeBySentence, o.CodeAll = false, true
			default:
				return o, fmt.Errorf("coder: option %s: unknown value %q", k, v)
			}
		case "check dominant", "set: check dominant":
			b, err := parseBool(val)
			if err != nil {
				return o, fmt.Errorf("coder: option %s: %w", k, err)
			}
			o.IgnoreDominant = !b
		case "convert agent", "set: convert agent":
			b, err := parseBool(val)
			if err != nil {
				return o, fmt.Errorf("coder: option %s: %w", k, err)
			}
			o.ConvertAgent = b
		case "comma", "comma_min", "comma_max", "comma_bmin", "comma_bmax", "comma_emin", "comma_emax":
			var err error
			if key == "comma" {
				o.Commas, err = parseCommas(o.Commas, val)
			} else if n, e := strconv.Atoi(val); e != nil {
				err = e
			} else {
				o.Commas.set(strings.TrimPrefix(key, "comma_"), n)
			}
			if err != nil {
				return o, fmt.Errorf("coder: option %s: %w", k, err)
			}
		case "new_actor_length":
			n, err := strconv.Atoi(val)
			if err != nil || n < 0 {
				return o, fmt.Errorf("coder: option %s: not a length: %q", k, v)
			}
			o.NewActorLength = n
		case "complex":
			cx, err := parseComplex(val)
			if err != nil {
				return o, fmt.Errorf("coder: option %s: %w", k, err)
			}
			o.Complex = cx
		case "default", "set: default":
			o.DefaultSource, o.DefaultTarget, o.DefaultSourcePrior, o.DefaultTargetAfter = parseDefault(val)
		default:
			// Layout, output and parser switches (stop_on_error, FORWARD, OUTPUT, …) do not change what
			// dyad codes.
		}
	}
	return o, nil
}

// parseDefault reads "SOURCE [DEFSRC] PRIOR TARGET [DEFTAR] AFTER" or "OFF".
func parseDefault(s string) (src, tgt string, prior, after bool) {
	up := strings.ToUpper(s)
	for _, w := range strings.FieldsFunc(up, func(r rune) bool { return r == ' ' || r == '[' || r == ']' }) {
		switch w {
		case "PRIOR":
			prior = true
		case "AFTER":
			after = true
		}
	}
	code := func(after string) string {
		i := strings.Index(up, after)
		if i < 0 {
			return ""
		}
		rest := up[i+len(after):]
		a, b := strings.IndexByte(rest, '['), strings.IndexByte(rest, ']')
		if a < 0 || b < a {
			return ""
		}
		return strings.TrimSpace(rest[a+1 : b])
	}
	return code("SOURCE"), code("TARGET"), prior, after
}

func parseBool(s string) (bool, error) {
	switch strings.ToLower(s) {
	case "true", "t", "yes", "1", "on":
		return true, nil
	case "false", "f", "no", "0", "off":
		return false, nil
	}
	return false, fmt.Errorf("not a boolean: %q", s)
}

// Coder codes events from sentences with one set of dictionaries.
type Coder struct {
	ix   *index
	opts Options
	stem bool
}

// New builds the indexes of set once. The Coder is immutable and safe for
// concurrent use.
func New(set *dictfile.Set, opts Options) (*Coder, error) {
	if set == nil {
		return nil, fmt.Errorf("coder: no dictionaries")
	}
	if set.Verbs == nil || set.Actors == nil {
		return nil, fmt.Errorf("coder: the dictionaries need verbs and actors")
	}
	stem := false
	switch opts.Dialect {
	case DialectTabari:
		stem = true
	case DialectAuto:
		stem = isTabari(set)
	}
	ix := buildIndex(set, stem)
	return &Coder{ix: ix, opts: opts, stem: stem}, nil
}

func isTabari(set *dictfile.Set) bool {
	if set.Options != nil {
		return true
	}
	for _, f := range set.Files {
		l := strings.ToLower(f)
		if strings.HasSuffix(l, ".verbs") || strings.HasSuffix(l, ".actors") || strings.HasSuffix(l, ".project") {
			return true
		}
	}
	return false
}

// WithOptions returns a copy of c with other switches, sharing the indexes.
func (c *Coder) WithOptions(o Options) *Coder {
	d := *c
	d.opts = o
	switch o.Dialect {
	case DialectTabari:
		if !c.ix.stem {
			nc, _ := New(c.ix.set, o)
			return nc
		}
	case DialectPetrarch:
		if c.ix.stem {
			nc, _ := New(c.ix.set, o)
			return nc
		}
	}
	return &d
}

// Options returns the switches c codes with.
func (c *Coder) Options() Options { return c.opts }

// Code codes the events of a story: text is the text every span points
// into and sentences its analysed sentences (from nlp). date is the story's
// date, at which date-restricted actor codes are evaluated.
func (c *Coder) Code(text string, sentences []news.Sentence, date time.Time) []news.Event {
	evs, _ := c.CodeFrom(text, sentences, date, nil)
	return evs
}

// Antecedent is what one text of a story hands on to the next for its
// pronouns (TABARI's FORWARD): the actor that a pronoun with no actor
// before it in its own text stands for.
type Antecedent struct {
	// Code is the actor's own code, without agents.
	Code string
	// Rules are the file:line of the dictionary entries that coded it.
	Rules []string
}

// CodeFrom codes a text as Code does, where a pronoun in the first
// sentence with no actor before it stands for from (when not nil), and
// returns the antecedent the text hands on: the first actor named in its
// last sentence that names one (from again when none does).
func (c *Coder) CodeFrom(text string, sentences []news.Sentence, date time.Time, from *Antecedent) ([]news.Event, *Antecedent) {
	d := dictfile.MakeDate(date)
	// A story discard anywhere stops the whole story; a sentence discard
	// stops its sentence.
	ws := make([][]string, len(sentences))
	sentDiscard := make([]*dictfile.Discard, len(sentences))
	for i := range sentences {
		ws[i] = words(sentences[i].Tokens, make([]string, 0, len(sentences[i].Tokens)))
		hit, story := c.ix.discard(ws[i])
		if hit != nil && story {
			return nil, nil
		}
		sentDiscard[i] = hit
	}
	var out []news.Event
	var prev *group
	var pair, persons []*unit
	var person *unit // the first person of the last sentence naming one (News)
	plural := false  // prev's first member is a plural noun (News)
	if from != nil && from.Code != "" {
		u := &unit{first: -1, last: -1, code: from.Code, actor: from.Code, hasActor: true, rules: from.Rules}
		prev = &group{members: []*unit{u}, first: -1, last: -1}
	}
	next := from
	sc, _ := c.ix.scratch.Get().(*scratch)
	if sc == nil {
		sc = &scratch{}
	}
	defer c.ix.scratch.Put(sc)
	for i := range sentences {
		if sentDiscard[i] != nil {
			continue
		}
		in := prev
		if c.opts.News && prev != nil && (person != nil || plural) {
			withPerson := *prev
			withPerson.person, withPerson.plural = person, plural
			in = &withPerson
		}
		if c.opts.News && in != nil && (len(pair) > 1 || len(persons) > 1) {
			// "the two ministers" are the last two persons of different
			// countries named, else the last two actors
			withPair := *in
			withPair.pair = pair
			if len(persons) > 1 {
				withPair.pair = persons
			}
			in = &withPair
		}
		st := c.analyseWordsAfter(text, &sentences[i], ws[i], d, in, out, sc)
		if c.opts.News {
			pair = st.lastPair(pair, false)
			persons = st.lastPair(persons, true)
			for _, u := range st.units {
				if !u.pronoun && !u.blank && u.code != "" && personLike(u) && !st.pluralUnit(u) {
					cp := *u
					person = &cp
					break
				}
			}
		}
		evs := dominant(st.events, !c.opts.IgnoreDominant)
		if c.opts.CodeBySentence && len(evs) > 1 {
			// the events of the sentence's first coded verb
			k := 1
			for k < len(evs) && evs[k].Verb != nil && evs[0].Verb != nil && evs[k].Verb.Span == evs[0].Verb.Span {
				k++
			}
			evs = evs[:k]
		}
		for j := range evs {
			evs[j].Sentence = i
		}
		out = append(out, evs...)
		if st.lastActor != nil {
			prev = st.lastActor
			plural = c.opts.News && len(prev.members) > 0 && st.pluralUnit(prev.members[0])
		}
		for _, u := range st.units {
			if u.hasActor && !u.pronoun && u.actor != "" {
				next = &Antecedent{Code: u.actor, Rules: u.rules}
				break
			}
		}
		if c.opts.OneEventPerStory && len(out) > 0 {
			return out[:1], next
		}
	}
	return out, next
}

// lastPair updates pair, the last two actors of different countries
// named (only persons known by name when persons is set), with the
// actors the sentence names (in order). An actor that
// only modifies a noun ("Russian mediation") or says where ("in Astana")
// is no party and is passed over.
func (st *state) lastPair(pair []*unit, persons bool) []*unit {
	for _, u := range st.units {
		if !u.hasActor || u.pronoun || u.newActor || u.actor == "" || len(u.code) < 3 || strings.Contains(u.code, "/") {
			continue
		}
		if persons && !namedPerson(u) {
			continue
		}
		if t := st.tag(u.last); u.last < len(st.ws) && (t == "NN" || t == "NNS") || st.locative(&group{members: []*unit{u}, first: u.first, last: u.last}) {
			continue
		}
		if n := len(pair); n > 0 && pair[n-1].code[:3] == u.code[:3] {
			pair[n-1] = u
			continue
		}
		if len(pair) == 2 && pair[1].code[:3] != u.code[:3] {
			pair = []*unit{pair[1], u}
			continue
		}
		pair = append(pair, u)
	}
	return pair
}

// namedPerson reports whether u is a person known by name: an office
// holder of the dictionaries or a person the article introduces.
func namedPerson(u *unit) bool {
	for _, r := range u.rules {
		if strings.Contains(r, "officeholders") || strings.HasPrefix(r, "entities/person") {
			return true
		}
	}
	return false
}

// dominant applies TABARI's dominant codes to a sentence's events: a code
// ending in '!' marks its event as dominant, and when check is on and a
// dominant event is present only the dominant events are kept. The '!' is
// removed from the codes either way; events the removal makes equal are
// kept once.
func dominant(evs []news.Event, check bool) []news.Event {
	has := false
	for _, e := range evs {
		if strings.HasSuffix(e.Code, "!") {
			has = true
			break
		}
	}
	if !has {
		return evs
	}
	out := evs[:0]
	for _, e := range evs {
		dom := strings.HasSuffix(e.Code, "!")
		if check && !dom {
			continue
		}
		e.Code = strings.TrimSuffix(e.Code, "!")
		dup := false
		for _, o := range out {
			if sameCode(o.Source, e.Source) && sameCode(o.Target, e.Target) && o.Code == e.Code {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, e)
		}
	}
	return out
}

// pluralUnit reports whether the unit u ends in a plural noun ("troops",
// "the mutineers"): no "he" or "she" stands for it.
func (st *state) pluralUnit(u *unit) bool {
	if u.first < 0 || u.last > len(st.ws) || u.pronoun {
		return false
	}
	t := st.tag(u.last - 1)
	return t == "NNS" || t == "NNPS"
}
