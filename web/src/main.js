// The dashboard's entry: layout, hash routing and the store's counts.

import { h, clear } from "./dom.js";
import { get } from "./api.js";
import { eventsView } from "./views/events.js";
import { mapView } from "./views/map.js";
import { timelineView } from "./views/timeline.js";
import { actorView } from "./views/actor.js";
import { articleView, articlesView } from "./views/article.js";
import { eventView } from "./views/event.js";
import { quotesView } from "./views/quotes.js";
import { errorBox } from "./views/common.js";

const nav = [
  ["#/events", "Events"],
  ["#/map", "Map"],
  ["#/timeline", "Dyad timeline"],
  ["#/articles", "Articles"],
  ["#/quotes", "Quotes"],
];

// parseHash splits "#/events?actor=USA" into ["events"], URLSearchParams.
export function parseHash(hash) {
  const raw = String(hash || "").replace(/^#\/?/, "");
  const qi = raw.indexOf("?");
  const path = qi < 0 ? raw : raw.slice(0, qi);
  const params = new URLSearchParams(qi < 0 ? "" : raw.slice(qi + 1));
  const parts = path.split("/").filter(Boolean).map((p) => {
    try {
      return decodeURIComponent(p);
    } catch (e) {
      return p;
    }
  });
  return { parts, params };
}

let generation = 0;

async function route(main, links) {
  const hash = location.hash;
  const { parts, params } = parseHash(hash);
  const gen = ++generation;
  const view = h("div", { class: "view" });
  clear(main).appendChild(view);
  const top = parts[0] || "events";
  for (const a of links) a.classList.toggle("active", a.getAttribute("href") === "#/" + top);
  const title = { events: "Events", map: "Map", timeline: "Dyad timeline", articles: "Articles", quotes: "Quotes", actor: "Actor", article: "Article", event: "Event" }[top];
  document.title = title ? `${title} · dyad` : "dyad";
  try {
    switch (top) {
      case "events":
        return await eventsView(view, params);
      case "map":
        return await mapView(view, params);
      case "timeline":
        return await timelineView(view, params);
      case "articles":
        return await articlesView(view, params);
      case "quotes":
        return await quotesView(view, params);
      case "actor":
        return await actorView(view, parts[1] || "");
      case "article":
        return await articleView(view, parts[1] || "");
      case "event":
        return await eventView(view, parts[1] || "");
      default:
        view.appendChild(h("h1", {}, "Not found"));
        view.appendChild(h("p", {}, "There is no such page. ", h("a", { href: "#/events" }, "See the events.")));
    }
  } catch (err) {
    if (gen === generation) view.appendChild(errorBox(err));
  } finally {
    // Tests wait for this: the view named data-ready has rendered the route data-hash.
    if (gen === generation) {
      document.body.setAttribute("data-hash", hash);
      document.body.setAttribute("data-ready", top);
    }
  }
}

function start() {
  const app = document.getElementById("app");
  const stats = h("span", { class: "stats" });
  const links = nav.map(([href, text]) => h("a", { href }, text));
  const header = h("header", {}, h("a", { href: "#/events", class: "brand" }, "dyad"), h("nav", {}, links), stats);
  const main = h("main", { id: "main" });
  const footer = h(
    "footer",
    {},
    h("p", {}, "Place names and coordinates: GeoNames (geonames.org), licensed under CC BY 4.0. " +
      "Map data: Natural Earth (public domain), as TopoJSON from the world-atlas package (ISC). " +
      "Event codes: CAMEO; Goldstein scale as used by GDELT."),
  );
  clear(app).append(header, main, footer);
  get("stats")
    .then((st) => {
      if (st && typeof st === "object") {
        stats.textContent = `${st.articles ?? "?"} articles · ${st.events ?? "?"} events · ${st.quotes ?? "?"} quotes`;
      }
    })
    .catch(() => {});
  window.addEventListener("hashchange", () => {
    document.body.removeAttribute("data-ready");
    route(main, links);
  });
  route(main, links);
}

start();
