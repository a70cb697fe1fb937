package dictfile

import (
	"io"
	"strings"
)

// Verbs is a verb dictionary: synsets, verb blocks with their patterns and
// PETRARCH-2's transformations. It reads the PETRARCH-1 and PETRARCH-2
// formats (blocks opened by "--- NAME [code] ---") and the TABARI format
// (each verb line opens its own block, with <SYNSETS> and <TIME> sections).
type Verbs struct {
	Synsets []Synset
	Blocks  []VerbBlock
	// Times holds the entries of a TABARI <TIME> section, one block each.
	Times           []VerbBlock
	Transformations []Transformation
	// Warnings lists lines the peers tolerate but that look wrong.
	Warnings []Problem

	synsets map[string]int
}

// Synset looks a synset up by name, with or without its '&'.
func (v *Verbs) Synset(name string) (*Synset, bool) {
	if !strings.HasPrefix(name, "&") {
		name = "&" + name
	}
	i, ok := v.synsets[upper(name)]
	if !ok {
		return nil, false
	}
	return &v.Synsets[i], true
}

// Synset is a named set of words or phrases ("&CURRENCY" with "+DOLLAR"
// lines) that a pattern can use in place of a word.
type Synset struct {
	// Name is the label with its '&' and without a final '_', e.g. "&AUXVERB1".
	Name string
	// NoPlural reports a label ending in '_': PETRARCH generates no plurals
	// for its members.
	NoPlural bool
	Members  []SynsetMember
	Pos      Pos
}

// SynsetMember is one '+' line of a synset.
type SynsetMember struct {
	// Raw is the member as written, without the '+'.
	Raw string
	// Tokens are its words; PETRARCH-1 and TABARI also allow synset
	// references (and TABARI the $ and + markers) here.
	Tokens []Token
	// NoPlural reports a final '_': PETRARCH generates no plural for it.
	NoPlural bool
	Pos      Pos
}

// VerbBlock is a set of verbs that share patterns and a default code.
type VerbBlock struct {
	// Name is the block name from "--- NAME [code] ---", or for TABARI the
	// verb as written.
	Name string
	// Code is the block's default code; "---" when none is written.
	Code     Code
	Verbs    []Verb
	Patterns []Pattern
	Pos      Pos
}

// Verb is one verb of a block.
type Verb struct {
	// Phrase is the verb without its '+' marker: "CORDON OFF" for
	// "+CORDON_OFF", "WIRE TAP" for "WIRE_+TAP".
	Phrase Phrase
	// Head is the index in Phrase.Words of the word the parser tags as the
	// verb: the one marked '+' in a PETRARCH multi-word verb, else 0.
	Head int
	// Forms are the irregular forms written in {...}, each with its own
	// Head. When HasForms is set no regular forms are generated.
	Forms    []VerbForm
	HasForms bool
	// Code is the verb's own code; HasCode is false when the verb uses the
	// block's code.
	Code    Code
	HasCode bool
	Pos     Pos
}

// VerbForm is an irregular form of a verb.
type VerbForm struct {
	Phrase Phrase
	Head   int
}

// HeadWord returns the word tagged as the verb.
func (v Verb) HeadWord() string {
	if v.Head < len(v.Phrase.Words) {
		return v.Phrase.Words[v.Head]
	}
	return ""
}

// Pattern is a '-' line: words before and after the verb '*' and a code.
type Pattern struct {
	// Raw is the pattern text between '-' and the code.
	Raw string
	// Before and After are the tokens on each side of '*', in text order.
	Before []Token
	After  []Token
	// JoinVerb reports an underscore between '*' and After[0]; an
	// underscore between Before's last token and '*' sets its Join.
	JoinVerb bool
	Code     Code
	// Comment is the text after '#' or ';' (PETRARCH-2 names the verb the
	// pattern came from there).
	Comment string
	Pos     Pos
}

// Transformation is a PETRARCH-2 '~' line that rewrites a pair of nested
// events, e.g. "~ a (a b ATTACK) SAY = a b 015".
type Transformation struct {
	Raw string
	// Pattern holds the words of the left side with '(' and ')' as tokens.
	Pattern []string
	// Result holds the words of the right side.
	Result []string
	Pos    Pos
}

type verbReader struct {
	v         Verbs
	ps        problems
	petrarch  bool // a "---" block header has been seen
	inSynset  bool
	inTime    bool
	lastVerb  *Verb
	lastBlock *VerbBlock
}

