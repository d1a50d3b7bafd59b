// The editors' page: the article list, live additions, corrections and withdrawals over Server-Sent Events, and the
// article view (its correction controls are editing.js's).
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

const more = document.getElementById("more");
let nextCursor = null;

function filters() {
  const data = new FormData(form);
  const result = {};
  for (const key of ["q", "tag", "place", "section", "from", "to"]) {
    const value = (data.get(key) || "").trim();
    if (value) result[key] = value;
  }
  return result;
}

/** The day the news is of, as the API filters on it: the issue date, else the day it arrived in Beijing. */
function newsDate(article) {
  const issue = article.issue || {};
  if (issue.issueDate) return issue.issueDate;
  return issue.receivedAt ? new Date(issue.receivedAt).toLocaleDateString("sv-SE", {timeZone: "Asia/Shanghai"}) : null;
}

/** Whether a stored article passes the filters in force, as the search API would decide. */
function matches(item) {
  const f = filters();
  const a = item.article;
  if (f.tag && !item.enrichment.tags.some(tag => tag.name === f.tag)) return false;
  if (f.section && a.section !== f.section) return false;
  if (f.place && !item.enrichment.places.some(p => p.name === f.place || p.code === f.place || (p.parentCodes || []).includes(f.place))) return false;
  const date = newsDate(a);
  if ((f.from && !(date && date >= f.from)) || (f.to && !(date && date <= f.to))) return false;
  if (f.q) {
    const text = [a.kicker, a.headline, a.subheadline, a.deck, ...a.body.map(b => b.text)].filter(Boolean).join("\n");
    if (!text.includes(f.q)) return false;
  }
  return true;
}

function title(article) {
  return article.headline || (article.body && article.body.length ? article.body[0].text.slice(0, 40) + "…" : article.articleId);
}

/** Where the article was printed: publication, issue date and number, and the file it came in. */
function issueLine(issue) {
  if (!issue) return null;
  return [issue.publication, issue.issueDate, issue.issueNumber ? t("issueNo", {n: issue.issueNumber}) : null, issue.sourceName]
    .filter(Boolean).join(" ");
}

/** A list entry for a stored article (the read API's view). */
function card(item, isNew) {
  const article = item.article;
  const tags = item.enrichment.tags.map(tag => tag.name);
  const li = el("li", {"data-id": item.articleId, tabindex: "0"},
    el("div", {class: "title"}, title(article)),
    el("div", {class: "meta"}, [label("kind", article.kind), article.section, cst(item.publishedAt)].filter(Boolean).join(" · ")),
    el("div", {class: "meta issue"}, issueLine(article.issue)),
    el("div", {}, tags.map(tag => el("span", {class: "chip"}, tag))));
  if (isNew) li.classList.add("new");
  li.addEventListener("click", () => open(item.articleId));
  li.addEventListener("keydown", e => { if (e.key === "Enter") open(item.articleId); });
  return li;
}

/** The first page of the search in force, or with a cursor the next one, added below. */
async function load(cursor) {
  const query = new URLSearchParams({...filters(), limit: "30"});
  if (cursor) query.set("cursor", cursor);
  const response = await fetch("/api/articles?" + query);
  if (!response.ok) {
    list.replaceChildren(el("li", {class: "hint"}, t("searchFailed")));
    return;
  }
  const page = await response.json();
  const cards = page.items.map(item => card(item, false));
  if (cursor) {
    list.append(...cards);
  } else {
    list.replaceChildren(...cards);
    shown.clear();
  }
  if (!cursor && !page.items.length) list.append(el("li", {class: "hint"}, t("noResults")));
  page.items.forEach(item => shown.add(item.articleId + ":" + item.version));
  nextCursor = page.nextCursor;
  more.hidden = !nextCursor;
}

function connect() {
  const source = new EventSource("/api/articles/stream");
  source.onopen = () => { status.dataset.i18n = "live"; status.textContent = t("live"); status.classList.add("live"); };
  source.onerror = () => { status.dataset.i18n = "reconnecting"; status.textContent = t("reconnecting"); status.classList.remove("live"); };
  source.addEventListener("article", async event => {
    const notification = JSON.parse(event.data);
    const key = notification.articleId + ":" + notification.version;
    if (shown.has(key)) return;
    shown.add(key);
    // The notification is brief; the card shows the stored article, issue and all.
    const response = await fetch("/api/articles/" + encodeURIComponent(notification.articleId));
    if (!response.ok) return;
    const item = await response.json();
    const existing = list.querySelector(`li[data-id="${CSS.escape(notification.articleId)}"]`);
    if (existing) existing.remove();
    // The article open here changed elsewhere: show the new version, unless this editor is correcting it.
    const editing = view.querySelector("#edit-form:not([hidden]), #withdraw-form:not([hidden])");
    if (view.dataset.articleId === item.articleId && !editing) open(item.articleId);
    if (item.status === "withdrawn" || !matches(item)) return;
    list.querySelectorAll("li.hint").forEach(hint => hint.remove());
    list.prepend(card(item, true));
  });
}

