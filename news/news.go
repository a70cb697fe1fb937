// Package news holds the domain types that every stage of dyad shares: the raw
// Article that ingest reads, and the coded Document that the pipeline returns
// (the output contract of SCHEMA.md). It imports only the standard library.
package news

// Span is a half-open byte range [start, end) into a Document's Text.
// It marshals to JSON as a two-element array.
type Span [2]int

// Start is the first byte of the span.
func (s Span) Start() int { return s[0] }

// End is the byte just past the span.
func (s Span) End() int { return s[1] }

// Len is the span's length in bytes.
func (s Span) Len() int { return s[1] - s[0] }

// In reports whether the span lies within a text of length n and is not reversed.
func (s Span) In(n int) bool { return 0 <= s[0] && s[0] <= s[1] && s[1] <= n }

// Text returns text[start:end], or "" when the span does not fit the text.
func (s Span) Text(text string) string {
	if !s.In(len(text)) {
		return ""
	}
	return text[s[0]:s[1]]
}

// Format names how an Article's body is written.
type Format string

// The formats an Article body may have. FormatAuto lets the cleaner sniff it.
const (
	FormatAuto Format = ""
	FormatText Format = "text"
	FormatHTML Format = "html"
)

// How a Document's publication date was learnt (SCHEMA's published_from).
const (
	PublishedFromFlag     = "flag"
	PublishedFromMetadata = "metadata"
	PublishedFromText     = "text"
)

// Article is one input record as ingest reads it, before cleaning.
type Article struct {
	ID        string // given by the input; "" to derive one from the cleaned text
	URL       string
	Source    string
	Title     string
	Published string // ISO 8601 date or date-time from the record's metadata; "" if none
	Format    Format
	Body      []byte // the raw body: plain text or HTML
	Origin    string // where the record came from, for messages: "dir/a.jsonl:12"
}

// BlockKind is the layout role of a block of text.
type BlockKind string

// The kinds of block in a Document's text.
const (
	BlockTitle     BlockKind = "title"
	BlockCaption   BlockKind = "caption"
	BlockHeading   BlockKind = "heading"
	BlockParagraph BlockKind = "paragraph"
)

// Block is one layout block of a Document's text.
type Block struct {
	Kind BlockKind `json:"kind"`
	Span Span      `json:"span"`
}

// Token is one word or punctuation mark with its part-of-speech tag
// (Penn Treebank tag set).
type Token struct {
	Text string `json:"text"`
	Span Span   `json:"span"`
	Tag  string `json:"tag"`
}

// ChunkKind names a phrase type found by the chunker.
type ChunkKind string

// The phrase types the chunker finds.
const (
	ChunkNoun ChunkKind = "NP"
	ChunkVerb ChunkKind = "VP"
	ChunkPrep ChunkKind = "PP"
)

// Chunk is a flat phrase: the tokens [First, Last) of its sentence.
type Chunk struct {
	Kind  ChunkKind `json:"kind"`
	First int       `json:"first"` // index of the first token in the sentence
	Last  int       `json:"last"`  // index one past the last token
	Head  int       `json:"head"`  // index of the head token
	Span  Span      `json:"span"`
}

// Sentence is one sentence of a Document with its tokens and chunks.
// Tokens and Chunks are kept for later stages and omitted from output
// unless asked for.
type Sentence struct {
	Span   Span    `json:"span"`
	Block  int     `json:"block"` // index into Document.Blocks
	Tokens []Token `json:"tokens,omitempty"`
	Chunks []Chunk `json:"chunks,omitempty"`
}

// Entity is a named mention.
type Entity struct {
	Text  string `json:"text"`
	Span  Span   `json:"span"`
	Type  string `json:"type"` // person|organization|group|place|other
	Name  string `json:"name"` // canonical name after coreference
	Actor string `json:"actor,omitempty"`
}

// Place is a geocoded place mention.
type Place struct {
	Text       string  `json:"text"`
	Span       Span    `json:"span"`
	Name       string  `json:"name"`
	Country    string  `json:"country,omitempty"` // ISO 3166-1 alpha-3
	Admin1     string  `json:"admin1,omitempty"`
	Feature    string  `json:"feature"` // city|admin1|country|region|water|other
	Lat        float64 `json:"lat"`
	Lon        float64 `json:"lon"`
	GeonamesID int     `json:"geonames_id,omitempty"`
	Confidence float64 `json:"confidence"`
}

