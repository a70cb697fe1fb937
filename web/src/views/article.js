// The article view: the cleaned text with its entities, places, times, quotes
// and events highlighted, and each event's provenance.

import { h, clear, fmtNum } from "../dom.js";
import { get, list, seg, query } from "../api.js";
import { byteIndex, toRange, segments } from "../spans.js";
import { rootLabel } from "../cameo.js";
import { actorLink, quadBadge, goldsteinCell, errorBox, loading, section, dl, articleLink } from "./common.js";

// The highlight kinds, in the order of the toggles.
export const kinds = [
  ["entity", "Entities"],
  ["place", "Places"],
  ["time", "Times"],
  ["quote", "Quotes"],
  ["event", "Events"],
];

// marks lists the article's annotations as string ranges of doc.text.
export function marks(doc, idx) {
  const out = [];
  const add = (kind, span, label, extra = {}) => {
    const r = toRange(idx, span);
    if (r) out.push({ start: r[0], end: r[1], kind, label, ...extra });
  };
  for (const e of arr(doc.entities)) {
    add("entity", e.span, [e.type, e.name || e.text, e.actor].filter(Boolean).join(" · "));
  }
  for (const p of arr(doc.places)) {
    add("place", p.span, [p.name, p.country, p.feature].filter(Boolean).join(" · "));
  }
  for (const t of arr(doc.times)) {
    add("time", t.span, [t.value, t.grain].filter(Boolean).join(" · "));
  }
  arr(doc.quotes).forEach((q, i) => {
    add("quote", q.span, "quote by " + (q.speaker || "unknown speaker"), { quote: i });
    if (q.speaker_span) add("speaker", q.speaker_span, "speaker of a quote", { quote: i });
  });
  arr(doc.events).forEach((e, i) => {
    const what = `event ${i + 1}: ${e.code} ${rootLabel(e.root)}`;
    if (e.verb) add("event", e.verb.span, what, { ev: i, role: "verb" });
    if (e.source) add("event", e.source.span, what + " (source " + (e.source.code || "") + ")", { ev: i, role: "source" });
    if (e.target) add("event", e.target.span, what + " (target " + (e.target.code || "") + ")", { ev: i, role: "target" });
  });
  return out;
}

function arr(v) {
  return Array.isArray(v) ? v : [];
}

// renderRange renders text[from:to] cut into highlighted pieces.
export function renderRange(text, from, to, ms) {
  const frag = document.createDocumentFragment();
  for (const sg of segments(from, to, ms)) {
    const piece = text.slice(sg.start, sg.end);
    if (!sg.marks.length) {
      frag.appendChild(document.createTextNode(piece));
      continue;
    }
    const cls = ["hl"];
    for (const m of sg.marks) {
      cls.push("hl-" + m.kind);
      if (m.role) cls.push("hl-" + m.role);
    }
    const ev = sg.marks.find((m) => m.ev !== undefined);
    const span = h("mark", { class: [...new Set(cls)].join(" "), title: sg.marks.map((m) => m.label).join("\n") }, piece);
    if (ev) span.setAttribute("data-ev", String(ev.ev));
    frag.appendChild(span);
  }
  return frag;
}

const blockTags = { title: "h2", heading: "h3", caption: "p", paragraph: "p" };

// articleText renders the text block by block.
function articleText(doc, idx, ms) {
  const text = typeof doc.text === "string" ? doc.text : "";
  const box = h("div", { class: "article-text" });
  let blocks = arr(doc.blocks)
    .map((b) => ({ kind: b.kind, r: toRange(idx, b.span) }))
    .filter((b) => b.r);
  if (!blocks.length) blocks = [{ kind: "paragraph", r: [0, text.length] }];
  for (const b of blocks) {
    const el = h(blockTags[b.kind] || "p", { class: "block block-" + (blockTags[b.kind] ? b.kind : "paragraph") });
    el.appendChild(renderRange(text, b.r[0], b.r[1], ms));
    box.appendChild(el);
  }
  return box;
}

