// Byte offsets to string indices. The API's spans are [start, end) in bytes of
// the UTF-8 text; JavaScript strings index UTF-16 code units.

// byteIndex returns a function mapping a UTF-8 byte offset of text to the
// UTF-16 index of the same position. An offset inside a character maps to the
// start of the next character; offsets are clamped to [0, bytes].
export function byteIndex(text) {
  const bytes = utf8Length(text);
  const map = new Uint32Array(bytes + 1);
  let b = 0;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i);
    const units = cp > 0xffff ? 2 : 1;
    const n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    map[b] = i;
    for (let k = 1; k < n; k++) map[b + k] = i + units;
    b += n;
    i += units;
  }
  map[bytes] = text.length;
  return (off) => {
    if (typeof off !== "number" || !Number.isFinite(off)) return 0;
    return map[Math.max(0, Math.min(bytes, Math.trunc(off)))];
  };
}

// utf8Length is the number of bytes of s in UTF-8 (lone surrogates count 3, as
// TextEncoder writes U+FFFD for them).
export function utf8Length(s) {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

// toRange converts a byte span [start, end] to a UTF-16 [start, end), or null
// when the span is missing or empty.
export function toRange(idx, span) {
  if (!Array.isArray(span) || span.length !== 2) return null;
  const a = idx(span[0]);
  const b = idx(span[1]);
  return b > a ? [a, b] : null;
}

// segments cuts [from, to) at every mark boundary and returns the pieces with
// the marks that cover each: [{start, end, marks: [...]}]. A mark is
// {start, end, …} in string indices.
export function segments(from, to, marks) {
  const cuts = new Set([from, to]);
  const inside = marks.filter((m) => m.end > from && m.start < to);
  for (const m of inside) {
    if (m.start > from && m.start < to) cuts.add(m.start);
    if (m.end > from && m.end < to) cuts.add(m.end);
  }
  const pts = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < pts.length; i++) {
    const a = pts[i];
    const b = pts[i + 1];
    out.push({ start: a, end: b, marks: inside.filter((m) => m.start <= a && m.end >= b) });
  }
  return out;
}
