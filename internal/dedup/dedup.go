// Package dedup recognises near-duplicate articles, such as the same wire
// story syndicated on several sites with different boilerplate, a reworded
// headline or a paragraph cut, by MinHash signatures over word shingles.
//
// Why MinHash rather than SimHash: a syndicated copy differs from its
// original mostly by whole paragraphs kept or cut, which is a change in the
// set of shingles; MinHash estimates exactly that set overlap (the Jaccard
// similarity) with an error that does not depend on the text's length, and
// its bands give the bucket index through which an earlier copy is found
// without scanning all articles (locality-sensitive hashing). SimHash packs a
// text into 64 bits and finds copies within a few bits of Hamming distance,
// but how many bits a cut paragraph flips is not proportional to how much
// was cut, which makes its threshold hard to state.
//
// A signature holds Hashes minimum hash values over the shingles (Shingle
// consecutive words, lowercased, punctuation dropped) of an article's body:
// paragraphs and headings, not its title or captions, which syndicating
// sites rewrite. Two articles are duplicates when their signatures agree on
// at least Threshold of their positions. The signature is cut into Bands
// bands of Rows values; each band hashes to a bucket, and articles sharing a
// bucket are the candidates whose signatures are compared. With 20 bands of
// 3 rows, a pair at similarity 0.5 shares a bucket with probability 0.93, at
// 0.7 with 0.9997, and at 0.1 (two different reports on one topic) with 0.02.
//
// Everything here is a pure function of its arguments.
package dedup

import (
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"dyad/news"
)

// Signature parameters. Changing them changes every stored signature.
const (
	Shingle   = 5  // words per shingle
	Bands     = 20 // bands of the signature, one bucket each
	Rows      = 3  // signature values per band
	Hashes    = Bands * Rows
	Threshold = 0.5 // the least similarity at which two articles are duplicates
	MinWords  = 40  // shorter texts get the zero Signature
)

// Signature is a MinHash signature. The zero Signature (IsZero) is the
// signature of a text of fewer than MinWords words; it is nobody's
// duplicate: two one-sentence reports ("Russia accused Ukraine of shelling
// the plant on Monday") may share nearly all their words and still be
// different reports.
type Signature [Hashes]uint32

// IsZero reports whether s is the signature of a text too short to sign.
func (s Signature) IsZero() bool { return s == Signature{} }

// Document signs a coded article's body: its paragraph and heading blocks,
// or its whole text when it has no blocks.
func Document(doc news.Document) Signature {
	if len(doc.Blocks) == 0 {
		return Text(doc.Text)
	}
	var parts []string
	for _, b := range doc.Blocks {
		if b.Kind != news.BlockParagraph && b.Kind != news.BlockHeading {
			continue
		}
		if b.Span[0] < 0 || b.Span[1] > len(doc.Text) || b.Span[0] > b.Span[1] {
			continue
		}
		parts = append(parts, doc.Text[b.Span[0]:b.Span[1]])
	}
	return Text(strings.Join(parts, "\n"))
}

// Text signs a text: the minimum of each of Hashes hash functions over the
// text's shingles.
func Text(text string) Signature {
	words := wordHashes(text)
	if len(words) < MinWords {
		return Signature{}
	}
	// Each shingle's 64-bit hash h gives Hashes/2 values a[j]·h + b[j]
	// (mod 2⁶⁴), scrambled by one xor-shift and multiply, and each value two
	// 32-bit hashes, its halves: cheaper than a full mix per hash function,
	// and, unlike the bare multiply-add family, the estimates of unrelated
	// texts do not come out visibly correlated.
	var a, b [Hashes / 2]uint64
	var sig Signature
	for j := range a {
		a[j], b[j] = seed(2*j)|1, seed(2*j+1)
	}
	for j := range sig {
		sig[j] = ^uint32(0)
	}
	for i := range len(words) - Shingle + 1 {
		h := uint64(14695981039346656037)
		for _, w := range words[i : i+Shingle] {
			h = (h ^ w) * 1099511628211
		}
		h = mix(h)
		for j := range a {
			v := a[j]*h + b[j]
			v ^= v >> 32
			v *= 0x94d049bb133111eb
			if lo := uint32(v); lo < sig[2*j] {
				sig[2*j] = lo
			}
			if hi := uint32(v >> 32); hi < sig[2*j+1] {
				sig[2*j+1] = hi
			}
		}
	}
	return sig
}

// wordHashes is the hash of each word of text, as Words splits and
// lowercases them, without building the words.
func wordHashes(text string) []uint64 {
	hashes := make([]uint64, 0, len(text)/6)
	const offset, prime = 14695981039346656037, 1099511628211
	h, in := uint64(offset), false
	for _, r := range text {
		switch {
		case r < utf8.RuneSelf && ('a' <= r && r <= 'z' || '0' <= r && r <= '9'):
		case r < utf8.RuneSelf && 'A' <= r && r <= 'Z':
			r += 'a' - 'A'
		case r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			r = unicode.ToLower(r)
		default:
			if in {
				hashes = append(hashes, h)
				h, in = offset, false
			}
			continue
		}
		h = (h ^ uint64(r)) * prime
		in = true
	}
	if in {
		hashes = append(hashes, h)
	}
	return hashes
}

// Words splits text into lowercased words of letters and digits; everything
// else separates words.
func Words(text string) []string {
	var words []string
	start := -1
	for i, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			words = append(words, strings.ToLower(text[start:i]))
			start = -1
		}
	}
	if start >= 0 {
		words = append(words, strings.ToLower(text[start:]))
	}
	return words
}

// seed is the j-th hash function's seed (a splitmix64 step).
func seed(j int) uint64 { return mix(uint64(j+1) * 0x9e3779b97f4a7c15) }

// mix is splitmix64's finaliser: a bijection on uint64 that scatters bits.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// Similarity is the fraction of positions at which a and b agree, an
// estimate of the Jaccard similarity of the two texts' shingle sets. It is 0
// when either is the zero Signature.
func Similarity(a, b Signature) float64 {
	if a.IsZero() || b.IsZero() {
		return 0
	}
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	return float64(same) / Hashes
}

// Buckets is the bucket of each band of s: a non-negative number below 2^31
// (so that it fits any SQL INTEGER) that depends on the band's index and
// values. The zero Signature has no buckets.
func Buckets(s Signature) []int64 {
	if s.IsZero() {
		return nil
	}
	out := make([]int64, Bands)
	for b := range Bands {
		h := mix(uint64(b) + 0x632be59bd9b4e019)
		for _, v := range s[b*Rows : (b+1)*Rows] {
			h = mix(h ^ uint64(v))
		}
		out[b] = int64(h >> 33)
	}
	return out
}

// Encode writes s as text for storage: Hashes values of 8 hex digits.
func Encode(s Signature) string {
	b := make([]byte, 0, Hashes*4)
	for _, v := range s {
		b = binary.BigEndian.AppendUint32(b, v)
	}
	return hex.EncodeToString(b)
}

// Decode reads a signature written by Encode.
func Decode(text string) (Signature, error) {
	var s Signature
	if len(text) != Hashes*8 {
		return s, fmt.Errorf("decode signature: %d characters, want %d", len(text), Hashes*8)
	}
	raw, err := hex.DecodeString(text)
	if err != nil {
		return s, fmt.Errorf("decode signature: %w", err)
	}
	for i := range s {
		s[i] = binary.BigEndian.Uint32(raw[i*4:])
	}
	return s, nil
}
