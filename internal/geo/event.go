package geo

import (
	"strings"

	"dyad/news"
)

// eventLocatives attach a place to a clause: "in Damascus", "along Nice's
// promenade", "near the border town of Azaz".
var eventLocatives = map[string]bool{"in": true, "at": true, "near": true, "outside": true, "inside": true,
	"along": true, "across": true, "throughout": true, "around": true, "within": true, "over": true, "off": true,
	"on": true, "into": true}

// featureRank orders features from most to least specific.
var featureRank = map[string]int{FeatureCity: 0, FeatureAdmin1: 1, FeatureWater: 2, FeatureRegion: 2, FeatureOther: 2, FeatureCountry: 3}

// EventPlace gives the place of an event in sentence s: among places
// (the article's, as Find returned them) that lie in s and are attached to
// the clause by a locative preposition ("in Damascus", "along Nice's
// promenade", "in the northern city of Aleppo"), the most specific one,
// the first of equals. Demonyms ("a Turkish airbase") never place an event.
// When none is attached and a dateline place is given, it is returned if
// the sentence names no place outside the dateline's country; otherwise
// EventPlace returns false rather than guess.
func (g *Gazetteer) EventPlace(places []news.Place, s news.Sentence, dateline ...news.Place) (news.EventPlace, bool) {
	best := -1
	var others bool
	for k, p := range places {
		if p.Span[0] < s.Span[0] || p.Span[1] > s.Span[1] || !g.isToponym(p) {
			continue
		}
		if len(dateline) > 0 && p.Country != dateline[0].Country {
			others = true
		}
		if !attached(s, p.Span[0]) {
			continue
		}
		if best < 0 || featureRank[p.Feature] < featureRank[places[best].Feature] {
			best = k
		}
	}
	if best >= 0 {
		return toEventPlace(places[best]), true
	}
	if len(dateline) > 0 && !others && dateline[0].Name != "" {
		return toEventPlace(dateline[0]), true
	}
	return news.EventPlace{}, false
}

// isToponym reports whether a found place is a name of the place, not a
// demonym ("Turkish").
func (g *Gazetteer) isToponym(p news.Place) bool {
	if g == nil {
		return true
	}
	for _, r := range g.index[normKey(p.Text)] {
		if r.kind != refDemonym {
			return true
		}
	}
	return false
}

// attached reports whether the token before the place (across determiners,
// adjectives and "city of") is a locative preposition.
func attached(s news.Sentence, start int) bool {
	k := -1
	for i, t := range s.Tokens {
		if t.Span[0] >= start {
			k = i
			break
		}
	}
	for i, hops := k-1, 0; i >= 0 && hops < 5; i, hops = i-1, hops+1 {
		t := s.Tokens[i]
		w := strings.ToLower(t.Text)
		if eventLocatives[w] {
			return true
		}
		if !skippable[w] && t.Tag != "JJ" && t.Tag != "DT" {
			return false
		}
	}
	return false
}

func toEventPlace(p news.Place) news.EventPlace {
	return news.EventPlace{Name: p.Name, Country: p.Country, Lat: p.Lat, Lon: p.Lon, GeonamesID: p.GeonamesID}
}