// ParseVerbs reads a verb dictionary in the TABARI, PETRARCH-1 or PETRARCH-2
// format. name is recorded in every Pos. All malformed lines are reported in
// the returned *Error; the Verbs value holds whatever could be read.
func ParseVerbs(name string, r io.Reader) (*Verbs, error) {
	src, err := readAll(name, r)
	if err != nil {
		return nil, err
	}
	vr := &verbReader{}
	vr.v.synsets = map[string]int{}
	sc := newScanner(name, src, &vr.ps)
	for {
		l, ok := sc.next()
		if !ok {
			break
		}
		t := strings.TrimLeft(l.text, " \t")
		if strings.HasPrefix(t, "~~") || strings.HasPrefix(t, "---STOP---") {
			break
		}
		wasSynset := vr.inSynset
		vr.inSynset = false
		switch {
		case t[0] == '<':
			vr.section(l.pos, t)
		case strings.HasPrefix(t, "---"):
			vr.header(l.pos, t)
		case t[0] == '-':
			vr.pattern(l, t[1:])
		case t[0] == '~':
			vr.transformation(l.pos, t[1:])
		case t[0] == '&':
			vr.synset(l.pos, t)
		case t[0] == '+' && wasSynset:
			vr.member(l.pos, t[1:])
		case t[0] == '{':
			vr.forms(l.pos, t)
		default:
			vr.verb(l.pos, t)
		}
	}
	vr.checkSynsets()
	vr.v.Warnings = vr.ps.warns
	return &vr.v, vr.ps.err()
}

func (vr *verbReader) section(pos Pos, t string) {
	switch strings.ToUpper(t) {
	case "<SYNSETS>", "</SYNSETS>":
	case "<TIME>":
		vr.inTime = true
	case "</TIME>":
		vr.inTime = false
	default:
		vr.ps.errorf(pos, "unknown section %s", quote(t))
	}
	vr.lastBlock, vr.lastVerb = nil, nil
}

func (vr *verbReader) header(pos Pos, t string) {
	vr.petrarch = true
	inner := strings.TrimSpace(strings.TrimPrefix(t, "---"))
	if !strings.HasSuffix(inner, "---") {
		// e.g. "--- NAME [---] # NOUN ---", where the comment hides the end
		vr.ps.warnf(pos, "block header does not end with ---")
	}
	inner = strings.TrimRight(inner, "- \t")
	head, blocks, tail, msg := splitCodes(inner)
	if msg != "" {
		vr.ps.errorf(pos, "block header: %s", msg)
	}
	if tail != "" {
		vr.ps.errorf(pos, "block header: text after code block: %s", quote(tail))
	}
	if strings.Contains(t, "]---") {
		vr.ps.warnf(pos, "block header has no blank between ] and ---")
	}
	name := strings.TrimSpace(head)
	if name == "" {
		vr.ps.errorf(pos, "block header has no name")
	}
	code := parseCode("---")
	if len(blocks) > 0 {
		code = parseCode(blocks[0])
		if code.Raw == "" {
			vr.ps.errorf(pos, "empty code [] in block header")
		}
	}
	if len(blocks) > 1 {
		vr.ps.warnf(pos, "block header has %d codes; PETRARCH uses the first, [%s]", len(blocks), blocks[0])
	}
	vr.v.Blocks = append(vr.v.Blocks, VerbBlock{Name: name, Code: code, Pos: pos})
	vr.lastBlock = &vr.v.Blocks[len(vr.v.Blocks)-1]
	vr.lastVerb = nil
}

func (vr *verbReader) pattern(l line, t string) {
	pos := l.pos
	if vr.lastBlock == nil {
		vr.ps.errorf(pos, "pattern before any verb")
		return
	}
	head, blocks, tail, msg := splitCodes(t)
	if msg == "" && tail != "" {
		msg = "text after code block: " + quote(tail)
	}
	if msg != "" {
		vr.ps.errorf(pos, "pattern: %s", msg)
		return
	}
	if len(blocks) == 0 {
		vr.ps.errorf(pos, "pattern has no [code]")
		return
	}
	if len(blocks) > 1 {
		vr.ps.errorf(pos, "pattern has %d codes", len(blocks))
		return
	}
	p := Pattern{Raw: strings.TrimSpace(head), Code: parseCode(blocks[0]), Comment: l.comment, Pos: pos}
	if p.Code.Raw == "" {
		vr.ps.errorf(pos, "empty code [] in pattern")
		return
	}
	star := strings.IndexByte(head, '*')
	if star < 0 {
		vr.ps.errorf(pos, "pattern has no verb marker '*'")
		return
	}
	if strings.IndexByte(head[star+1:], '*') >= 0 {
		vr.ps.errorf(pos, "pattern has more than one '*'")
		return
	}
	before, after := head[:star], head[star+1:]
	var lead bool
	var stray []string
	p.Before, _, stray, msg = parseTokens(before)
	if msg == "" {
		var s2 []string
		p.After, lead, s2, msg = parseTokens(after)
		stray = append(stray, s2...)
	}
	for _, s := range stray {
		vr.ps.warnf(pos, "pattern: stray %s ignored", s)
	}
	if msg != "" {
		vr.ps.errorf(pos, "pattern: %s", msg)
		return
	}
	p.JoinVerb = lead
	if n := len(p.Before); n > 0 && strings.HasSuffix(before, "_") {
		p.Before[n-1].Join, p.Before[n-1].Exact = true, false
	}
	vr.lastBlock.Patterns = append(vr.lastBlock.Patterns, p)
}