// eventCard shows one coded event and where it came from.
function eventCard(doc, idx, e, i) {
  const text = doc.text || "";
  const sent = arr(doc.sentences)[e.sentence];
  const sr = sent ? toRange(idx, sent.span) : null;
  const own = [];
  const add = (span, role) => {
    const r = toRange(idx, span);
    if (r) own.push({ start: r[0], end: r[1], kind: "event", role, label: role });
  };
  if (e.source) add(e.source.span, "source");
  if (e.verb) add(e.verb.span, "verb");
  if (e.target) add(e.target.span, "target");
  const sentence = sr ? h("blockquote", { class: "sentence" }, renderRange(text, sr[0], sr[1], own)) : null;
  const place = e.place ? [e.place.name, e.place.country].filter(Boolean).join(", ") : "";
  return h(
    "article",
    { class: "event-card", id: "ev-" + i, "data-ev": i },
    h(
      "h3",
      {},
      `${i + 1}. `,
      actorLink(e.source && e.source.code),
      " ",
      h("span", { class: "code", title: rootLabel(e.root) }, e.code || "?"),
      " ",
      actorLink(e.target && e.target.code),
      " ",
      quadBadge(e.quad_class),
    ),
    h("p", { class: "muted small" }, rootLabel(e.root)),
    sentence,
    dl([
      ["source", e.source ? `${e.source.text || ""} → ${e.source.code || "?"}` : ""],
      ["verb", e.verb ? e.verb.text : ""],
      ["target", e.target ? `${e.target.text || ""} → ${e.target.code || "?"}` : ""],
      ["rule", e.rule],
      ["confidence", fmtNum(e.confidence, 2)],
      ["modality", e.modality],
      ["Goldstein", goldsteinCell(e.goldstein)],
      ["PLOVER", e.plover ? [e.plover.type, e.plover.mode].filter(Boolean).join(" / ") : ""],
      ["date", e.date ? `${e.date}${e.date_grain ? " (" + e.date_grain + ")" : ""}` : ""],
      ["place", place],
      ["from caption", e.from_caption ? "yes" : ""],
    ]),
  );
}

function listOf(items, render, empty) {
  if (!items.length) return h("p", { class: "muted" }, empty);
  return h("ul", { class: "plain" }, items.map((x, i) => h("li", {}, render(x, i))));
}

// articleView renders #/article/ID.
export async function articleView(root, id) {
  const out = h("div", {}, loading());
  root.appendChild(out);
  let doc;
  try {
    doc = await get("articles/" + seg(id));
  } catch (err) {
    clear(out).appendChild(errorBox(err));
    return;
  }
  clear(out);
  if (!doc || typeof doc !== "object") {
    out.appendChild(errorBox(new Error("the article is not an object")));
    return;
  }
  const text = typeof doc.text === "string" ? doc.text : "";
  const idx = byteIndex(text);
  const ms = marks(doc, idx);
  out.appendChild(h("h1", { class: "article-title" }, doc.title || "Untitled article"));
  const meta = dl([
      ["published", doc.published || ""],
      ["outlet", doc.source || ""],
      ["dateline", doc.dateline || ""],
      ["address", doc.url || ""], // shown as text only: it is not a link of this dashboard
      ["id", doc.id || id],
    ]);
  meta.classList.add("inline");
  out.appendChild(meta);
  const toggles = h("div", { class: "toggles", role: "group", "aria-label": "highlights" });
  const textBox = articleText(doc, idx, ms);
  const wrap = h("div", { class: "article-body show-entity show-place show-time show-quote show-event" }, toggles, textBox);
  for (const [k, label] of kinds) {
    const n = k === "event" ? arr(doc.events).length : arr(doc[k === "entity" ? "entities" : k + "s"]).length;
    const cb = h("input", { type: "checkbox", checked: true, name: "show-" + k });
    cb.addEventListener("change", () => wrap.classList.toggle("show-" + k, cb.checked));
    toggles.appendChild(h("label", { class: "toggle key-" + k }, cb, ` ${label} (${n})`));
  }
  textBox.addEventListener("click", (ev) => {
    const m = ev.target.closest && ev.target.closest("mark[data-ev]");
    if (!m) return;
    const card = document.getElementById("ev-" + m.getAttribute("data-ev"));
    if (card) {
      card.scrollIntoView({ block: "nearest" });
      card.classList.add("flash");
      setTimeout(() => card.classList.remove("flash"), 1200);
    }
  });
  const events = arr(doc.events);
  const side = h(
    "div",
    { class: "side" },
    section(
      `Events (${events.length})`,
      events.length ? events.map((e, i) => eventCard(doc, idx, e, i)) : h("p", { class: "muted" }, "No events coded."),
    ),
    section(
      `Quotes (${arr(doc.quotes).length})`,
      listOf(arr(doc.quotes), (q) => [
        h("q", {}, q.text || ""),
        " — ",
        q.speaker_actor ? actorLink(q.speaker_actor) : null,
        " ",
        h("span", {}, q.speaker || "unknown speaker"),
        q.kind ? h("span", { class: "muted small" }, ` (${q.kind}${q.cue ? ", " + q.cue : ""})`) : null,
      ], "No quotes."),
    ),
    section(
      `Entities (${arr(doc.entities).length})`,
      listOf(arr(doc.entities), (e) => [
        h("span", { class: "ent" }, e.text || ""),
        e.name && e.name !== e.text ? h("span", { class: "muted" }, ` = ${e.name}`) : null,
        h("span", { class: "muted small" }, ` ${e.type || ""} `),
        e.actor ? actorLink(e.actor) : null,
      ], "No entities."),
    ),
    section(
      `Places (${arr(doc.places).length})`,
      listOf(arr(doc.places), (p) => [
        h("span", { class: "ent" }, p.text || ""),
        ` → ${p.name || "?"}`,
        p.country ? `, ${p.country}` : "",
        h("span", { class: "muted small" }, ` ${p.feature || ""} ${typeof p.lat === "number" ? p.lat.toFixed(2) + ", " + p.lon.toFixed(2) : ""}`),
      ], "No places."),
    ),
    section(
      `Times (${arr(doc.times).length})`,
      listOf(arr(doc.times), (t) => [h("span", { class: "ent" }, t.text || ""), ` → ${t.value || "?"}`, h("span", { class: "muted small" }, ` ${t.grain || ""}`)], "No times."),
    ),
    arr(doc.warnings).length ? section("Warnings", listOf(arr(doc.warnings), (w) => String(w), "")) : null,
  );
  out.appendChild(h("div", { class: "two-col" }, wrap, side));
}

