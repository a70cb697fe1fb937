package actor

import (
	"strings"

	"dyad/news"
)

// This file lends a bare spokesman's title the country of the state that
// speaks in the sentence or the one before: "Moscow rejected the
// allegations. Foreign Ministry spokeswoman Darya Belova said …" is
// Russia's spokeswoman, whatever the dateline.

// speechVerbs are the verbs by which a state speaks or reacts: its
// subject is who a spokesman after it speaks for.
var speechVerbs = set(`say said says tell told reject deny dismiss promise vow warn accuse condemn
	respond insist announce urge protest welcome criticise criticize reply retort threaten refuse
	demand declare denounce summon vowed`)

// speakingRoles are the title words of those who speak for a state: a
// title with no country of its own that holds one of them speaks for the
// state that spoke just before.
var speakingRoles = set(`spokesman spokeswoman spokesperson spokespeople ministry minister ambassador
	envoy diplomat`)

// noteSpeaker records the country of the party ts[lo:hi] when it is the
// subject of a verb of speech or reaction ("Moscow rejected", "Russia,
// which …, denied"). code is the party's actor code.
func (st *state) noteSpeaker(ts []news.Token, lo, hi int, code string) {
	if len(code) < 3 || !isCountryCode(code[:3]) {
		return
	}
	_, last := nameList(ts, lo, hi)
	v := skipRelative(ts, last)
	for v < len(ts) && (ts[v].Tag == "MD" || ts[v].Tag == "RB" || auxiliaries[strings.ToLower(ts[v].Text)]) {
		v++
	}
	if v < len(ts) && strings.HasPrefix(ts[v].Tag, "VB") && verbIn(speechVerbs, ts[v].Text) {
		st.speakers = append(st.speakers, code[:3])
	}
}

// isCountryCode reports whether c is a state's code: three capital letters
// that no international or transnational code starts with.
func isCountryCode(c string) bool {
	if len(c) != 3 || c == "IGO" || c == "NGO" || c == "IMG" || c == "MNC" || c == "---" {
		return false
	}
	for i := 0; i < 3; i++ {
		if c[i] < 'A' || c[i] > 'Z' {
			return false
		}
	}
	return true
}

// speaker returns the one state that spoke in the current sentence so far
// or, when none did, in the sentence before in the same paragraph; "" when
// none or several did.
func (st *state) speaker() string {
	one := func(cs []string) string {
		c := ""
		for _, x := range cs {
			if c != "" && x != c {
				return ""
			}
			c = x
		}
		return c
	}
	if len(st.speakers) > 0 {
		return one(st.speakers)
	}
	return one(st.prevSpeakers)
}

// voiceCode is homeCode for a title whose words are ts[lo:hi]: a
// spokesman's or minister's title with no country of its own takes the
// country of the state that just spoke (speaker), the story's otherwise.
func (st *state) voiceCode(ts []news.Token, lo, hi int, agent *item) string {
	if agent == nil {
		return ""
	}
	if c := st.speaker(); c != "" {
		for k := max(lo, 0); k < hi && k < len(ts); k++ {
			if speakingRoles[strings.ToLower(ts[k].Text)] {
				return join(c, agent.code, agent.append)
			}
		}
	}
	return st.homeCode(agent)
}

// namesEU reports whether text names the European Union ("European
// Union", or "EU" as a word).
func namesEU(text string) bool {
	if strings.Contains(text, "European Union") {
		return true
	}
	for i := 0; ; {
		k := strings.Index(text[i:], "EU")
		if k < 0 {
			return false
		}
		k += i
		before := k == 0 || !isLetter(text[k-1])
		after := k+2 >= len(text) || !isLetter(text[k+2])
		if before && after {
			return true
		}
		i = k + 2
	}
}

// isLetter reports whether the byte c is an ASCII letter.
func isLetter(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}
