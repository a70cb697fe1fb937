// DOM helpers. Every string that reaches the page goes through a text node or
// a fixed attribute: data is never parsed as markup, and links only ever point
// at routes of this dashboard ("#/…").

const SVGNS = "http://www.w3.org/2000/svg";

// Attributes a caller may set; anything else (on*, style, src, …) is refused.
const allowed = new Set([
  "class", "id", "title", "type", "name", "value", "placeholder", "for", "role", "min", "max",
  "step", "size", "list", "colspan", "scope", "tabindex", "autocomplete", "lang", "dir", "open",
]);

// isInternal tells whether href is a route of this dashboard.
export function isInternal(href) {
  return typeof href === "string" && href.startsWith("#/");
}

function setAttr(el, k, v) {
  if (v === null || v === undefined || v === false) return;
  if (k === "href") {
    // Only internal routes; anything else (javascript:, http:, data:) is dropped.
    if (isInternal(v)) el.setAttribute("href", v);
    return;
  }
  if (allowed.has(k) || k.startsWith("data-") || k.startsWith("aria-")) {
    el.setAttribute(k, v === true ? "" : String(v));
  }
}

function append(el, c) {
  if (c === null || c === undefined || c === false) return;
  if (Array.isArray(c)) {
    for (const x of c) append(el, x);
  } else if (c instanceof Node) {
    el.appendChild(c);
  } else {
    el.appendChild(document.createTextNode(String(c)));
  }
}

// h builds an HTML element: h("a", {href: "#/event/3", class: "x"}, "text", child…).
// props.on maps event names to listeners; props.text sets textContent.
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (k === "on") {
      for (const [ev, fn] of Object.entries(v)) el.addEventListener(ev, fn);
    } else if (k === "text") {
      el.textContent = v === null || v === undefined ? "" : String(v);
    } else if (k === "checked" || k === "selected" || k === "disabled") {
      el[k] = Boolean(v);
    } else {
      setAttr(el, k, v);
    }
  }
  append(el, children);
  return el;
}

// s builds an SVG element; attribute values are set with setAttribute, which
// never parses markup. A "href" attribute is refused.
export function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined) continue;
    if (k === "on") {
      for (const [ev, fn] of Object.entries(v)) el.addEventListener(ev, fn);
    } else if (k !== "href" && k !== "xlink:href" && !k.startsWith("on") && k !== "style") {
      el.setAttribute(k, String(v));
    }
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

// clear removes every child of el.
export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

// link is an internal link; a non-internal href makes plain text.
export function link(href, text, cls) {
  if (!isInternal(href)) return h("span", { class: cls }, text);
  return h("a", { href, class: cls }, text);
}

// fmtNum formats a number with at most d decimals, or "–" when absent.
export function fmtNum(v, d = 1) {
  if (typeof v !== "number" || !Number.isFinite(v)) return "–";
  return Number.isInteger(v) ? String(v) : v.toFixed(d);
}
