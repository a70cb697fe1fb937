// The dyad timeline: two actors, QuadClass counts and mean Goldstein over time.

import { h, clear } from "../dom.js";
import { get, list, query, seg } from "../api.js";
import { timelineChart, legend, normalizeBuckets, bucketize, fillGaps } from "../chart.js";
import { eventsTable, errorBox, loading, linkableCode } from "./common.js";

// actorCodes reads the codes out of the /actors answer.
export function actorCodes(body) {
  return list(body, "actors", "items")
    .map((a) => (typeof a === "string" ? a : a && (a.code || a.actor)))
    .filter((c) => typeof c === "string" && c);
}

// actorDatalist fills a <datalist> with the known actor codes, quietly.
export function actorDatalist(id) {
  const dl = h("datalist", { id });
  get("actors", { limit: 500 })
    .then((body) => {
      for (const c of actorCodes(body)) dl.appendChild(h("option", { value: c }));
    })
    .catch(() => {});
  return dl;
}

// dyadEvents fetches the events between a and b in both directions.
export async function dyadEvents(a, b, limit = 500) {
  const [ab, ba] = await Promise.all([
    get("events", { source: a, target: b, limit }),
    get("events", { source: b, target: a, limit }),
  ]);
  const seen = new Set();
  const out = [];
  for (const e of [...list(ab, "events"), ...list(ba, "events")]) {
    if (seen.has(e.id)) continue;
    seen.add(e.id);
    out.push(e);
  }
  return out.sort((x, y) => (x.date < y.date ? 1 : x.date > y.date ? -1 : 0));
}

// timelineView renders #/timeline?a=&b=&interval=.
export async function timelineView(root, params) {
  const a = (params.get("a") || "").trim().toUpperCase();
  const b = (params.get("b") || "").trim().toUpperCase();
  const interval = ["day", "week", "month"].includes(params.get("interval")) ? params.get("interval") : "week";
  const form = h(
    "form",
    { class: "filters", autocomplete: "off" },
    h("label", {}, h("span", {}, "Actor A"), h("input", { name: "a", value: a, placeholder: "e.g. USA", list: "actor-codes", size: 10 })),
    h("label", {}, h("span", {}, "Actor B"), h("input", { name: "b", value: b, placeholder: "e.g. RUS", list: "actor-codes", size: 10 })),
    h(
      "label",
      {},
      h("span", {}, "Interval"),
      h(
        "select",
        { name: "interval" },
        ["day", "week", "month"].map((v) => h("option", { value: v, selected: v === interval }, v)),
      ),
    ),
    h("div", { class: "buttons" }, h("button", { type: "submit" }, "Show")),
    actorDatalist("actor-codes"),
  );
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const fd = new FormData(form);
    location.hash = "#/timeline" + query({ a: fd.get("a"), b: fd.get("b"), interval: fd.get("interval") });
  });
  root.appendChild(h("h1", {}, "Dyad timeline"));
  root.appendChild(form);
  const out = h("div", { class: "results" });
  root.appendChild(out);
  if (!a || !b) {
    out.appendChild(h("p", { class: "muted" }, "Pick two actor codes (a country such as USA, or a code with a role such as RUSGOV) to see how they deal with each other over time."));
    return;
  }
  if (!linkableCode(a) || !linkableCode(b)) {
    out.appendChild(errorBox(new Error("actor codes are letters and digits only, such as USA or RUSGOV")));
    return;
  }
  out.appendChild(loading());
  let buckets;
  let events = [];
  try {
    events = await dyadEvents(a, b);
  } catch (err) {
    clear(out).appendChild(errorBox(err));
    return;
  }
  try {
    buckets = normalizeBuckets(await get(`dyads/${seg(a)}/${seg(b)}/timeline`, { interval }));
  } catch (err) {
    // Without the timeline endpoint the chart is drawn from the events themselves.
    buckets = bucketize(events, interval);
  }
  clear(out);
  out.appendChild(h("h2", {}, `${a} ↔ ${b}, by ${interval}`));
  out.appendChild(timelineChart(fillGaps(buckets, interval), { title: `${a} and ${b} by ${interval}` }));
  out.appendChild(legend());
  out.appendChild(h("h2", {}, `Events between ${a} and ${b}`));
  if (events.length) out.appendChild(eventsTable(events));
  else out.appendChild(h("p", { class: "muted empty" }, "No events between these actors."));
}
