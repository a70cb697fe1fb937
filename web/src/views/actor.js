// The actor page: whom an actor meets, cooperates with, accuses and attacks,
// and its events over time.

import { h, clear } from "../dom.js";
import { get, list, seg, query } from "../api.js";
import { relations } from "../cameo.js";
import { timelineChart, legend, bucketize, fillGaps, normalizeBuckets } from "../chart.js";
import { actorLink, eventsTable, errorBox, loading, section, dl, linkableCode } from "./common.js";

// counterparts groups an actor's events by relation and counterpart:
// {meet: [{code, out, in, last}], …}. An event whose source code starts with
// code is the actor's own act ("out"); otherwise it is done to it ("in").
// Events between two codes of the actor itself are left out.
export function counterparts(code, events) {
  const res = {};
  for (const r of relations) res[r.key] = new Map();
  for (const e of events) {
    const own = (e.source_code || "").startsWith(code);
    const other = own ? e.target_code : e.source_code;
    // Skip events without a counterpart and those within the actor (AZEGOV → AZE).
    if (!other || other.startsWith(code)) continue;
    for (const r of relations) {
      if (!r.test(e)) continue;
      const m = res[r.key];
      const c = m.get(other) || { code: other, out: 0, in: 0, last: "" };
      if (own) c.out++;
      else c.in++;
      if ((e.date || "") > c.last) c.last = e.date;
      m.set(other, c);
    }
  }
  const out = {};
  for (const [k, m] of Object.entries(res)) out[k] = [...m.values()].sort((a, b) => b.out + b.in - (a.out + a.in));
  return out;
}

// actorView renders #/actor/CODE.
export async function actorView(root, code) {
  code = String(code || "").toUpperCase();
  root.appendChild(h("h1", {}, "Actor ", h("span", { class: "code" }, code)));
  const out = h("div", { class: "results" }, loading());
  root.appendChild(out);
  if (!linkableCode(code)) {
    clear(out).appendChild(errorBox(new Error("an actor code is letters and digits only, such as USA or RUSGOV")));
    return;
  }
  let events;
  let info = null;
  try {
    const [ev, inf] = await Promise.all([
      get("events", { actor: code, limit: 1000 }),
      get("actors/" + seg(code), { interval: "week" }).catch(() => null),
    ]);
    events = list(ev, "events");
    info = inf;
  } catch (err) {
    clear(out).appendChild(errorBox(err));
    return;
  }
  clear(out);
  const facts = [];
  if (info && typeof info === "object") {
    for (const [k, v] of Object.entries(info)) {
      if (typeof v === "string" || typeof v === "number") facts.push([k.replace(/_/g, " "), String(v)]);
    }
  }
  facts.push(["events loaded", String(events.length)]);
  out.appendChild(dl(facts));
  out.appendChild(
    h(
      "p",
      {},
      h("a", { href: "#/events" + query({ actor: code }), class: "button" }, "All its events"),
      " ",
      h("a", { href: "#/map" + query({ actor: code }), class: "button" }, "On the map"),
    ),
  );
  const groups = counterparts(code, events);
  const grid = h("div", { class: "grid" });
  for (const r of relations) {
    const rows = groups[r.key];
    const body = rows.length
      ? h(
          "table",
          { class: "compact" },
          h("thead", {}, h("tr", {}, ["Counterpart", "by " + code, "to " + code, "last", ""].map((c) => h("th", { scope: "col" }, c)))),
          h(
            "tbody",
            {},
            rows.slice(0, 10).map((c) =>
              h(
                "tr",
                {},
                h("td", {}, actorLink(c.code)),
                h("td", { class: "num" }, String(c.out)),
                h("td", { class: "num" }, String(c.in)),
                h("td", { class: "nowrap" }, c.last || "—"),
                h("td", {}, linkableCode(c.code) ? h("a", { href: "#/timeline" + query({ a: code, b: c.code }) }, "timeline") : null),
              ),
            ),
          ),
        )
      : h("p", { class: "muted" }, "None.");
    grid.appendChild(section(r.label, body));
  }
  out.appendChild(grid);
  // The server's profile counts every event of the actor; the events loaded
  // here are at most 1000, so they are only the fallback.
  const profile = info && Array.isArray(info.timeline) ? normalizeBuckets(info.timeline) : null;
  const buckets = profile && profile.length ? profile : fillGaps(bucketize(events, "week"), "week");
  out.appendChild(section("Over time (by week)", timelineChart(buckets, { height: 220 }), legend()));
  out.appendChild(section("Latest events", events.length ? eventsTable(events.slice(0, 50)) : h("p", { class: "muted" }, "No events.")));
}
