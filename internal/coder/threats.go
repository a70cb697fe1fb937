package coder

// This file reads a coercive or violent act announced with "will" or
// "would" as the threat it is, and one with "could" or "might" as no act.

// forceRoots are the CAMEO roots of coercion and force: reducing
// relations (16), coercion (17), assault (18), fighting (19) and mass
// violence (20).
var forceRoots = map[string]bool{"16": true, "17": true, "18": true, "19": true, "20": true}

// violentRoots are the CAMEO roots of physical violence: assault (18),
// fighting (19) and mass violence (20).
var violentRoots = map[string]bool{"18": true, "19": true, "20": true}

// possibilityModals are the auxiliaries of what may happen ("could be
// charged", "might strike"): neither an act nor a threat.
var possibilityModals = map[string]bool{"COULD": true, "MIGHT": true, "MAY": true, "SHOULD": true}

// rootOf returns the two-digit root of a CAMEO code, or "".
func rootOf(code string) string {
	if len(code) < 3 || code[0] < '0' || code[0] > '9' || code[1] < '0' || code[1] > '9' {
		return ""
	}
	return code[:2]
}

// threatCodes maps the codes of coercive and violent acts to the CAMEO
// threat (root 13) of each; codes not listed take their root's threat.
var threatCodes = map[string]string{
	"160": "131", "161": "1313", "162": "1311", "1621": "1311", "1622": "1311", "1623": "1311",
	"163": "1312", "164": "134", "165": "135", "166": "136", "1661": "136", "1662": "136", "1663": "136",
	"172": "132", "1721": "1321", "1722": "1322", "1723": "1323", "1724": "1324",
	"173": "137", "174": "137", "175": "137",
	"191": "1381", "192": "1382", "193": "1384", "194": "1384", "195": "1384",
	"204": "1385", "2041": "1385", "2042": "1385",
}

// rootThreats is the threat of each root of coercion and force.
var rootThreats = map[string]string{"16": "131", "17": "130", "18": "1383", "19": "138", "20": "1383"}

// threatCode is the threat (root 13) of a coercive or violent act code:
// "will expel the diplomats" (161) threatens to break relations (1313),
// "would impose sanctions" (163) threatens sanctions (1312). Other codes,
// and the empty code, are returned unchanged.
func threatCode(code string) string {
	if c, ok := threatCodes[code]; ok {
		return c
	}
	if c, ok := rootThreats[rootOf(code)]; ok {
		return c
	}
	return code
}
