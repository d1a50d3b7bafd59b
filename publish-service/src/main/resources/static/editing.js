// Editors' corrections and withdrawals on the page. The admin key and the editor's name are asked once and kept in
// this tab's session storage only. What an editor types is sent as JSON and shown back with textContent, never as markup.
"use strict";

const KEY_STORAGE = "newsroom.apiKey";
const EDITOR_STORAGE = "newsroom.editor";
const LIST_SEPARATORS = /[、,,;;\n]+/;

/** Asks for the key and the editor's name in the page's dialog; rejects when the editor cancels. */
function askCredentials(message) {
  const dialog = document.getElementById("key-dialog");
  const form = document.getElementById("key-form");
  const cancel = document.getElementById("key-cancel");
  document.getElementById("key-message").textContent = message || t("keyPrompt");
  document.getElementById("editor-name").value = sessionStorage.getItem(EDITOR_STORAGE) || "";
  document.getElementById("api-key").value = "";
  return new Promise((resolve, reject) => {
    const finish = () => {
      form.removeEventListener("submit", onSubmit);
      cancel.removeEventListener("click", onCancel);
      dialog.close();
    };
    const onSubmit = event => {
      event.preventDefault();
      sessionStorage.setItem(KEY_STORAGE, document.getElementById("api-key").value);
      sessionStorage.setItem(EDITOR_STORAGE, document.getElementById("editor-name").value.trim());
      finish();
      resolve();
    };
    const onCancel = () => { finish(); reject(new Error("cancelled")); };
    form.addEventListener("submit", onSubmit);
    cancel.addEventListener("click", onCancel);
    dialog.showModal();
  });
}

/** Sends an edit with the session's key, asking for it first, and again when the service refuses it. */
async function sendEdit(path, method, contentType, body, etag) {
  if (!sessionStorage.getItem(KEY_STORAGE)) await askCredentials();
  for (;;) {
    const headers = {"Content-Type": contentType, "X-API-Key": sessionStorage.getItem(KEY_STORAGE),
      "X-Editor": encodeURIComponent(sessionStorage.getItem(EDITOR_STORAGE) || "")};
    if (etag) headers["If-Match"] = etag;
    const response = await fetch(path, {method, headers, body: JSON.stringify(body)});
    if (response.status !== 401 && response.status !== 403) return response;
    sessionStorage.removeItem(KEY_STORAGE);
    await askCredentials(t("badKey"));
  }
}

function listOf(text) {
  return [...new Set(text.split(LIST_SEPARATORS).map(part => part.trim()).filter(Boolean))];
}

const placeKey = place => place.code || place.type + ":" + place.name;

/** The outcome of the last edit, shown with its article however often the view is redrawn (live updates redraw it). */
let editNotice = null;

function showEditNotice(id) {
  if (editNotice && editNotice.id !== id) editNotice = null;
  const message = document.getElementById("edit-message");
  if (message && editNotice && editNotice.id === id) message.textContent = editNotice.text;
}

/** The correction and withdrawal controls of the article in view, or the notice that it was withdrawn. */
function editingPanel(item, etag) {
  if (item.status === "withdrawn") {
    return el("p", {id: "withdrawn-notice", class: "withdrawn"}, t("withdrawnNotice", {at: cst(item.withdrawal.at), editor: item.withdrawal.editor}));
  }
  const editor = correctionForm(item, etag);
  const withdrawal = withdrawalForm(item, etag);
  const editButton = el("button", {id: "edit", type: "button"}, t("edit"));
  const withdrawButton = el("button", {id: "withdraw", type: "button", class: "danger"}, t("withdraw"));
  editButton.addEventListener("click", () => { editor.hidden = !editor.hidden; withdrawal.hidden = true; });
  withdrawButton.addEventListener("click", () => { withdrawal.hidden = !withdrawal.hidden; editor.hidden = true; });
  return el("div", {class: "editing"}, el("div", {class: "actions"}, editButton, withdrawButton),
    el("p", {id: "edit-message", class: "hint", role: "status"}), editor, withdrawal);
}

function correctionForm(item, etag) {
  const a = item.article, e = item.enrichment;
  const corrected = new Map(item.corrections.map(c => [c.field, c]));
  const restored = new Set();
  const original = {headline: a.headline || "", subheadline: a.subheadline || "", section: a.section || "",
    tags: e.tags.map(tag => tag.name), people: e.people.map(person => person.name)};
  const inputs = {
    headline: el("input", {name: "headline", maxlength: "200"}), subheadline: el("input", {name: "subheadline", maxlength: "200"}),
    section: el("input", {name: "section", maxlength: "200"}), tags: el("input", {name: "tags"}), people: el("input", {name: "people"})
  };
  for (const field of ["headline", "subheadline", "section"]) inputs[field].value = original[field];
  for (const field of ["tags", "people"]) inputs[field].value = original[field].join("、");
  const places = e.places.map(p => ({name: p.name, type: p.type, code: p.code}));
  const row = field => el("div", {class: "field"}, el("label", {}, label("field", field), " ", inputs[field] || placePicker(places)),
    ["tags", "people"].includes(field) ? el("span", {class: "hint"}, t("listHint")) : null, correctedNote(field, corrected, restored));
  const save = el("button", {id: "save-correction", type: "submit"}, t("save"));
  const form = el("form", {id: "edit-form", class: "edit-form"}, ["headline", "subheadline", "section", "tags", "places", "people"].map(row), save);
  form.hidden = true;
  form.addEventListener("submit", async event => {
    event.preventDefault();
    const patch = {};
    for (const field of ["headline", "subheadline", "section"]) {
      if (inputs[field].value.trim() !== original[field]) patch[field] = inputs[field].value.trim();
    }
    for (const field of ["tags", "people"]) {
      const value = listOf(inputs[field].value);
      if (JSON.stringify(value) !== JSON.stringify(original[field])) patch[field] = value;
    }
    if (JSON.stringify(places.map(placeKey)) !== JSON.stringify(e.places.map(placeKey))) {
      patch.places = places.map(p => p.code ? {code: p.code} : {name: p.name, type: p.type});
    }
    restored.forEach(field => { patch[field] = null; });
    if (!Object.keys(patch).length) {
      document.getElementById("edit-message").textContent = t("unchanged");
      return;
    }
    await submitEdit(item.articleId, () => sendEdit("/api/articles/" + encodeURIComponent(item.articleId), "PATCH",
      "application/merge-patch+json", patch, etag));
  });
  return form;
}

