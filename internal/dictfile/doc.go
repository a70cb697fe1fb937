// Package dictfile reads the dictionaries of the TABARI and PETRARCH event
// coders into typed values that a sparse-parsing pattern coder can index:
// verb dictionaries (synsets, verb blocks, patterns, PETRARCH-2
// transformations, TABARI <TIME> entries), actor dictionaries with
// date-restricted codes, agent dictionaries with substitution sets, discard
// lists, PETRARCH issue files, TABARI .project and .options files and
// PETRARCH's config .ini.
//
// Every entry carries the file and line it came from (Pos), so that a coder
// can name the rule it applied as "file:line". Words are kept as written
// (Raw) and normalised (upper case, '_' read as a blank, with the
// separators kept in Phrase.Seps for the coders that treat '_' as "next
// word").
//
// Comments follow the peers: '#' and ';' outside a [...] code block, lines
// starting with "<!", and "<!-- ... -->" spanning lines. "~~" or
// "---STOP---" at the start of a line ends a file, as in TABARI.
//
// Parsing never stops at the first bad line: every problem is collected and
// returned in one *Error whose Problems print as "file:line: message". Lines
// that the peers' own readers tolerate and that occur in their published
// dictionaries (a 9-digit date, text after a code, a phrase without a code)
// are read the way PETRARCH reads them and reported as warnings on the
// returned value instead.
//
// The Parse functions read from an io.Reader and do no other I/O; the Load
// functions and Check read the files they are given and nothing else.
package dictfile