func (vr *verbReader) transformation(pos Pos, t string) {
	lhs, rhs, ok := strings.Cut(t, "=")
	if !ok || strings.Contains(rhs, "=") {
		vr.ps.errorf(pos, "transformation must have one '='")
		return
	}
	tr := Transformation{Raw: strings.TrimSpace(t), Pos: pos}
	depth := 0
	for _, f := range strings.Fields(strings.NewReplacer("(", " ( ", ")", " ) ").Replace(lhs)) {
		switch f {
		case "(":
			depth++
		case ")":
			depth--
		}
		if depth < 0 {
			break
		}
		tr.Pattern = append(tr.Pattern, upper(f))
	}
	tr.Result = strings.Fields(upper(rhs))
	switch {
	case depth != 0:
		vr.ps.errorf(pos, "transformation has unbalanced parentheses")
	case len(tr.Pattern) == 0 || len(tr.Result) == 0:
		vr.ps.errorf(pos, "transformation needs words on both sides of '='")
	default:
		vr.v.Transformations = append(vr.v.Transformations, tr)
	}
}

func (vr *verbReader) synset(pos Pos, t string) {
	vr.lastBlock, vr.lastVerb = nil, nil
	name := upper(t)
	if strings.ContainsAny(name, " \t[]{}()") || len(name) < 2 {
		vr.ps.errorf(pos, "bad synset label %s", quote(t))
		return
	}
	s := Synset{Name: name, Pos: pos}
	if strings.HasSuffix(name, "_") {
		s.Name, s.NoPlural = strings.TrimRight(name, "_"), true
	}
	if i, dup := vr.v.synsets[s.Name]; dup {
		vr.ps.errorf(pos, "synset %s already defined at %s", s.Name, vr.v.Synsets[i].Pos)
		return
	}
	vr.v.synsets[s.Name] = len(vr.v.Synsets)
	vr.v.Synsets = append(vr.v.Synsets, s)
	vr.inSynset = true
}

func (vr *verbReader) member(pos Pos, t string) {
	vr.inSynset = true
	raw := strings.TrimSpace(t)
	toks, _, stray, msg := parseTokens(raw)
	if msg == "" && len(stray) > 0 {
		msg = "unbalanced " + stray[0]
	}
	switch {
	case msg != "":
		vr.ps.errorf(pos, "synset member: %s", msg)
		return
	case len(toks) == 0:
		vr.ps.errorf(pos, "empty synset member")
		return
	}
	s := &vr.v.Synsets[len(vr.v.Synsets)-1]
	s.Members = append(s.Members, SynsetMember{Raw: raw, Tokens: toks, NoPlural: strings.HasSuffix(raw, "_"), Pos: pos})
}

// verbPhrase parses a verb with an optional '+' marking the verb word.
func verbPhrase(s string) (Phrase, int, string) {
	p := parsePhrase(s)
	head, marks := 0, 0
	for i, w := range p.Words {
		if strings.HasPrefix(w, "+") {
			p.Words[i] = w[1:]
			head = i
			marks++
		}
		if p.Words[i] == "" || strings.ContainsAny(p.Words[i], "+{}[]") {
			return p, 0, "bad verb " + quote(s)
		}
	}
	if marks > 1 {
		return p, 0, "more than one '+' in verb " + quote(s)
	}
	return p, head, ""
}

func (vr *verbReader) forms(pos Pos, t string) {
	if vr.lastVerb == nil {
		vr.ps.errorf(pos, "verb forms {...} before any verb")
		return
	}
	fs, rest, msg := parseForms(t)
	if msg == "" && strings.TrimSpace(rest) != "" {
		msg = "text after '}'"
	}
	if msg != "" {
		vr.ps.errorf(pos, "verb forms: %s", msg)
		return
	}
	vr.lastVerb.Forms = append(vr.lastVerb.Forms, fs...)
	vr.lastVerb.HasForms = true
}