/** Who corrected a field and when, with a button to give it back to the pipeline. */
function correctedNote(field, corrected, restored) {
  const correction = corrected.get(field);
  if (!correction) return null;
  const restore = el("button", {type: "button", class: "restore", "data-restore": field}, t("restore"));
  restore.addEventListener("click", () => { restored.add(field); restore.disabled = true; });
  return el("span", {class: "corrected"}, t("correctedBy", {editor: correction.editor, at: cst(correction.at)}), " ", restore);
}

/** The article's places as removable chips, and a gazetteer search to add one. */
function placePicker(places) {
  const chips = el("span", {id: "edit-places"});
  const render = () => chips.replaceChildren(...places.map((place, i) => {
    const remove = el("button", {type: "button", class: "remove", "aria-label": t("removePlace") + " " + place.name}, "×");
    remove.addEventListener("click", () => { places.splice(i, 1); render(); });
    return el("span", {class: "chip"}, place.name, remove);
  }));
  render();
  const search = el("input", {id: "place-search", type: "search", placeholder: t("placeSearch"), autocomplete: "off"});
  const results = el("ul", {id: "place-results", class: "place-results"});
  let pending = null;
  search.addEventListener("input", () => {
    clearTimeout(pending);
    pending = setTimeout(async () => {
      const q = search.value.trim();
      if (!q) { results.replaceChildren(); return; }
      const found = await (await fetch("/api/places?" + new URLSearchParams({q, limit: "8"}))).json();
      results.replaceChildren(...(found.length ? found.map(choice => {
        const pick = el("button", {type: "button", "data-code": choice.code},
          [choice.name, choice.parent, label("placeType", choice.type)].filter(Boolean).join(" · "));
        pick.addEventListener("click", () => {
          if (!places.some(p => p.code === choice.code)) places.push({name: choice.name, type: choice.type, code: choice.code});
          render();
          results.replaceChildren();
          search.value = "";
        });
        return el("li", {}, pick);
      }) : [el("li", {class: "hint"}, t("noPlaceFound"))]));
    }, 250);
  });
  return el("span", {class: "places"}, chips, search, results);
}

function withdrawalForm(item, etag) {
  const reason = el("input", {name: "reason", maxlength: "200"});
  const form = el("form", {id: "withdraw-form", class: "edit-form"}, el("label", {}, t("withdrawReason"), " ", reason),
    el("button", {id: "withdraw-confirm", type: "submit", class: "danger"}, t("confirmWithdraw")));
  form.hidden = true;
  form.addEventListener("submit", async event => {
    event.preventDefault();
    await submitEdit(item.articleId, () => sendEdit("/api/articles/" + encodeURIComponent(item.articleId) + "/withdraw", "POST",
      "application/json", {reason: reason.value.trim() || null}, etag));
  });
  return form;
}

/** Sends an edit and shows the outcome: the new version, the latest one when another edit came first, or the problem. */
async function submitEdit(id, send) {
  let response;
  try {
    response = await send();
  } catch (cancelled) {
    return;
  }
  if (response.ok || response.status === 412) {
    editNotice = {id, text: response.ok ? t("saved") : t("conflict")};
    await open(id);
    return;
  }
  const problem = await response.json().catch(() => ({}));
  document.getElementById("edit-message").textContent = t("editFailed", {detail: problem.detail || String(response.status)});
}

/** The article's versions, oldest first: what made each, who, when, and which fields it changed. */
async function versionHistory(id) {
  const response = await fetch("/api/articles/" + encodeURIComponent(id) + "/versions");
  if (!response.ok) return null;
  const versions = await response.json();
  return el("ol", {id: "versions", class: "versions"}, versions.map((v, i) => el("li", {},
    [t("versionLine", {n: i + 1, at: cst(v.at), change: label("change", v.change)}),
      v.editor ? t("by", {editor: v.editor}) : null,
      v.changes.length ? v.changes.map(c => label("field", c.field)).join("、") : null,
      v.keptCorrections.length ? t("kept", {fields: v.keptCorrections.map(f => label("field", f)).join("、")}) : null,
      v.note ? t("reason", {reason: v.note}) : null].filter(Boolean).join(" · "))));
}