// articlesView renders #/articles?q=: a searchable list of articles.
export async function articlesView(root, params) {
  const qv = params.get("q") || "";
  const offset = Math.max(0, parseInt(params.get("offset") || "0", 10) || 0);
  const form = h(
    "form",
    { class: "filters", autocomplete: "off" },
    h("label", {}, h("span", {}, "Text search"), h("input", { name: "q", value: qv, placeholder: "words in the text or title", size: 30 })),
    h("div", { class: "buttons" }, h("button", { type: "submit" }, "Search")),
  );
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    location.hash = "#/articles" + query({ q: String(new FormData(form).get("q") || "").trim() });
  });
  root.appendChild(h("h1", {}, "Articles"));
  root.appendChild(form);
  const out = h("div", { class: "results" }, loading());
  root.appendChild(out);
  let body;
  const limit = 50;
  try {
    body = await get("articles", { q: qv, limit, offset });
  } catch (err) {
    clear(out).appendChild(errorBox(err));
    return;
  }
  const items = list(body, "articles", "items");
  clear(out);
  const total = typeof body?.total === "number" ? body.total : null;
  out.appendChild(h("p", { class: "count" }, `${items.length} article(s)` + (total !== null ? ` of ${total}` : "")));
  if (!items.length) return;
  out.appendChild(
    h(
      "table",
      { class: "events" },
      h("thead", {}, h("tr", {}, ["Published", "Title", "Outlet", "Events"].map((c) => h("th", { scope: "col" }, c)))),
      h(
        "tbody",
        {},
        items.map((a) =>
          h(
            "tr",
            {},
            h("td", { class: "nowrap" }, a.published || "—"),
            h("td", {}, articleLink(a.id, a.title || a.id)),
            h("td", {}, a.source || ""),
            h("td", { class: "num" }, a.num_events ?? a.events ?? (Array.isArray(a.events) ? a.events.length : "")),
          ),
        ),
      ),
    ),
  );
  const nav = h("nav", { class: "pager" });
  if (offset > 0) nav.appendChild(h("a", { href: "#/articles" + query({ q: qv, offset: Math.max(0, offset - limit) || "" }), class: "button" }, "← Previous"));
  if (total !== null ? offset + items.length < total : items.length === limit) {
    nav.appendChild(h("a", { href: "#/articles" + query({ q: qv, offset: offset + limit }), class: "button" }, "Next →"));
  }
  out.appendChild(nav);
}
