// The quotes view: who said what, searchable.

import { h, clear } from "../dom.js";
import { get, list, query } from "../api.js";
import { actorLink, articleLink, errorBox, loading } from "./common.js";

// quotesView renders #/quotes?speaker=&q=.
export async function quotesView(root, params) {
  const speaker = params.get("speaker") || "";
  const qv = params.get("q") || "";
  const form = h(
    "form",
    { class: "filters", autocomplete: "off" },
    h("label", {}, h("span", {}, "Speaker"), h("input", { name: "speaker", value: speaker, size: 16 })),
    h("label", {}, h("span", {}, "Words"), h("input", { name: "q", value: qv, size: 24 })),
    h("div", { class: "buttons" }, h("button", { type: "submit" }, "Search")),
  );
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const fd = new FormData(form);
    location.hash = "#/quotes" + query({ speaker: String(fd.get("speaker")).trim(), q: String(fd.get("q")).trim() });
  });
  root.appendChild(h("h1", {}, "Quotes"));
  root.appendChild(form);
  const out = h("div", { class: "results" }, loading());
  root.appendChild(out);
  let body;
  try {
    body = await get("quotes", { speaker, q: qv, limit: 200 });
  } catch (err) {
    clear(out).appendChild(errorBox(err));
    return;
  }
  const qs = list(body, "quotes", "items");
  clear(out);
  out.appendChild(h("p", { class: "count" }, `${qs.length} quote(s)`));
  out.appendChild(
    h(
      "ul",
      { class: "plain quotes" },
      qs.map((q) =>
        h(
          "li",
          {},
          h("q", {}, q.text || ""),
          " — ",
          q.speaker_actor ? [actorLink(q.speaker_actor), " "] : null,
          h("span", {}, q.speaker || "unknown speaker"),
          " ",
          h("span", { class: "small" }, "(", articleLink(q.article_id, "article"), ")"),
        ),
      ),
    ),
  );
}