// parseForms reads "{A B +C_D}" at the start of t.
func parseForms(t string) ([]VerbForm, string, string) {
	end := strings.IndexByte(t, '}')
	if end < 0 {
		return nil, "", "missing '}'"
	}
	var out []VerbForm
	for _, f := range strings.Fields(t[1:end]) {
		p, h, msg := verbPhrase(f)
		if msg != "" {
			return nil, "", msg
		}
		out = append(out, VerbForm{Phrase: p, Head: h})
	}
	return out, t[end+1:], ""
}

func (vr *verbReader) verb(pos Pos, t string) {
	head, blocks, tail, msg := splitCodes(t)
	if msg == "" && tail != "" {
		msg = "text after code block: " + quote(tail)
	}
	if msg != "" {
		vr.ps.errorf(pos, "verb: %s", msg)
		return
	}
	if len(blocks) > 1 {
		vr.ps.errorf(pos, "verb has %d codes", len(blocks))
		return
	}
	v := Verb{Pos: pos}
	if len(blocks) == 1 {
		v.Code, v.HasCode = parseCode(blocks[0]), true
		if v.Code.Raw == "" {
			vr.ps.errorf(pos, "empty code [] for verb")
			return
		}
	}
	word := head
	if i := strings.IndexByte(head, '{'); i >= 0 {
		word = head[:i]
		fs, rest, msg := parseForms(head[i:])
		if msg == "" && strings.TrimSpace(rest) != "" {
			msg = "text after '}'"
		}
		if msg != "" {
			vr.ps.errorf(pos, "verb forms: %s", msg)
			return
		}
		v.Forms, v.HasForms = fs, true
	} else if strings.IndexByte(head, '}') >= 0 {
		vr.ps.errorf(pos, "verb: '}' without '{'")
		return
	}
	v.Phrase, v.Head, msg = verbPhrase(word)
	if msg != "" {
		vr.ps.errorf(pos, "%s", msg)
		return
	}
	if len(v.Phrase.Words) == 0 {
		vr.ps.errorf(pos, "line has no verb")
		return
	}
	if vr.petrarch && !vr.inTime {
		if vr.lastBlock == nil {
			vr.ps.errorf(pos, "verb outside a --- block ---")
			return
		}
		if len(v.Phrase.Words) > 1 && !strings.Contains(word, "+") {
			vr.ps.warnf(pos, "multi-word verb %s has no '+' marking the verb; the first word is taken", quote(strings.TrimSpace(word)))
		}
		vr.lastBlock.Verbs = append(vr.lastBlock.Verbs, v)
		vr.lastVerb = &vr.lastBlock.Verbs[len(vr.lastBlock.Verbs)-1]
		return
	}
	// TABARI: every verb line opens its own block.
	b := VerbBlock{Name: strings.TrimSpace(word), Code: v.Code, Pos: pos, Verbs: []Verb{v}}
	if !v.HasCode {
		b.Code = parseCode("---")
	}
	list := &vr.v.Blocks
	if vr.inTime {
		list = &vr.v.Times
	}
	*list = append(*list, b)
	vr.lastBlock = &(*list)[len(*list)-1]
	vr.lastVerb = &vr.lastBlock.Verbs[0]
}

// checkSynsets reports references to synsets that are never defined. A
// synset member with one is an error; a pattern with one is dropped with a
// warning, as PETRARCH-1 skips it (PETRARCH-2 matches the name literally).
func (vr *verbReader) checkSynsets() {
	undefined := func(toks []Token) string {
		name := ""
		walkTokens(toks, func(t Token) {
			if t.Kind == SynsetRef && name == "" {
				if _, ok := vr.v.synsets[strings.TrimRight(t.Text, "_")]; !ok {
					name = t.Text
				}
			}
		})
		return name
	}
	for _, s := range vr.v.Synsets {
		for _, m := range s.Members {
			if n := undefined(m.Tokens); n != "" {
				vr.ps.errorf(m.Pos, "undefined synset %s", n)
			}
		}
	}
	for _, list := range [][]VerbBlock{vr.v.Blocks, vr.v.Times} {
		for i := range list {
			b := &list[i]
			kept := b.Patterns[:0]
			for _, p := range b.Patterns {
				n := undefined(p.Before)
				if n == "" {
					n = undefined(p.After)
				}
				if n != "" {
					vr.ps.warnf(p.Pos, "undefined synset %s; pattern skipped", n)
					continue
				}
				kept = append(kept, p)
			}
			b.Patterns = kept
		}
	}
}