async function open(id) {
  list.querySelectorAll("li.selected").forEach(li => li.classList.remove("selected"));
  const selected = list.querySelector(`li[data-id="${CSS.escape(id)}"]`);
  if (selected) selected.classList.add("selected");
  const response = await fetch("/api/articles/" + encodeURIComponent(id));
  const etag = response.headers.get("ETag");
  const item = await response.json();
  const a = item.article;
  const e = item.enrichment;
  const bylines = a.bylines.map(b => b.name).join(" ");
  const parts = [
    editingPanel(item, etag),
    a.section ? el("p", {class: "meta"}, a.section) : null,
    a.kicker ? el("p", {class: "kicker"}, a.kicker) : null,
    el("h2", {}, a.headline || t("noHeadline")),
    a.subheadline ? el("p", {class: "subheadline"}, a.subheadline) : null,
    a.deck ? el("p", {class: "deck"}, a.deck) : null,
    el("p", {class: "meta"}, [bylines ? "■ " + bylines : null, a.photographers.length ? a.photographers.join(" ") + " " + t("photo") : null,
      label("kind", a.kind), a.flags.map(flag => label("flag", flag)).join("、")].filter(Boolean).join(" · ")),
    el("p", {class: "meta"}, [issueLine(a.issue), cst(item.publishedAt)].filter(Boolean).join(" · ")),
    ...a.body.map(b => el("p", {class: b.type === "heading" ? "crosshead" : "paragraph"}, b.text)),
    el("h3", {}, t("tags")),
    el("ul", {}, e.tags.map(t => el("li", {}, `${t.name} (${t.score}) — ${t.evidence.join("、")}`))),
    el("h3", {}, t("places")),
    el("ul", {}, e.places.map(p => el("li", {}, [p.name, p.type, p.code || t("unresolved"), p.focus ? t("focus") : null].filter(Boolean).join(" · ")))),
    await mapOf(e.places),
    el("h3", {}, t("peopleOrgs")),
    el("p", {}, e.people.map(p => p.role ? `${p.name}(${p.role})` : p.name).join("、") || "—"),
    el("p", {}, e.organisations.map(o => o.name).join("、") || "—"),
    el("h3", {}, t("warnings")),
    await warnings(a),
    el("h3", {}, t("sourceText")),
    await source(id),
    el("h3", {}, t("versions")),
    await versionHistory(id)
  ];
  view.replaceChildren(...parts.filter(Boolean));
  view.dataset.articleId = id;
  showEditNotice(id);
}

async function warnings(article) {
  const response = await fetch("/api/issues/" + encodeURIComponent(article.issueId));
  if (!response.ok) return el("p", {class: "hint"}, t("noReport"));
  const issue = await response.json();
  const mine = issue.report.warnings.filter(w => w.articleId === article.articleId);
  return mine.length ? el("ul", {}, mine.map(w => el("li", {class: "warning"}, `${label("warning", w.kind)}: ${w.message}`))) : el("p", {}, t("none"));
}

async function source(id) {
  const response = await fetch("/api/articles/" + encodeURIComponent(id) + "/source");
  if (!response.ok) return el("p", {class: "hint"}, t("noSource"));
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
  const map = svg("svg", {class: "map", viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": t("map")});
  map.append(svg("title", {}, "河西区 — " + mapData.source));
  for (const c of mapData.communities) map.append(svg("circle", {class: "community", cx: x(c.lon), cy: y(c.lat), r: 2}));
  for (const s of mapData.streets) {
    map.append(svg("circle", {class: "street", cx: x(s.lon), cy: y(s.lat), r: 4}));
    map.append(svg("text", {x: x(s.lon) + 6, y: y(s.lat) + 3}, s.name));
  }
  for (const p of located) {
    const cx = x(p.coordinates.longitude), cy = y(p.coordinates.latitude);
    map.append(svg("circle", {class: "place", cx, cy, r: p.coordinates.approximate ? 5 : 7}));
    map.append(svg("text", {class: "place-label", x: cx + 8, y: cy - 6}, p.name + (p.coordinates.approximate ? t("approximate") : "")));
  }
  return map;
}

/** Switching language redraws the list and the open article in it. */
document.getElementById("language").addEventListener("click", () => {
  switchLanguage();
  load();
  if (view.dataset.articleId) open(view.dataset.articleId);
});

form.addEventListener("submit", event => { event.preventDefault(); load(); });
form.addEventListener("reset", () => setTimeout(() => load(), 0));
more.addEventListener("click", () => load(nextCursor));
translatePage();
load().then(connect);
