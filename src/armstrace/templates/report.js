// armstrace review page: details of each highlighted item, verdicts, fixes and added items,
// kept in localStorage and saved as a decisions file for `armstrace gold import`.
// Plain script, no libraries, no network. Article text is only ever set with textContent.
(function () {
  "use strict";

  const data = JSON.parse(document.getElementById("report-data").textContent);
  const SINGULAR = { actors: "actor", weapons: "weapon", figures: "figure", claims: "claim" };
  const items = new Map();
  for (const article of data.articles) {
    for (const item of article.items) items.set(item.id, Object.assign({ article: article.id }, item));
  }
  const state = loadState();
  const panel = document.getElementById("panel");
  const panelBody = document.getElementById("panel-body");
  const panelTitle = document.getElementById("panel-title");
  let current = null; // the item whose panel is open
  let pending = null; // the last text selected in an article

  // ------------------------------------------------------------------ state

  function emptyState() {
    return { reviewer: "", items: {}, added: {} };
  }

  function loadState() {
    try {
      const saved = JSON.parse(window.localStorage.getItem(data.key) || "null");
      return saved && saved.items ? saved : emptyState();
    } catch (e) {
      return emptyState(); // storage may be off (private window): review still works until reload
    }
  }

  function persist() {
    try {
      window.localStorage.setItem(data.key, JSON.stringify(state));
    } catch (e) {
      announce("Could not keep decisions in this browser; save them to a file.");
    }
    refresh();
  }

  function decision(id) {
    return state.items[id] || { verdict: null, fix: {} };
  }

  function setVerdict(id, verdict) {
    const d = decision(id);
    state.items[id] = { verdict: verdict, fix: d.fix || {} };
    persist();
    const item = items.get(id);
    announce(SINGULAR[item.field] + " " + item.label + ": " + (verdict || "undecided"));
    if (current === id) openItem(id);
  }

  function announce(text) {
    document.getElementById("status").textContent = text;
  }

  // ------------------------------------------------------------------ page state

  function marks(id) {
    const sel = '[data-item="' + CSS.escape(id) + '"], [data-cont="' + CSS.escape(id) + '"]';
    return document.querySelectorAll(sel);
  }

  function primary(id) {
    return document.querySelector('mark[data-item="' + CSS.escape(id) + '"]');
  }

  function refresh() {
    let done = 0;
    for (const id of items.keys()) {
      const d = decision(id);
      if (d.verdict) done += 1;
      for (const el of marks(id)) {
        el.classList.toggle("is-correct", d.verdict === "correct" && !hasFix(d));
        el.classList.toggle("is-fixed", d.verdict === "correct" && hasFix(d));
        el.classList.toggle("is-wrong", d.verdict === "wrong");
      }
    }
    let added = 0;
    for (const article of data.articles) {
      const n = article.items.filter((i) => decision(i.id).verdict).length;
      const el = document.querySelector('[data-progress="' + CSS.escape(article.id) + '"]');
      if (el) el.textContent = n + " / " + article.items.length + " reviewed";
      added += renderAdded(article.id);
    }
    document.getElementById("progress").textContent =
      done + " of " + items.size + " reviewed, " + added + " added";
    document.getElementById("reviewer").value = state.reviewer || "";
  }

  function hasFix(d) {
    return d.fix && Object.keys(d.fix).length > 0;
  }

  function renderAdded(articleId) {
    const box = document.querySelector('[data-added="' + CSS.escape(articleId) + '"]');
    const list = state.added[articleId] || [];
    if (!box) return list.length;
    const ul = box.querySelector("ul");
    ul.replaceChildren();
    list.forEach((added, n) => {
      const li = document.createElement("li");
      const label = SINGULAR[added.field] + " “" + added.quote + "” (" + added.start + "–" + added.end + ")";
      li.append(document.createTextNode(label + " "));
      const remove = document.createElement("button");
      remove.type = "button";
      remove.textContent = "Remove";
      remove.setAttribute("aria-label", "Remove added " + label);
      remove.addEventListener("click", () => {
        list.splice(n, 1);
        persist();
      });
      li.append(remove);
      ul.append(li);
    });
    box.hidden = list.length === 0;
    return list.length;
  }

  // ------------------------------------------------------------------ the panel

  function el(tag, text, attrs) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    return node;
  }

  function showPanel(title) {
    panelTitle.textContent = title;
    panelBody.replaceChildren();
    panel.hidden = false;
    document.body.classList.add("panel-open");
  }

  function closePanel() {
    panel.hidden = true;
    document.body.classList.remove("panel-open");
    for (const m of document.querySelectorAll("mark.is-current")) m.classList.remove("is-current");
    const back = current && primary(current);
    current = null;
    if (back) back.focus();
  }

  function openItem(id) {
    const item = items.get(id);
    const d = decision(id);
    for (const m of document.querySelectorAll("mark.is-current")) m.classList.remove("is-current");
    for (const m of marks(id)) m.classList.add("is-current");
    current = id;
    showPanel(SINGULAR[item.field] + " " + (item.index + 1) + " of " + item.article);
    panelBody.append(el("p", item.label, { class: "item-label" }));
    panelBody.append(el("blockquote", item.record.evidence.quote));
    const dl = el("dl");
    for (const [k, v] of item.details) dl.append(el("dt", k), el("dd", v));
    panelBody.append(dl);
    panelBody.append(el("p", "Verdict: " + (d.verdict || "undecided") + (hasFix(d) ? " (fixed)" : ""), { class: "verdict-state" }));
    const verdicts = el("div", null, { class: "verdicts", role: "group", "aria-label": "Verdict" });
    for (const [verdict, label] of [["correct", "Correct (c)"], ["wrong", "Wrong (w)"], [null, "Undecided (u)"]]) {
      const b = el("button", label, { type: "button", "aria-pressed": String(d.verdict === verdict) });
      b.dataset.verdict = verdict || "";
      b.addEventListener("click", () => setVerdict(id, verdict));
      verdicts.append(b);
    }
    panelBody.append(verdicts);
    panelBody.append(overlapping(id));
    panelBody.append(fixForm(item, d));
  }

  function overlapping(id) {
    // Items whose highlight contains or sits inside this one: nested marks are hard to click.
    const box = el("div");
    const node = primary(id);
    if (!node) return box;
    const others = new Set();
    for (let up = node.parentElement.closest("mark"); up; up = up.parentElement.closest("mark")) {
      others.add(up.dataset.item || up.dataset.cont);
    }
    for (const inner of node.querySelectorAll("mark[data-item]")) others.add(inner.dataset.item);
    others.delete(id);
    if (!others.size) return box;
    box.append(el("h3", "Also here"));
    const ul = el("ul");
    for (const other of others) {
      const item = items.get(other);
      const b = el("button", SINGULAR[item.field] + ": " + item.label, { type: "button" });
      b.addEventListener("click", () => goTo(other));
      const li = el("li");
      li.append(b);
      ul.append(li);
    }
    box.append(ul);
    return box;
  }

  function shown(record, name) {
    const value = record[name];
    if (value === null || value === undefined) return "";
    if (Array.isArray(value)) return value.join("; ");
    if (typeof value === "object") return value.text || "";
    return String(value);
  }

  function inputFor(spec, value, idPrefix) {
    const label = el("label", spec.name + (spec.kind === "list" ? " (separate with ;)" : ""));
    let input;
    if (spec.kind === "choice") {
      input = el("select");
      for (const option of spec.options) input.append(el("option", option, { value: option }));
    } else {
      input = el(spec.name === "content" ? "textarea" : "input", null, spec.name === "content" ? { rows: "3" } : { type: "text" });
    }
    input.value = value;
    input.name = spec.name;
    input.id = idPrefix + spec.name;
    label.setAttribute("for", input.id);
    label.append(input);
    return label;
  }

  function typed(spec, text) {
    return spec.kind === "list" ? text.split(";").map((s) => s.trim()).filter(Boolean) : text;
  }

  function fixForm(item, d) {
    const form = el("form", null, { "aria-label": "Fix fields" });
    form.append(el("h3", "Fix fields"));
    const specs = data.editable[item.field];
    for (const spec of specs) {
      const fixed = d.fix && spec.name in d.fix ? d.fix[spec.name] : null;
      const value = fixed === null ? shown(item.record, spec.name) : (Array.isArray(fixed) ? fixed.join("; ") : fixed);
      form.append(inputFor(spec, value, "fix-"));
    }
    form.append(el("button", "Save fix (marks it correct)", { type: "submit" }));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const fix = {};
      for (const spec of specs) {
        const text = form.elements[spec.name].value.trim();
        if (text !== shown(item.record, spec.name)) fix[spec.name] = typed(spec, text);
      }
      state.items[item.id] = { verdict: "correct", fix: fix };
      persist();
      announce("Saved " + Object.keys(fix).length + " fixed field(s)");
      openItem(item.id);
    });
    return form;
  }

  // ------------------------------------------------------------------ adding missed items

  function codePoints(text) {
    return Array.from(text).length; // Python offsets count code points, not UTF-16 units
  }

  function selectionInArticle() {
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    const range = sel.getRangeAt(0);
    const common = range.commonAncestorContainer;
    const box = (common.nodeType === Node.ELEMENT_NODE ? common : common.parentElement).closest(".article-text");
    if (!box) return null;
    const before = document.createRange();
    before.setStart(box, 0);
    before.setEnd(range.startContainer, range.startOffset);
    const raw = range.toString();
    const quote = raw.trim();
    if (!quote) return null;
    const start = codePoints(before.toString()) + codePoints(raw.slice(0, raw.length - raw.trimStart().length));
    return { article: box.dataset.text, quote: quote, start: start, end: start + codePoints(quote) };
  }

  function onSelection() {
    const found = selectionInArticle();
    if (!found) return;
    pending = found;
    for (const b of document.querySelectorAll("[data-add]")) {
      const mine = b.dataset.add === found.article;
      b.disabled = !mine;
      b.textContent = mine ? "Add “" + short(found.quote) + "” as an item" : "Add selected text as an item";
    }
  }

  function short(text) {
    return text.length > 40 ? text.slice(0, 37) + "…" : text;
  }

  function openAdd(articleId) {
    if (!pending || pending.article !== articleId) return;
    const selection = pending;
    current = null;
    showPanel("Add a missed item");
    panelBody.append(el("blockquote", selection.quote));
    panelBody.append(el("p", "characters " + selection.start + "–" + selection.end + " of " + articleId, { class: "muted" }));
    const form = el("form", null, { "aria-label": "Add item" });
    const fieldLabel = el("label", "field");
    const fieldSelect = el("select", null, { name: "field", id: "add-field" });
    for (const f of Object.keys(SINGULAR)) fieldSelect.append(el("option", SINGULAR[f], { value: f }));
    fieldSelect.value = "claims";
    fieldLabel.setAttribute("for", "add-field");
    fieldLabel.append(fieldSelect);
    const inputs = el("div", null, { class: "add-inputs" });
    const fill = () => {
      inputs.replaceChildren();
      for (const spec of data.editable[fieldSelect.value]) {
        const start = spec.kind === "list" || spec.name === "name" ? selection.quote : "";
        inputs.append(inputFor(spec, start, "add-"));
      }
    };
    fieldSelect.addEventListener("change", fill);
    fill();
    form.append(fieldLabel, inputs, el("button", "Add item", { type: "submit" }));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const field = fieldSelect.value;
      const values = {};
      for (const spec of data.editable[field]) {
        const text = form.elements[spec.name].value.trim();
        if (text) values[spec.name] = typed(spec, text);
      }
      const list = state.added[articleId] || (state.added[articleId] = []);
      list.push({ field: field, quote: selection.quote, start: selection.start, end: selection.end, values: values });
      pending = null;
      persist();
      onSelectionReset(articleId);
      announce("Added " + SINGULAR[field] + " “" + short(selection.quote) + "”");
      panel.hidden = true;
      document.body.classList.remove("panel-open");
      const button = document.querySelector('[data-add="' + CSS.escape(articleId) + '"]');
      if (button) button.focus();
    });
    panelBody.append(form);
    fieldSelect.focus();
  }

  function onSelectionReset(articleId) {
    const b = document.querySelector('[data-add="' + CSS.escape(articleId) + '"]');
    if (b) {
      b.disabled = true;
      b.textContent = "Add selected text as an item";
    }
  }

  // ------------------------------------------------------------------ saving and loading

  function decisions() {
    const articles = [];
    for (const article of data.articles) {
      const reviewed = article.items.map((i) => {
        const d = decision(i.id);
        return { field: i.field, index: i.index, verdict: d.verdict || null, item: i.record, fix: d.fix || {} };
      });
      const added = state.added[article.id] || [];
      if (!added.length && reviewed.every((r) => !r.verdict && !Object.keys(r.fix).length)) continue;
      articles.push({ article: article.id, source: article.source, sha256: article.sha256, items: reviewed, added: added });
    }
    return { format: data.format, reviewer: state.reviewer || "", report: data.report, saved: new Date().toISOString(), articles: articles };
  }

  function save() {
    const blob = new Blob([JSON.stringify(decisions(), null, 2) + "\n"], { type: "application/json" });
    const a = document.createElement("a");
    const folder = data.report.replace(/[\\/]+$/, "").split(/[\\/]/).pop() || "out";
    a.href = URL.createObjectURL(blob);
    a.download = "review-" + folder + "-" + new Date().toISOString().slice(0, 10) + ".json";
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
    announce("Saved " + a.download);
  }

  function load(file) {
    const reader = new FileReader();
    reader.onload = () => {
      let saved;
      try {
        saved = JSON.parse(reader.result);
      } catch (e) {
        announce("Not a decisions file: " + file.name);
        return;
      }
      if (!saved || saved.format !== data.format) {
        announce("Not a decisions file: " + file.name);
        return;
      }
      const known = new Map(data.articles.map((a) => [a.id, a]));
      let restored = 0;
      for (const review of saved.articles || []) {
        const article = known.get(review.article);
        if (!article || article.sha256 !== review.sha256) continue; // another text: offsets would lie
        for (const r of review.items || []) {
          const id = article.id + "/" + r.field + "/" + r.index;
          if (items.has(id) && (r.verdict || Object.keys(r.fix || {}).length)) {
            state.items[id] = { verdict: r.verdict || null, fix: r.fix || {} };
            restored += 1;
          }
        }
        state.added[article.id] = review.added || [];
      }
      if (saved.reviewer) state.reviewer = saved.reviewer;
      persist();
      announce("Loaded " + restored + " decisions from " + file.name);
    };
    reader.readAsText(file);
  }

  // ------------------------------------------------------------------ wiring

  function goTo(id) {
    const node = primary(id);
    if (!node) return;
    node.scrollIntoView({ block: "center" });
    node.focus();
    openItem(id);
  }

  function move(step) {
    const all = Array.from(document.querySelectorAll("mark[data-item]"));
    const at = all.indexOf(document.activeElement);
    const next = all[Math.min(Math.max(at + step, 0), all.length - 1)];
    if (next) {
      next.focus();
      if (!panel.hidden && current) openItem(next.dataset.item);
    }
  }

  document.addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    const goto = target.closest("[data-goto]");
    if (goto) {
      event.preventDefault();
      goTo(goto.dataset.goto);
      return;
    }
    const rest = target.closest("[data-rest]");
    if (rest) {
      const article = data.articles.find((a) => a.id === rest.dataset.rest);
      for (const i of article.items) if (!decision(i.id).verdict) state.items[i.id] = { verdict: "correct", fix: decision(i.id).fix || {} };
      persist();
      announce("Marked the rest of " + article.id + " correct");
      return;
    }
    const add = target.closest("[data-add]");
    if (add) {
      openAdd(add.dataset.add);
      return;
    }
    const mark = target.closest("mark[data-item], mark[data-cont]");
    if (mark && window.getSelection().isCollapsed) {
      const id = mark.dataset.item || mark.dataset.cont;
      primary(id).focus();
      openItem(id);
    }
  });

  document.addEventListener("keydown", (event) => {
    const target = event.target;
    if (event.key === "Escape" && !panel.hidden) {
      event.preventDefault();
      closePanel();
      return;
    }
    if (target.closest && target.closest("input, select, textarea, button")) return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const mark = target.matches && target.matches("mark[data-item]") ? target : null;
    if (mark && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      openItem(mark.dataset.item);
    } else if (mark && event.key in { c: 1, w: 1, u: 1 }) {
      event.preventDefault();
      setVerdict(mark.dataset.item, { c: "correct", w: "wrong", u: null }[event.key]);
    } else if (event.key === "j" || event.key === "k") {
      event.preventDefault();
      move(event.key === "j" ? 1 : -1);
    }
  });

  document.addEventListener("selectionchange", onSelection);
  document.getElementById("panel-close").addEventListener("click", closePanel);
  document.getElementById("save").addEventListener("click", save);
  document.getElementById("load").addEventListener("change", (event) => {
    if (event.target.files.length) load(event.target.files[0]);
    event.target.value = "";
  });
  document.getElementById("clear").addEventListener("click", () => {
    if (!window.confirm("Forget every decision made on this page?")) return;
    Object.assign(state, emptyState());
    persist();
  });
  document.getElementById("reviewer").addEventListener("change", (event) => {
    state.reviewer = event.target.value.trim();
    persist();
  });
  for (const box of document.querySelectorAll("[data-toggle]")) {
    box.addEventListener("change", () => document.body.classList.toggle("hide-" + box.dataset.toggle, !box.checked));
  }
  for (const text of document.querySelectorAll(".article-text")) {
    if (codePoints(text.textContent) !== Number(text.dataset.chars)) {
      console.warn("armstrace: the text of " + text.dataset.text + " does not have its extracted length; offsets of added items may be off");
    }
  }
  refresh();
})();
