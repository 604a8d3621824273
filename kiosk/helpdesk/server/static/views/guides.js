// Guides: publish a guide pack (checked on the server with the same checker as
// "kiosk guides check"; a pack with errors is refused with each problem by file and line),
// see which pack each kiosk shows, and which guides are due a new check. Only for staff
// whose role may publish guides. Everything from a file, a kiosk or the server goes in
// with textContent, never as markup.
"use strict";

import { el, lookup } from "./ui.js";

const REFRESH_MS = 30000;

function when(iso) {
  return iso ? new Date(iso).toLocaleString([], { day: "numeric", month: "numeric", hour: "2-digit", minute: "2-digit" }) : "";
}

function day(isoDate) {
  return new Date(isoDate + "T12:00:00").toLocaleDateString();
}

function title(guide) {
  const lang = document.documentElement.lang;
  return lookup(guide.title, lang, null) || lookup(guide.title, "fi", null) || lookup(guide.title, "en", null) || guide.id;
}

export default {
  id: "guides",
  label: "tab_guides",
  permission: "publish_guides",
  data: null,
  loading: null,

  mount(root, ctx) {
    const { t } = ctx;
    this.root = root;

    const publish = el("section", "panel publish");
    publish.append(el("h2", "panel-head", t("packs_publish_heading")), el("p", "muted", t("packs_publish_help")));
    const form = el("form", "publish-form");
    const label = el("label", "file-label");
    label.append(el("span", "", t("packs_choose")));
    this.input = el("input", "file");
    this.input.type = "file";
    this.input.id = "pack-file";
    this.input.accept = ".guidepack,.zip,application/zip";
    label.append(this.input);
    this.button = el("button", "primary", t("packs_publish"));
    this.button.type = "submit";
    this.button.id = "pack-publish";
    form.append(label, this.button);
    form.addEventListener("submit", (event) => { event.preventDefault(); this.upload(ctx); });
    this.result = el("div", "pack-result");
    this.result.id = "pack-result";
    this.result.setAttribute("role", "status");
    this.result.hidden = true;
    publish.append(form, this.result);

    const newest = el("section", "panel");
    newest.append(el("h2", "panel-head", t("packs_in_use_heading")));
    this.newest = el("p", "newest");
    this.newest.id = "pack-newest";
    newest.append(this.newest);

    const kiosks = el("section", "panel");
    kiosks.append(el("h2", "panel-head", t("packs_kiosks_heading")));
    this.kiosks = el("div", "pack-kiosks");
    this.kiosks.id = "pack-kiosks";
    kiosks.append(this.kiosks);

    const due = el("section", "panel");
    this.dueHead = el("h2", "panel-head");
    this.dueHelp = el("p", "muted", t("packs_due_help"));
    this.due = el("ul", "due");
    this.due.id = "due-guides";
    this.dueNone = el("p", "all-fresh");
    due.append(this.dueHead, this.dueHelp, this.due, this.dueNone);

    this.history = el("details", "panel history-box");
    this.history.append(el("summary", "", t("packs_history")));
    this.historyList = el("ul", "pack-history");
    this.history.append(this.historyList);

    root.append(publish, newest, kiosks, due, this.history);
    setInterval(() => { if (ctx.state.view === this.id && ctx.state.me) this.load(ctx); }, REFRESH_MS);
  },

  allowed(ctx) {
    return Boolean(ctx.state.me && ctx.state.me.permissions.includes(this.permission));
  },

  shown(ctx) { this.load(ctx); },

  badge() {
    if (!this.data) return "";
    const troubled = this.data.kiosks.filter((k) => k.problem).length;
    return troubled ? String(troubled) : "";
  },

  load(ctx) {
    if (!this.allowed(ctx)) return;
    if (this.loading) return;
    this.loading = ctx.api("GET", "guide-packs").then((data) => {
      this.data = data;
      ctx.render();
    }).catch(() => {}).finally(() => { this.loading = null; });
  },

  async upload(ctx) {
    const { t, fmt } = ctx;
    const file = this.input.files[0];
    if (!file) { this.say("refused", t("packs_no_file")); return; }
    this.button.disabled = true;
    this.say("busy", t("packs_publishing"));
    let response;
    let body = {};
    try {
      response = await fetch("/api/v1/staff/guide-packs", {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/zip", "Accept": "application/json", "X-CSRF-Token": ctx.state.me.csrf_token },
        body: file,
      });
      body = await response.json().catch(() => ({}));
    } catch (error) {
      this.button.disabled = false;
      this.say("refused", t("error"));
      return;
    }
    this.button.disabled = false;
    if (response.status === 401) { ctx.showLogin(); return; }
    if (response.ok) {
      const key = response.status === 201 ? "packs_published" : "packs_republished";
      this.say("ok", fmt(key, { version: body.version, guides: body.guides }), body.warnings || [], t("packs_warnings"));
      this.input.value = "";
      this.load(ctx);
      return;
    }
    const problems = Array.isArray(body.problems) ? body.problems : [];
    if (response.status === 422 && problems.length) this.say("refused", t("packs_refused_problems"), problems);
    else if (response.status === 409) this.say("refused", t("packs_version_taken"));
    else if (response.status === 413) this.say("refused", t("packs_too_big"));
    else if (response.status === 403) this.say("refused", t("packs_not_allowed"));
    else if (response.status === 422 && body.detail) this.say("refused", fmt("packs_refused_other", { detail: String(body.detail) }));
    else this.say("refused", t("error"));
  },

  // The outcome of an upload: a line, and the problems (file:line: ...) as a list.
  say(kind, text, lines, heading) {
    this.result.hidden = false;
    this.result.className = "pack-result " + kind;
    const parts = [el("p", "result-line", text)];
    if (lines && lines.length) {
      if (heading) parts.push(el("p", "result-sub", heading));
      const list = el("ul", "problems");
      for (const line of lines) list.append(el("li", "", line));
      parts.push(list);
    }
    this.result.replaceChildren(...parts);
  },

  render(ctx) {
    const { t, fmt, state } = ctx;
    const data = this.data;
    if (!data) return;
    const newest = data.newest;
    this.newest.textContent = newest
      ? fmt("packs_newest", { version: newest.version, guides: newest.guides, time: when(newest.published_at), name: newest.published_by })
      : t("packs_none");

    const groups = [];
    const centres = new Map();
    for (const kiosk of data.kiosks) {
      if (state.centre && String(kiosk.centre_id) !== state.centre) continue;
      if (!centres.has(kiosk.centre_id)) centres.set(kiosk.centre_id, { name: kiosk.centre_name, kiosks: [] });
      centres.get(kiosk.centre_id).kiosks.push(kiosk);
    }
    for (const centre of centres.values()) {
      const group = el("section", "centre-group");
      group.append(el("h3", "centre-head", centre.name));
      const list = el("ul", "kiosks");
      for (const kiosk of centre.kiosks) list.append(this.kioskRow(ctx, kiosk, newest));
      group.append(list);
      groups.push(group);
    }
    if (!groups.length) groups.push(el("p", "muted", t("packs_kiosks_none")));
    this.kiosks.replaceChildren(...groups);

    this.dueHead.textContent = fmt("packs_due_heading", { days: data.max_age_days });
    this.due.replaceChildren(...data.due.map((guide) => {
      const row = el("li", "due-guide");
      row.dataset.guide = guide.id;
      row.append(el("strong", "", title(guide)), el("span", "due-id", guide.id));
      row.append(el("span", "due-when", guide.verified ? fmt("packs_due_line", { date: day(guide.verified), days: guide.days }) : t("packs_due_never")));
      return row;
    }));
    this.dueHelp.hidden = !data.due.length;
    this.dueNone.hidden = data.due.length > 0;
    this.dueNone.textContent = fmt("packs_due_none", { days: data.max_age_days });

    const earlier = data.packs.slice(newest ? 1 : 0);
    this.history.hidden = !earlier.length;
    this.historyList.replaceChildren(...earlier.map((pack) => {
      const row = el("li", "", fmt("packs_history_line", { version: pack.version, guides: pack.guides, time: when(pack.published_at), name: pack.published_by }));
      if (!pack.available) row.append(el("span", "muted", " " + t("packs_history_gone")));
      return row;
    }));
  },

  kioskRow(ctx, kiosk, newest) {
    const { t, fmt } = ctx;
    const upToDate = newest && kiosk.version === newest.version;
    const row = el("li", "kiosk pack-kiosk " + (kiosk.problem ? "trouble" : upToDate ? "current" : "behind"));
    row.dataset.kiosk = String(kiosk.id);
    row.append(el("span", "dot"), el("span", "kiosk-name", kiosk.name));
    let status;
    if (!kiosk.reported) status = t("packs_kiosk_unknown");
    else if (upToDate) status = t("packs_kiosk_current");
    else status = kiosk.version ? fmt("packs_kiosk_other", { version: kiosk.version }) : t("packs_kiosk_shipped");
    const right = el("span", "kiosk-status pack-status", status);
    if (kiosk.reported && newest && !upToDate && !kiosk.problem) right.append(el("span", "waiting", " · " + t("packs_kiosk_waiting")));
    row.append(right);
    if (kiosk.problem) row.append(el("span", "pack-problem", fmt("packs_kiosk_problem", { problem: kiosk.problem })));
    return row;
  },
};
