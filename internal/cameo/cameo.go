// Package cameo provides the CAMEO event code table: each code's name, root,
// GDELT QuadClass, Goldstein value and PLOVER type, mode and context.
//
// The tables live in dict/cameo (generated from public fact files by
// scripts/gencameo) and are read with [Load] from any fs.FS laid out like
// dict/: dict.FS for the built-in tables, os.DirFS(dir) for an override.
//
// CAMEO codes are strings end to end: "044" and "046", "080" and "08" are
// different codes, and a code is never parsed as a number or re-encoded.
//
// # Lookups and fallbacks
//
// [Table.Lookup] returns ok=true with Info.Exact=true when the code is in the
// table. For a code that is not, such as the WEIS-era "174L" of the TABARI
// suite, it falls back to the longest proper prefix of the code (at least the
// two-digit root) that is in the table, and returns that code's values with
// ok=true, Info.Exact=false and Info.Match naming the code whose values they
// are; Info.Code stays the code asked for. A code with no known prefix
// ("224", "---", "+++", "###", "") gives ok=false and an Info holding only
// Code.
//
// Goldstein values come only from the Goldstein table (GDELT's; see
// [Table.GoldsteinTable]): nothing is interpolated or made up. A code without
// its own row in that table (1213 and 1214 are in CAMEO2PLOVER only) takes the
// value of its longest prefix that has one, and Info.GoldsteinCode names that
// prefix; when no prefix has one, GoldsteinCode is empty and the value must be
// shown as absent (null), not as 0.
//
// PLOVER has no equivalent for CAMEO roots 01 and 02, and PLOVER splits root
// 08 between CONCEDE and RETREAT, so those codes (and the code "08" itself)
// have empty PloverType, PloverMode and PloverContext: absent, never invented.
// Modes and contexts are as written in CAMEO2PLOVER-2021.txt, which uses some
// modes beyond the PLOVER manual's lists.
package cameo

import (
	"slices"
	"sort"
)

// Info is what the table knows about one CAMEO event code.
type Info struct {
	// Code is the code that was looked up, unchanged.
	Code string
	// Match is the table code the values below come from: Code itself when
	// Exact, else the longest prefix of Code that is in the table; empty
	// when nothing matched.
	Match string
	// Exact reports whether Code itself is in the table.
	Exact bool
	// Name is the code's name (CAMEO2PLOVER wording; the root's name for a
	// two-digit code); empty when the sources give none.
	Name string
	// Root is the two-digit CAMEO root, such as "04".
	Root string
	// QuadClass is GDELT's QuadClass of the root: 1 verbal cooperation,
	// 2 material cooperation, 3 verbal conflict, 4 material conflict.
	QuadClass int
	// Goldstein is the Goldstein value from the table named by
	// [Table.GoldsteinTable]; meaningful only when GoldsteinCode is set.
	Goldstein float64
	// GoldsteinCode is the code whose row in the Goldstein table gave
	// Goldstein: Match itself, or its longest prefix with a row. Empty when
	// there is no value.
	GoldsteinCode string
	// PloverType is the PLOVER event type ("CONSULT"); empty when PLOVER
	// has no single equivalent.
	PloverType string
	// PloverMode is the PLOVER mode ("visit"); empty when none.
	PloverMode string
	// PloverContext lists PLOVER contexts separated by ";" ("crime;corruption");
	// empty when none.
	PloverContext string
}

// HasGoldstein reports whether the Info carries a Goldstein value.
func (i Info) HasGoldstein() bool { return i.GoldsteinCode != "" }

// Root is one CAMEO root (two-digit code).
type Root struct {
	// Code is the two-digit root, such as "19".
	Code string
	// Name is the root's name, such as "FIGHT".
	Name string
	// QuadClass is GDELT's QuadClass (1..4).
	QuadClass int
	// Goldstein is the root code's own Goldstein value; GoldsteinMin and
	// GoldsteinMax bound the values of all its codes.
	Goldstein, GoldsteinMin, GoldsteinMax float64
	// PloverTypes lists the PLOVER types the root's codes map to; empty for
	// roots 01 and 02.
	PloverTypes []string
}

// PloverType is one PLOVER event type.
type PloverType struct {
	// Name is the type, such as "CONSULT".
	Name string
	// QuadClass is the type's quad category (1..4, as GDELT's QuadClass).
	QuadClass int
	// RequiresRecipient reports whether an event of the type needs a target.
	RequiresRecipient bool
	// Modes lists the modes the PLOVER manual gives for the type.
	Modes []string
}

// Table is a loaded, validated set of CAMEO tables. It is immutable and safe
// for concurrent use.
type Table struct {
	codes      map[string]*Info // Exact, Match and Code set; keyed by code
	roots      map[string]Root
	plover     map[string]PloverType
	goldName   string
	goldSource string
}

// Lookup returns what the table knows about a CAMEO event code. ok is true
// when the code or one of its prefixes (down to the root) is in the table;
// Info.Exact tells an exact hit from a prefix fallback. See the package
// documentation for the rules.
func (t *Table) Lookup(code string) (Info, bool) {
	if e, ok := t.codes[code]; ok {
		return *e, true
	}
	for n := len(code) - 1; n >= 2; n-- {
		if e, ok := t.codes[code[:n]]; ok {
			info := *e
			info.Code = code
			info.Exact = false
			return info, true
		}
	}
	return Info{Code: code}, false
}

// GoldsteinTable names the Goldstein table in use and its source, for
// `dyad version --json`: "gdelt (GDELT 2.0 CAMEO Goldstein scale, …)".
func (t *Table) GoldsteinTable() string {
	if t.goldSource == "" {
		return t.goldName
	}
	return t.goldName + " (" + t.goldSource + ")"
}

// GoldsteinName is the short name of the Goldstein table in use, such as
// "gdelt".
func (t *Table) GoldsteinName() string { return t.goldName }

// Len is the number of codes in the table.
func (t *Table) Len() int { return len(t.codes) }

// Codes returns every code in the table, sorted as strings.
func (t *Table) Codes() []string {
	out := make([]string, 0, len(t.codes))
	for c := range t.codes {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}

// Root returns a CAMEO root by its two-digit code.
func (t *Table) Root(code string) (Root, bool) {
	r, ok := t.roots[code]
	r.PloverTypes = slices.Clone(r.PloverTypes)
	return r, ok
}

// Plover returns a PLOVER event type by name.
func (t *Table) Plover(name string) (PloverType, bool) {
	p, ok := t.plover[name]
	p.Modes = slices.Clone(p.Modes)
	return p, ok
}

// QuadClassName names a GDELT QuadClass: "verbal cooperation",
// "material cooperation", "verbal conflict" or "material conflict"; "" for
// anything else.
func QuadClassName(q int) string {
	switch q {
	case 1:
		return "verbal cooperation"
	case 2:
		return "material cooperation"
	case 3:
		return "verbal conflict"
	case 4:
		return "material conflict"
	}
	return ""
}
