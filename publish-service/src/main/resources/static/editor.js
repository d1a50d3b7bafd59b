// The editors' page: the article list, live additions over Server-Sent Events, and the article view.
// Every piece of text is set with textContent (never innerHTML), so article text can never become markup.
"use strict";

const list = document.getElementById("articles");
const view = document.getElementById("view");
const status = document.getElementById("live-status");
const form = document.getElementById("filters");
const shown = new Set();
let mapData = null;

/** Creates an element; string children become text nodes. */
function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    node.setAttribute(name, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

function svg(tag, attributes, text) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    node.setAttribute(name, String(value));
  }
  if (text) node.textContent = text;
  return node;
}

function filters() {
  const data = new FormData(form);
  const result = {};
  for (const key of ["tag", "place", "section"]) {
    const value = (data.get(key) || "").trim();
    if (value) result[key] = value;
  }
  return result;
}

/** Whether a live notification passes the filters in force (place by code or name, as the API does). */
function matches(notification) {
  const f = filters();
  if (f.tag && !(notification.tags || []).includes(f.tag)) return false;
  if (f.section && notification.section !== f.section) return false;
  if (f.place) {
    const places = notification.places || [];
    if (!places.some(p => p.name === f.place || (p.code && p.code.startsWith(f.place)))) return false;
  }
  return true;
}

function title(article) {
  return article.headline || (article.body && article.body.length ? article.body[0].text.slice(0, 40) + "…" : article.articleId);
}

function card(item, isNew) {
  const article = item.article;
  const tags = (item.enrichment ? item.enrichment.tags.map(t => t.name) : item.tags) || [];
  const li = el("li", {"data-id": item.articleId, tabindex: "0"},
    el("div", {class: "title"}, item.headline !== undefined ? (item.headline || item.articleId) : title(article)),
    el("div", {class: "meta"}, [item.kind || (article && article.kind), item.section || (article && article.section), new Date(item.publishedAt).toLocaleString()]
      .filter(Boolean).join(" · ")),
    el("div", {}, tags.map(t => el("span", {class: "chip"}, t))));
  if (isNew) li.classList.add("new");
  li.addEventListener("click", () => open(item.articleId));
  li.addEventListener("keydown", e => { if (e.key === "Enter") open(item.articleId); });
  return li;
}

async function load() {
  const query = new URLSearchParams({...filters(), limit: "50"});
  const response = await fetch("/api/articles?" + query);
  const page = await response.json();
  list.replaceChildren(...page.items.map(item => card(item, false)));
  shown.clear();
  page.items.forEach(item => shown.add(item.articleId + ":" + item.version));
}

function connect() {
  const source = new EventSource("/api/articles/stream");
  source.onopen = () => { status.textContent = "live"; status.classList.add("live"); };
  source.onerror = () => { status.textContent = "reconnecting…"; status.classList.remove("live"); };
  source.addEventListener("article", event => {
    const notification = JSON.parse(event.data);
    const key = notification.articleId + ":" + notification.version;
    if (shown.has(key) || !matches(notification)) return;
    shown.add(key);
    const existing = list.querySelector(`li[data-id="${CSS.escape(notification.articleId)}"]`);
    if (existing) existing.remove();
    list.prepend(card(notification, true));
  });
}

