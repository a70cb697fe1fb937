// The event page: a merged event and every article sentence that reports it.

import { h, clear, fmtNum } from "../dom.js";
import { get, seg, query } from "../api.js";
import { byteIndex, toRange } from "../spans.js";
import { rootLabel } from "../cameo.js";
import { actorLink, quadBadge, goldsteinCell, errorBox, loading, section, dl, articleLink, linkableCode } from "./common.js";
import { renderRange } from "./article.js";

// mentionCard shows one report of the event: its sentence with the actor and
// verb spans marked, taken from the article when it can be loaded.
function mentionCard(m, doc) {
  let sentence;
  if (doc && typeof doc.text === "string") {
    const idx = byteIndex(doc.text);
    const sr = toRange(idx, m.sentence_span);
    const ms = [];
    for (const [span, role] of [
      [m.source_span, "source"],
      [m.verb_span, "verb"],
      [m.target_span, "target"],
    ]) {
      const r = toRange(idx, span);
      if (r) ms.push({ start: r[0], end: r[1], kind: "event", role, label: role });
    }
    if (sr) sentence = h("blockquote", { class: "sentence" }, renderRange(doc.text, sr[0], sr[1], ms));
  }
  return h(
    "article",
    { class: "event-card mention" },
    h("h3", {}, articleLink(m.article_id, (doc && doc.title) || m.article_id), doc && doc.published ? h("span", { class: "muted small" }, " " + doc.published) : null),
    sentence || null,
    dl([
      ["source", m.source_text || ""],
      ["verb", m.verb_text || ""],
      ["target", m.target_text || ""],
      ["rule", m.rule || ""],
      ["confidence", fmtNum(m.confidence, 2)],
      ["modality", m.modality || ""],
      ["outlet", m.source || ""],
      ["sentence", typeof m.sentence === "number" ? String(m.sentence + 1) : ""],
      ["from caption", m.from_caption ? "yes" : ""],
    ]),
  );
}

// eventView renders #/event/ID.
export async function eventView(root, id) {
  const out = h("div", {}, loading());
  root.appendChild(out);
  let e;
  try {
    e = await get("events/" + seg(id));
  } catch (err) {
    clear(out).appendChild(errorBox(err));
    return;
  }
  clear(out);
  out.appendChild(
    h("h1", {}, "Event ", actorLink(e.source_code), " ", h("span", { class: "code" }, e.code || "?"), " ", actorLink(e.target_code)),
  );
  out.appendChild(h("p", {}, rootLabel(e.root), " ", quadBadge(e.quad_class)));
  out.appendChild(
    dl([
      ["date", e.date ? `${e.date}${e.date_grain ? " (" + e.date_grain + ")" : ""}` : ""],
      ["Goldstein", goldsteinCell(e.goldstein)],
      ["modality", e.modality || ""],
      ["place", [e.place_name, e.place_country].filter(Boolean).join(", ")],
      ["coordinates", typeof e.lat === "number" ? `${e.lat.toFixed(3)}, ${e.lon.toFixed(3)}` : ""],
      ["mentions", String(e.num_mentions ?? "")],
      ["articles", String(e.num_articles ?? "")],
      ["outlets", String(e.num_sources ?? "")],
      ["first seen", e.first_seen || ""],
    ]),
  );
  if (linkableCode(e.source_code) && linkableCode(e.target_code)) {
    out.appendChild(h("p", {}, h("a", { href: "#/timeline" + query({ a: e.source_code, b: e.target_code }), class: "button" }, "Timeline of this dyad")));
  }
  const ms = Array.isArray(e.mentions) ? e.mentions : [];
  const box = section(`Mentions (${ms.length})`, loading());
  out.appendChild(box);
  // Load each reporting article once (at most 20) to show the sentences.
  const ids = [...new Set(ms.map((m) => m.article_id))].slice(0, 20);
  const docs = new Map();
  await Promise.all(
    ids.map((aid) =>
      get("articles/" + seg(aid))
        .then((d) => docs.set(aid, d))
        .catch(() => {}),
    ),
  );
  box.removeChild(box.lastChild);
  if (!ms.length) box.appendChild(h("p", { class: "muted" }, "No mentions."));
  for (const m of ms) box.appendChild(mentionCard(m, docs.get(m.article_id)));
}
