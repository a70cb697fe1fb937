package actor

import "strings"

// set builds a lookup set from space-separated words.
func set(words string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// titleWords are titles and roles that precede a name and are not part of it.
var titleWords = set(`president vice prime minister foreign defense defence secretary general gen sen
	senator rep representative gov governor mayor chancellor king queen prince princess sheikh pope dr
	mr mrs ms miss lt col colonel maj major capt captain adm admiral sgt sergeant
	judge justice chief chairman chairwoman chair ambassador spokesman spokeswoman spokesperson commander deputy
	director interior finance economy trade health education energy home affairs attorney speaker leader premier
	emir crown supreme ayatollah bishop rev father professor prof ceo senior assistant undersecretary
	secretary-general commissioner envoy officer executive adviser advisor head lawmaker candidate
	president-elect analyst cardinal archbishop imam rabbi sir lord lady dame lieutenant brig brigadier
	marshal coach manager founder sultan`)

// stopWords end a name: days, months and function words.
var stopWords = set(`monday tuesday wednesday thursday friday saturday sunday january february march april may june
	july august september october november december the a an and or but in on at of for with by from to
	after before during when while as since until he she it they we i you his her their its this that these
	those there here on mr`)

// orgWords mark a capitalised run as an organisation, not a person.
var orgWords = set(`house department ministry council union nations party group army forces force
	agency office bank court post times news university committee organization organisation parliament congress
	senate government administration association institute company corp inc ltd reuters press media
	network front movement alliance brigade command police service guard commission foundation center centre
	church league federation embassy channel tv television radio airlines bureau coalition authority authorities
	fund program programme corporation industries group club airways airport hospital school college
	academy institution tribunal assembly bloc cartel brotherhood voice journal daily herald tribune agency`)

// instWords are the heads of agent phrases that name an institution, so
// that "Russian Defense Ministry" is an organisation.
var instWords = set(`ministry ministries government army navy parliament embassy police military treasury`)

// firstNames are common first names: a single capitalised word that is one
// is a person without a title.
var firstNames = set(`mary anna angela hillary theresa maria elizabeth sarah susan nancy jane catherine kamala ursula
	nikki samantha julia emma olga natalia yulia marine jacinda sanna margaret helen linda laura karen lisa anne ann
	fatima aisha leila layla sophie claire christine federica kaja annalena giorgia elena tatiana svetlana irina
	john james michael david robert william vladimir sergei sergey dmitry dmitri joe donald barack
	mohammed muhammad mohammad ahmed ali hassan recep emmanuel ivan peter paul mark josh jeff boris olaf benjamin
	abdel omar yusuf thomas richard charles george jean pierre carlos luis juan jose antonio mario hans karl igor
	alexei andrei mikhail yuri viktor nikolai tony kevin brian daniel matthew andrew steven stephen frank
	mahmoud khalid tariq ibrahim mustafa rashid hamid javad hossein abbas narendra rahul shinzo fumio`)

// complementizers are IN-tagged words after which a subject may start:
// complementizers and subordinators ("since Pyongyang tested", "after
// Beijing and Moscow blocked"). A subject still needs its verb.
var complementizers = set(`that because although while if whether though since after before until unless once as when`)

// placeHeads end the name of a place ("Lamar County", "Paracel Islands").
var placeHeads = set(`county province district region oblast governorate prefecture islands island archipelago valley
	peninsula mountains hills desert strait`)

// ofPlaceHeads open the name of a water body or landform written "<Head> of
// <Name>" ("Gulf of Bothnia", "Bay of Kotor"): a place, not an organisation.
var ofPlaceHeads = set(`gulf bay sea strait straits lake cape isle island islands mouth`)

// facilityHeads end the name of a building or site ("Great Mosque").
var facilityHeads = set(`mosque cathedral temple synagogue palace stadium square bridge`)

// oddDemonyms are demonyms that the endings demonym reads do not tell
// ("Thai villages", "Swiss banks").
var oddDemonyms = set(`thai thais swiss greek greeks lao dane danes pole poles swede swedes finn finns
	turk turks serb serbs croat croats czech czechs scot scots briton britons welsh dutch french
	argentine argentines filipino filipinos`)
