// The events view: the API's filters, full-text search, a table and paging.

import { h, clear } from "../dom.js";
import { get, list, query } from "../api.js";
import { rootNames, quadNames } from "../cameo.js";
import { eventsTable, errorBox, loading } from "./common.js";

// The filters the form offers, in the API's names.
const fields = [
  ["q", "Text search", "words in the articles"],
  ["actor", "Actor", "e.g. USA, RUSGOV"],
  ["source", "Source", "actor code prefix"],
  ["target", "Target", "actor code prefix"],
  ["country", "Country", "ISO alpha-3"],
  ["code", "CAMEO code", "e.g. 042"],
  ["from", "From", "YYYY-MM-DD"],
  ["to", "To", "YYYY-MM-DD"],
  ["min_mentions", "Min. mentions", "1"],
];

export const pageSize = 50;

// filterForm builds the filter form; submit navigates to base with the values.
export function filterForm(params, base, extra = []) {
  const form = h("form", { class: "filters", autocomplete: "off" });
  for (const [name, label, ph] of fields) {
    form.appendChild(
      h("label", {}, h("span", {}, label), h("input", { name, value: params.get(name) || "", placeholder: ph, type: "text", size: 10 })),
    );
  }
  const root = h("select", { name: "root" }, h("option", { value: "" }, "any"));
  for (const [k, v] of Object.entries(rootNames)) {
    root.appendChild(h("option", { value: k, selected: params.get("root") === k }, k + " " + v));
  }
  form.appendChild(h("label", {}, h("span", {}, "Root"), root));
  const quad = h("select", { name: "quad_class" }, h("option", { value: "" }, "any"));
  for (const [k, v] of Object.entries(quadNames)) {
    quad.appendChild(h("option", { value: k, selected: params.get("quad_class") === k }, k + " " + v));
  }
  form.appendChild(h("label", {}, h("span", {}, "QuadClass"), quad));
  const modality = h("select", { name: "modality" }, h("option", { value: "" }, "any"));
  for (const k of ["asserted", "negated", "hypothetical", "future"]) {
    modality.appendChild(h("option", { value: k, selected: params.get("modality") === k }, k));
  }
  form.appendChild(h("label", {}, h("span", {}, "Modality"), modality));
  for (const x of extra) form.appendChild(x);
  form.appendChild(h("div", { class: "buttons" }, h("button", { type: "submit" }, "Apply"), h("a", { href: base, class: "button" }, "Reset")));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const out = {};
    for (const [k, v] of new FormData(form).entries()) out[k] = String(v).trim();
    location.hash = base + query(out);
  });
  return form;
}

// apiParams copies the filter parameters the API knows from the route.
export function apiParams(params, names) {
  const out = {};
  for (const k of names) {
    const v = params.get(k);
    if (v) out[k] = v;
  }
  return out;
}

export const filterNames = ["q", "actor", "source", "target", "country", "code", "root", "quad_class", "modality", "from", "to", "min_mentions", "bbox"];

// eventsView renders #/events.
export async function eventsView(root, params) {
  const sort = h(
    "select",
    { name: "sort" },
    [
      ["date", "newest first"],
      ["-date", "oldest first"],
      ["mentions", "most mentioned"],
    ].map(([v, t]) => h("option", { value: v, selected: (params.get("sort") || "date") === v }, t)),
  );
  const form = filterForm(params, "#/events", [h("label", {}, h("span", {}, "Sort"), sort)]);
  const out = h("div", { class: "results" }, loading());
  root.appendChild(h("h1", {}, "Events"));
  root.appendChild(form);
  root.appendChild(out);
  const offset = Math.max(0, parseInt(params.get("offset") || "0", 10) || 0);
  const p = apiParams(params, [...filterNames, "sort"]);
  let body;
  try {
    body = await get("events", { ...p, limit: pageSize, offset });
  } catch (err) {
    clear(out).appendChild(errorBox(err));
    return;
  }
  const events = list(body, "events");
  const total = typeof body?.total === "number" ? body.total : null;
  clear(out);
  const shown = events.length ? `${offset + 1}–${offset + events.length}` : "0";
  const of = total === null ? "" : body.total_capped ? ` of at least ${total.toLocaleString("en")}` : ` of ${total.toLocaleString("en")}`;
  out.appendChild(h("p", { class: "count" }, `Events ${shown}${of}`));
  if (!events.length) {
    out.appendChild(h("p", { class: "muted empty" }, "No events match these filters."));
    return;
  }
  out.appendChild(eventsTable(events));
  const nav = h("nav", { class: "pager" });
  const at = (o) => "#/events" + query({ ...p, offset: o || "" });
  if (offset > 0) nav.appendChild(h("a", { href: at(Math.max(0, offset - pageSize)), class: "button prev" }, "← Previous"));
  const more = total !== null ? offset + events.length < total : events.length === pageSize;
  if (more) nav.appendChild(h("a", { href: at(offset + pageSize), class: "button next" }, "Next →"));
  out.appendChild(nav);
}
