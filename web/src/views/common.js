// Pieces several views share.

import { h, link, fmtNum } from "../dom.js";
import { rootLabel, quadNames } from "../cameo.js";
import { seg } from "../api.js";

// linkableCode tells whether the API takes code as an actor filter: letters
// and digits only (a code such as "---GOV", a role without a country, is not).
export function linkableCode(code) {
  return typeof code === "string" && /^[A-Za-z0-9]{1,40}$/.test(code);
}

// actorLink links an actor code to its page, or shows it as text when the
// API cannot look it up.
export function actorLink(code) {
  if (!code) return h("span", { class: "muted" }, "—");
  if (!linkableCode(code)) return h("span", { class: "actor" }, code);
  return link("#/actor/" + seg(code), code, "actor");
}

// eventLink links to an event page.
export function eventLink(id, text) {
  return link("#/event/" + seg(id), text ?? "#" + id);
}

// articleLink links to an article page.
export function articleLink(id, text) {
  return link("#/article/" + seg(id), text || id);
}

// codeCell shows a CAMEO code with its root's name as a tooltip.
export function codeCell(e) {
  return h("span", { class: "code", title: rootLabel(e.root) }, e.code || "—");
}

// quadBadge shows a QuadClass as a coloured label.
export function quadBadge(q) {
  if (!q) return h("span", { class: "muted" }, "—");
  return h("span", { class: "badge q" + q, title: quadNames[q] || "" }, quadNames[q] || String(q));
}

// goldsteinCell shows a Goldstein score.
export function goldsteinCell(g) {
  return h("span", { class: typeof g === "number" ? (g < 0 ? "neg" : "pos") : "muted" }, fmtNum(g, 1));
}

// errorBox explains a failed request.
export function errorBox(err) {
  const msg = err && err.message ? err.message : String(err);
  const st = err && err.status ? ` (HTTP ${err.status})` : "";
  return h("div", { class: "error", role: "alert" }, "Could not load: " + msg + st);
}

// loading is the placeholder while a request runs.
export function loading() {
  return h("p", { class: "muted" }, "Loading…");
}

// section is a titled block.
export function section(title, ...children) {
  return h("section", { class: "card" }, h("h2", {}, title), ...children);
}

// dl is a definition list from [label, value] pairs, skipping empty values.
export function dl(pairs) {
  const out = h("dl", { class: "facts" });
  for (const [k, v] of pairs) {
    if (v === null || v === undefined || v === "") continue;
    out.appendChild(h("dt", {}, k));
    out.appendChild(h("dd", {}, v));
  }
  return out;
}

// eventsTable lists events with their actors, code, place and counts.
export function eventsTable(events, { caption } = {}) {
  const t = h(
    "table",
    { class: "events" },
    caption ? h("caption", {}, caption) : null,
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        ["Date", "Source", "Event", "Target", "QuadClass", "Goldstein", "Place", "Mentions", ""].map((c) =>
          h("th", { scope: "col" }, c),
        ),
      ),
    ),
  );
  const tb = h("tbody");
  for (const e of events) {
    tb.appendChild(
      h(
        "tr",
        { "data-id": e.id },
        h("td", { class: "nowrap" }, e.date || "—"),
        h("td", {}, actorLink(e.source_code)),
        h("td", {}, codeCell(e), " ", h("span", { class: "muted small" }, rootLabel(e.root).slice(3))),
        h("td", {}, actorLink(e.target_code)),
        h("td", {}, quadBadge(e.quad_class)),
        h("td", { class: "num" }, goldsteinCell(e.goldstein)),
        h("td", {}, e.place_name || h("span", { class: "muted" }, "—")),
        h("td", { class: "num" }, String(e.num_mentions ?? "")),
        h("td", {}, eventLink(e.id, "details")),
      ),
    );
  }
  t.appendChild(tb);
  return t;
}
