// The Kiosks view: every kiosk of the centres this supporter serves, grouped by centre:
// online or not, its health from the heartbeats, its one-time admin code, and commands
// for ONE kiosk at a time (restart, erase the session, out of order on/off, restart the
// PC), each with its state as the kiosk reports it. Everything a kiosk sent goes in with
// textContent.
"use strict";

import { button, clock, el } from "./ui.js";

const COMMANDS = ["restart", "wipe", "out-of-order-on", "out-of-order-off", "reboot"];
const REFRESH_MS = 3000;

function duration(seconds) {
  const h = Math.floor(seconds / 3600), m = Math.floor((seconds % 3600) / 60);
  return h >= 24 ? `${Math.floor(h / 24)} d ${h % 24} h` : h ? `${h} h ${m} min` : `${m} min`;
}

export default {
  id: "kiosks",
  label: "tab_kiosks",
  fleet: [],
  confirm: { kiosk: null, kind: null },
  notes: new Map(),  // kiosk id -> a line under its buttons
  codes: new Map(),  // kiosk id -> the admin code shown
  timer: null,

  online(ctx, kiosk) {
    return Boolean(kiosk.last_seen_at) && ctx.secondsSince(kiosk.last_seen_at) < ctx.config.kiosk_offline_after_s;
  },

  mount(root, ctx) {
    this.ctx = ctx;
    this.list = el("div", "kiosk-list");
    this.list.id = "kiosks";
    this.empty = el("p", "empty", ctx.t("kiosks_none"));
    root.append(this.empty, this.list);
  },

  shown(ctx) {
    this.refresh(ctx);
    clearInterval(this.timer);
    this.timer = setInterval(() => {
      if (ctx.state.view === "kiosks" && ctx.state.me) this.refresh(ctx);
      else { clearInterval(this.timer); this.timer = null; }
    }, REFRESH_MS);
  },

  async refresh(ctx) {
    try {
      const answer = await ctx.api("GET", "kiosks");
      this.fleet = answer.kiosks;
      if (ctx.state.view === "kiosks") this.render(ctx);
    } catch (error) {
      // An outage shows in the page's own "reconnecting" notice; the list stays as it was.
    }
  },

  facts(ctx, kiosk) {
    const { t, fmt } = ctx;
    const h = kiosk.health || {};
    const out = [];
    if (h.version) out.push([fmt("fleet_version", { v: h.version }), ""]);
    if (h.guide_pack) out.push([fmt("fleet_guide_pack", { v: h.guide_pack }), ""]);
    if (Number.isFinite(h.uptime_s) && kiosk.online) out.push([fmt("fleet_uptime", { t: duration(h.uptime_s) }), ""]);
    if (Number.isFinite(h.disk_free_mb)) out.push([fmt("fleet_disk", { mb: h.disk_free_mb }), h.disk_free_mb < 1024 ? "warn" : ""]);
    if (Number.isFinite(h.outbox_pending)) out.push([fmt("fleet_outbox", { n: h.outbox_pending }), h.outbox_pending > 0 ? "warn" : ""]);
    if (h.last_wipe_ok === true) out.push([t("fleet_wipe_ok"), ""]);
    if (h.last_wipe_ok === false) out.push([t("fleet_wipe_failed"), "bad"]);
    if (Number.isFinite(h.engine_mb)) out.push([fmt("fleet_engine", { mb: h.engine_mb }), ""]);
    if (h.sandbox_on === false) out.push([t("fleet_sandbox_off"), "bad"]);
    if (h.admin_protected === false) out.push([t("fleet_pin_unprotected"), "warn"]);
    return out;
  },

  actions(ctx, kiosk) {
    const { t, fmt } = ctx;
    const row = el("div", "fleet-actions");
    if (this.confirm.kiosk === kiosk.id) {
      const kind = this.confirm.kind;
      row.append(el("span", "fleet-confirm", fmt("fleet_confirm", { command: t("fleet_" + kind), kiosk: kiosk.name })));
      const yes = button(t("fleet_send"), () => this.send(ctx, kiosk, kind), "primary");
      yes.dataset.send = kind;
      row.append(yes, button(t("fleet_cancel"), () => { this.confirm.kiosk = null; this.render(ctx); }));
      return row;
    }
    for (const kind of COMMANDS) {
      const b = button(t("fleet_" + kind), () => { this.confirm = { kiosk: kiosk.id, kind }; this.render(ctx); });
      b.dataset.command = kind;
      row.append(b);
    }
    return row;
  },

  async send(ctx, kiosk, kind) {
    this.confirm = { kiosk: null, kind: null };
    try {
      await ctx.api("POST", `kiosks/${kiosk.id}/commands`, { kind });
      this.notes.set(kiosk.id, ctx.t("fleet_sent"));
    } catch (error) {
      this.notes.set(kiosk.id, ctx.fmt("fleet_failed_send", { status: error.status || "?" }));
    }
    await this.refresh(ctx);
    this.render(ctx);
  },

  async showCode(ctx, kiosk) {
    try {
      const answer = await ctx.api("GET", `kiosks/${kiosk.id}/admin-code`);
      this.codes.set(kiosk.id, { text: ctx.fmt("fleet_code", { code: answer.code, s: answer.valid_for_s }), code: answer.code });
    } catch (error) {
      this.codes.set(kiosk.id, { text: error.status === 409 ? ctx.t("fleet_code_missing") : ctx.fmt("fleet_failed_send", { status: error.status }), code: "" });
    }
    this.render(ctx);
  },

  // `live` is the kiosk as the page's stream knows it (always there, for every supporter);
  // its health and commands come from the fleet list once that has been read.
  card(ctx, live) {
    const { t, fmt } = ctx;
    const kiosk = { ...live, ...(this.fleet.find((k) => k.id === live.id) || {}) };
    kiosk.online = this.online(ctx, live);
    const card = el("li", "kiosk fleet-kiosk " + (kiosk.online ? "online" : "offline") + (kiosk.out_of_order ? " out" : ""));
    card.dataset.kiosk = String(kiosk.id);
    const head = el("h3", "fleet-head");
    head.append(el("span", "dot"), el("span", "fleet-name", kiosk.name));
    const status = kiosk.online ? t("kiosk_online") : kiosk.last_seen_at ? fmt("kiosk_offline_since", { time: clock(kiosk.last_seen_at) }) : t("kiosk_never");
    head.append(el("span", "fleet-state", status));
    if (kiosk.out_of_order) head.append(el("span", "fleet-badge", t("fleet_out_of_order")));
    card.append(head);
    const facts = el("ul", "fleet-facts");
    for (const [text, kind] of this.facts(ctx, kiosk)) facts.append(el("li", kind, text));
    card.append(facts);
    if (kiosk.has_admin_code) {
      const show = button(t("fleet_show_code"), () => this.showCode(ctx, kiosk));
      show.dataset.showCode = "1";
      const shown = this.codes.get(kiosk.id);
      const line = el("p", "fleet-code", shown ? shown.text : "");
      if (shown && shown.code) line.dataset.code = shown.code;
      card.append(show, line);
    }
    card.append(this.actions(ctx, kiosk));
    if (this.notes.has(kiosk.id)) card.append(el("p", "fleet-note", this.notes.get(kiosk.id)));
    if (kiosk.commands && kiosk.commands.length) {
      const log = el("ol", "fleet-commands");
      log.setAttribute("aria-label", t("fleet_commands"));
      for (const c of kiosk.commands) {
        const item = el("li", "command " + c.state);
        item.dataset.command = String(c.id);
        item.dataset.state = c.state;
        item.append(el("span", "command-kind", t("fleet_" + c.kind)), el("span", "command-state", t("fleet_state_" + c.state)));
        item.append(el("span", "command-who", `${fmt("by", { name: c.created_by })} ${clock(c.created_at)}`));
        if (c.detail) item.append(el("span", "command-detail", c.detail));
        log.append(item);
      }
      card.append(log);
    }
    return card;
  },

  render(ctx) {
    const { state } = ctx;
    const groups = [];
    for (const centre of state.me.centres) {
      if (state.centre && String(centre.id) !== state.centre) continue;
      const kiosks = state.kiosks.filter((k) => k.centre_id === centre.id);
      if (!kiosks.length) continue;
      const group = el("section", "centre-group");
      group.append(el("h2", "centre-head", centre.name));
      const list = el("ul", "fleet-list");
      for (const kiosk of kiosks) list.append(this.card(ctx, kiosk));
      group.append(list);
      groups.push(group);
    }
    this.empty.hidden = groups.length > 0;
    this.list.replaceChildren(...groups);
  },
};
