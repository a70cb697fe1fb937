// The map view: event locations on a world map drawn offline with d3-geo.

import { geoNaturalEarth1, geoPath, geoGraticule10 } from "d3-geo";
import { feature, mesh } from "topojson-client";
import world from "world-atlas/countries-110m.json";
import { h, s, clear } from "../dom.js";
import { get, list, seg } from "../api.js";
import { quadNames, rootLabel } from "../cameo.js";
import { quadColor } from "../chart.js";
import { errorBox, loading } from "./common.js";
import { filterForm, apiParams, filterNames } from "./events.js";

const width = 960;
const height = 500;

let base = null; // the drawn countries of the world view, built once and cloned

function baseLayer(path, worldView) {
  if (!worldView) return drawBase(path);
  if (!base) base = drawBase(path);
  return base.cloneNode(true);
}

function drawBase(path) {
  const land = feature(world, world.objects.countries);
  const g = s("g", { class: "land" });
  g.appendChild(s("path", { d: path({ type: "Sphere" }), class: "sphere" }));
  g.appendChild(s("path", { d: path(geoGraticule10()), class: "graticule" }));
  for (const f of land.features) g.appendChild(s("path", { d: path(f), class: "country" }));
  g.appendChild(s("path", { d: path(mesh(world, world.objects.countries, (a, b) => a !== b)), class: "border" }));
  return g;
}

// extentOf is a MultiPoint around the events, padded, for fitting the map.
export function extentOf(events) {
  const lons = events.map((e) => e.lon);
  const lats = events.map((e) => e.lat);
  const pad = 4;
  const w = Math.max(-180, Math.min(...lons) - pad);
  const e = Math.min(180, Math.max(...lons) + pad);
  const sth = Math.max(-85, Math.min(...lats) - pad);
  const n = Math.min(85, Math.max(...lats) + pad);
  return { type: "MultiPoint", coordinates: [[w, sth], [e, sth], [e, n], [w, n]] };
}

// eventsWithPlace keeps the events that have coordinates.
export function eventsWithPlace(events) {
  return events.filter((e) => typeof e.lat === "number" && typeof e.lon === "number" && Number.isFinite(e.lat) && Number.isFinite(e.lon));
}

// mapView renders #/map.
export async function mapView(root, params) {
  root.appendChild(h("h1", {}, "Map"));
  root.appendChild(filterForm(params, "#/map"));
  const out = h("div", { class: "results" }, loading());
  root.appendChild(out);
  let body;
  try {
    body = await get("events", { ...apiParams(params, filterNames), limit: 1000, sort: "mentions" });
  } catch (err) {
    clear(out).appendChild(errorBox(err));
    return;
  }
  const all = list(body, "events");
  const placed = eventsWithPlace(all);
  const fit = params.get("fit") === "1" && placed.length > 0;
  const projection = geoNaturalEarth1().fitExtent(
    [
      [4, 4],
      [width - 4, height - 4],
    ],
    fit ? extentOf(placed) : { type: "Sphere" },
  );
  const path = geoPath(projection);
  const svg = s("svg", { viewBox: `0 0 ${width} ${height}`, class: "map", role: "img", "aria-label": "map of event locations" });
  svg.appendChild(baseLayer(path, !fit));
  const maxM = Math.max(1, ...placed.map((e) => e.num_mentions || 1));
  const markers = s("g", { class: "markers" });
  // Biggest first so that small markers stay on top and clickable.
  for (const e of [...placed].sort((a, b) => (b.num_mentions || 1) - (a.num_mentions || 1))) {
    const p = projection([e.lon, e.lat]);
    if (!p) continue;
    const r = 3 + 9 * Math.sqrt((e.num_mentions || 1) / maxM);
    const label = `${e.date || "undated"} ${e.source_code || "?"} → ${e.target_code || "?"}: ${rootLabel(e.root)} (${e.code}), ${e.place_name || ""}; ${e.num_mentions || 1} mention(s)`;
    const go = () => {
      location.hash = "#/event/" + seg(e.id);
    };
    markers.appendChild(
      s(
        "circle",
        {
          cx: p[0].toFixed(1),
          cy: p[1].toFixed(1),
          r: r.toFixed(1),
          fill: quadColor(e.quad_class),
          class: "marker",
          tabindex: 0,
          role: "link",
          "data-id": e.id,
          "aria-label": label,
          on: { click: go, keydown: (ev) => ev.key === "Enter" && go() },
        },
        s("title", {}, label),
      ),
    );
  }
  svg.appendChild(markers);
  clear(out);
  const other = new URLSearchParams(params);
  if (fit) other.delete("fit");
  else other.set("fit", "1");
  const toggle = h("a", { href: "#/map" + (other.toString() ? "?" + other.toString() : ""), class: "button" }, fit ? "Whole world" : "Zoom to the events");
  out.appendChild(
    h(
      "p",
      { class: "count" },
      `${placed.length} of ${all.length} events have a place` +
        (typeof body?.total === "number" && body.total > all.length ? ` (the ${all.length} most mentioned of ${body.total} shown)` : "") +
        ". Marker area grows with mentions; click a marker to open its event. ",
      toggle,
    ),
  );
  out.appendChild(h("div", { class: "mapbox" }, svg));
  out.appendChild(
    h(
      "div",
      { class: "legend" },
      [1, 2, 3, 4].map((q) => h("span", { class: "item" }, h("span", { class: "swatch q" + q }), quadNames[q])),
    ),
  );
}