async function open(id) {
  list.querySelectorAll("li.selected").forEach(li => li.classList.remove("selected"));
  const selected = list.querySelector(`li[data-id="${CSS.escape(id)}"]`);
  if (selected) selected.classList.add("selected");
  const item = await (await fetch("/api/articles/" + encodeURIComponent(id))).json();
  const a = item.article;
  const e = item.enrichment;
  const bylines = a.bylines.map(b => b.name).join(" ");
  const parts = [
    a.section ? el("p", {class: "meta"}, a.section) : null,
    a.kicker ? el("p", {class: "kicker"}, a.kicker) : null,
    el("h2", {}, a.headline || "(no headline)"),
    a.subheadline ? el("p", {class: "subheadline"}, a.subheadline) : null,
    a.deck ? el("p", {class: "deck"}, a.deck) : null,
    el("p", {class: "meta"}, [bylines ? "■ " + bylines : null, a.photographers.length ? a.photographers.join(" ") + " 摄" : null,
      a.kind, a.flags.join(", ")].filter(Boolean).join(" · ")),
    ...a.body.map(b => el("p", {class: b.type === "heading" ? "crosshead" : "paragraph"}, b.text)),
    el("h3", {}, "Tags"),
    el("ul", {}, e.tags.map(t => el("li", {}, `${t.name} (${t.score}) — ${t.evidence.join("、")}`))),
    el("h3", {}, "Places"),
    el("ul", {}, e.places.map(p => el("li", {}, `${p.name} · ${p.type}${p.code ? " · " + p.code : " · unresolved"}${p.focus ? " · focus" : ""}`))),
    await mapOf(e.places),
    el("h3", {}, "People and organisations"),
    el("p", {}, e.people.map(p => p.role ? `${p.name}(${p.role})` : p.name).join("、") || "—"),
    el("p", {}, e.organisations.map(o => o.name).join("、") || "—"),
    el("h3", {}, "Parse warnings"),
    await warnings(a),
    el("h3", {}, "Source text"),
    await source(id)
  ];
  view.replaceChildren(...parts.filter(Boolean));
}

async function warnings(article) {
  const response = await fetch("/api/issues/" + encodeURIComponent(article.issueId));
  if (!response.ok) return el("p", {class: "hint"}, "The issue's parse report is not recorded yet.");
  const issue = await response.json();
  const mine = issue.report.warnings.filter(w => w.articleId === article.articleId);
  return mine.length ? el("ul", {}, mine.map(w => el("li", {class: "warning"}, `${w.kind}: ${w.message}`))) : el("p", {}, "None.");
}

async function source(id) {
  const response = await fetch("/api/articles/" + encodeURIComponent(id) + "/source");
  if (!response.ok) return el("p", {class: "hint"}, "The source text is not available.");
  const src = await response.json();
  return el("pre", {}, src.pieces.map(p => p.text).join("\n\n"));
}

/** An SVG map of Hexi from the gazetteer's points, with the article's places marked. */
async function mapOf(places) {
  if (!mapData) mapData = await (await fetch("hexi-map.json")).json();
  const points = [...mapData.streets, ...mapData.communities];
  const located = places.filter(p => p.coordinates && p.coordinates.longitude > 117.1 && p.coordinates.longitude < 117.4
    && p.coordinates.latitude > 38.9 && p.coordinates.latitude < 39.2);
  const lons = points.map(p => p.lon).concat(located.map(p => p.coordinates.longitude));
  const lats = points.map(p => p.lat).concat(located.map(p => p.coordinates.latitude));
  const [minLon, maxLon, minLat, maxLat] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  // Labels run to the right of their points: leave them room on that side.
  const width = 480, height = 360, pad = 30, labelRoom = 70;
  const scale = Math.min((width - pad - labelRoom) / ((maxLon - minLon) * Math.cos(39.1 * Math.PI / 180)), (height - 2 * pad) / (maxLat - minLat));
  const x = lon => pad + (lon - minLon) * Math.cos(39.1 * Math.PI / 180) * scale;
  const y = lat => height - pad - (lat - minLat) * scale;
  const map = svg("svg", {class: "map", viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "Map of Hexi District"});
  map.append(svg("title", {}, "河西区 — " + mapData.source));
  for (const c of mapData.communities) map.append(svg("circle", {class: "community", cx: x(c.lon), cy: y(c.lat), r: 2}));
  for (const s of mapData.streets) {
    map.append(svg("circle", {class: "street", cx: x(s.lon), cy: y(s.lat), r: 4}));
    map.append(svg("text", {x: x(s.lon) + 6, y: y(s.lat) + 3}, s.name));
  }
  for (const p of located) {
    const cx = x(p.coordinates.longitude), cy = y(p.coordinates.latitude);
    map.append(svg("circle", {class: "place", cx, cy, r: p.coordinates.approximate ? 5 : 7}));
    map.append(svg("text", {class: "place-label", x: cx + 8, y: cy - 6}, p.name + (p.coordinates.approximate ? " (≈)" : "")));
  }
  return map;
}

form.addEventListener("submit", event => { event.preventDefault(); load(); });
form.addEventListener("reset", () => setTimeout(load, 0));
load().then(connect);