// Time is a time expression resolved against the publication date.
type Time struct {
	Text  string `json:"text"`
	Span  Span   `json:"span"`
	Value string `json:"value"` // ISO 8601 at its grain: 2016-07-14, 2016-W28, 2016-03
	Grain string `json:"grain"` // day|week|month|quarter|year|hour|range
	Start string `json:"start"`
	End   string `json:"end"`
}

// Quote is a direct, partial or indirect quotation with its speaker.
type Quote struct {
	Text         string `json:"text"`
	Span         Span   `json:"span"`
	Kind         string `json:"kind"` // direct|partial|indirect
	Speaker      string `json:"speaker"`
	SpeakerSpan  *Span  `json:"speaker_span,omitempty"`
	SpeakerActor string `json:"speaker_actor,omitempty"`
	Cue          string `json:"cue,omitempty"`
}

// EventActor is the source or target of an event.
type EventActor struct {
	Code    string `json:"code"`
	Text    string `json:"text"`
	Span    Span   `json:"span"`
	Country string `json:"country,omitempty"`
}

// Plover is the PLOVER type and mode a CAMEO code maps to.
type Plover struct {
	Type string `json:"type"`
	Mode string `json:"mode,omitempty"`
}

// EventPlace is where an event happened.
type EventPlace struct {
	Name       string  `json:"name"`
	Country    string  `json:"country,omitempty"`
	Lat        float64 `json:"lat"`
	Lon        float64 `json:"lon"`
	GeonamesID int     `json:"geonames_id,omitempty"`
}

// Verb is the verb phrase that triggered an event.
type Verb struct {
	Text string `json:"text"`
	Span Span   `json:"span"`
}

// Event is one coded event: who did what to whom, when and where.
type Event struct {
	Sentence    int         `json:"sentence"` // index into Document.Sentences
	Source      *EventActor `json:"source"`
	Target      *EventActor `json:"target"`
	Code        string      `json:"code"` // CAMEO code, always a string
	Root        string      `json:"root"`
	QuadClass   int         `json:"quad_class,omitempty"` // GDELT QuadClass 1..4; omitted when the code has none
	Goldstein   *float64    `json:"goldstein"`            // null when the Goldstein table has no value for the code
	Plover      *Plover     `json:"plover,omitempty"`
	Date        string      `json:"date,omitempty"`
	DateGrain   string      `json:"date_grain,omitempty"`
	Place       *EventPlace `json:"place,omitempty"`
	Verb        *Verb       `json:"verb,omitempty"`
	Rule        string      `json:"rule"`
	Confidence  float64     `json:"confidence"`
	Modality    string      `json:"modality"` // asserted|negated|hypothetical|future|reported
	FromCaption bool        `json:"from_caption"`
}

// Document is one coded article: the object of SCHEMA.md.
// Lists are never nil once the pipeline returns it, so they marshal as [].
type Document struct {
	ID            string     `json:"id"`
	URL           string     `json:"url,omitempty"`
	Source        string     `json:"source,omitempty"`
	Title         string     `json:"title,omitempty"`
	Published     string     `json:"published"` // "" marshals as null, see MarshalJSON
	PublishedFrom string     `json:"published_from,omitempty"`
	Dateline      string     `json:"dateline,omitempty"`
	Language      string     `json:"language"`
	Text          string     `json:"text"`
	Blocks        []Block    `json:"blocks"`
	Sentences     []Sentence `json:"sentences"`
	Entities      []Entity   `json:"entities"`
	Places        []Place    `json:"places"`
	Times         []Time     `json:"times"`
	Quotes        []Quote    `json:"quotes"`
	Events        []Event    `json:"events"`
	Warnings      []string   `json:"warnings"`
}

// SkipError says an article was read but deliberately not coded (for
// example, it is not in English). Callers count it as skipped, not failed.
type SkipError struct {
	Reason string
}

// Error returns "skipped: " and the reason.
func (e *SkipError) Error() string { return "skipped: " + e.Reason }
