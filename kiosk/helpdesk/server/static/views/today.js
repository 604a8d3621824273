// Today's history: who handled which request, newest first. The server keeps it for the
// day only, so a colleague's name is gone after midnight.
"use strict";

import { clock, el, lookup } from "./ui.js";

function describe(ctx, entry) {
  const { t, fmt } = ctx;
  if (entry.action === "hand_over") return fmt("hist_hand_over", { name: entry.detail || "" });
  if (entry.action === "resolve") return fmt("hist_resolve", { outcome: entry.detail ? t(entry.detail) : "" });
  if (entry.action === "take" && entry.detail) return fmt("hist_take_minutes", { minutes: entry.detail });
  return t("hist_" + entry.action);
}

export default {
  id: "today",
  label: "tab_today",
  entries: [],
  loading: null,

  mount(root, ctx) {
    this.root = root;
    root.append(el("p", "muted", ctx.t("history_note")));
    this.list = el("ol", "history");
    this.list.id = "history";
    this.empty = el("p", "empty", ctx.t("today_empty"));
    root.append(this.empty, this.list);
  },

  shown(ctx) { this.load(ctx); },

  // Any change to a request may add a line: fetch again, at most one fetch at a time.
  changed(ctx) { if (ctx.state.view === "today") this.load(ctx); },

  load(ctx) {
    if (this.loading) { this.again = true; return; }
    this.loading = ctx.api("GET", "history").then((data) => {
      this.entries = data.entries;
      if (ctx.state.view === "today") this.render(ctx);
    }).catch(() => {}).finally(() => {
      this.loading = null;
      if (this.again) { this.again = false; this.load(ctx); }
    });
  },

  render(ctx) {
    const { state, t } = ctx;
    const search = state.search.toUpperCase().replace(/[^0-9A-Z]/g, "").replace(/^K/, "");
    const entries = this.entries.filter((e) =>
      (!state.centre || String(e.centre_id) === state.centre) &&
      (!search || String(e.code || "").toUpperCase().replace(/[^0-9A-Z]/g, "").replace(/^K/, "").includes(search)));
    this.empty.hidden = entries.length > 0;
    this.list.replaceChildren(...entries.map((entry) => {
      const row = el("li", "history-row");
      row.append(el("span", "time", clock(entry.at)), el("span", "code", entry.code || "–"));
      const what = el("span", "what");
      what.append(el("strong", "", describe(ctx, entry)));
      if (entry.staff_name) what.append(el("span", "", " · " + entry.staff_name));
      row.append(what);
      const where = [lookup(ctx.L, "topic_" + entry.topic, entry.topic), entry.kiosk_name];
      if (state.me.centres.length > 1) where.push(entry.centre_name);
      row.append(el("span", "where", where.join(" · ")));
      return row;
    }));
  },
};
