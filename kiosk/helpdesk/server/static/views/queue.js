// The queue: open requests as cards (a grid on wide screens), counts per centre, search by
// code, grouping by centre for a supporter who covers several.
"use strict";

import { button, clock, el, lookup, QUEUED_STATES } from "./ui.js";
import { shareButton } from "./share.js";

const openPanels = new Set();  // cards whose "More" is open, kept across re-renders
// What a staff member chose or typed on a card and not yet sent (minutes, a message, a
// note, a colleague to hand over to, the outcomes opened by "Close"), by request id: a
// card is rebuilt whenever anything in the queue changes, and a new request from another
// kiosk must not undo "5 minutes" between the pick and the tap.
const drafts = new Map();

function draft(id) {
  if (!drafts.has(id)) drafts.set(id, {});
  return drafts.get(id);
}

function forget(id, key) {
  const kept = drafts.get(id);
  if (!kept) return;
  delete kept[key];
  if (!Object.keys(kept).length) drafts.delete(id);
}

function codeMatches(request, search) {
  if (!search) return true;
  const wanted = search.toUpperCase().replace(/[^0-9A-Z]/g, "").replace(/^K/, "");
  return String(request.code || "").toUpperCase().replace(/[^0-9A-Z]/g, "").replace(/^K/, "").includes(wanted);
}

function telHref(phone) {
  return "tel:" + phone.replace(/[^0-9+]/g, "");
}

function card(ctx, request) {
  const { t, fmt, act, config } = ctx;
  const node = el("article", "card state-" + request.state);
  node.dataset.id = request.id;
  node.dataset.state = request.state;
  const waited = ctx.minutesSince(request.created_at);
  const longWait = QUEUED_STATES.includes(request.state) && waited >= config.long_wait_min;
  if (longWait) node.classList.add("long-wait");
  if (request.visitor_left) node.classList.add("left");

  const head = el("div", "card-head");
  head.append(el("span", "code", request.code), el("span", "topic", lookup(ctx.L, "topic_" + request.topic, request.topic)));
  head.append(el("span", "badge", t("state_" + request.state)));
  node.append(head);
  // The centre is in the group's heading (or the chosen chip), not on every card.
  const meta = [request.kiosk_name, waited ? fmt("waiting_for", { minutes: waited }) : t("just_now")];
  node.append(el("p", "meta", meta.join(" · ")));
  if (longWait) node.append(el("p", "long", t("long_wait")));
  if (request.guide_id) {
    const title = lookup(lookup(ctx.L, "guide_titles", {}), request.guide_id, request.guide_id);
    node.append(el("p", "detail", fmt("guide_step", { guide: title, step: request.step ?? "–" })));
  }
  if (request.visitor_left) node.append(el("p", "left-line", t("visitor_left")));
  if (request.phone && offersCallBack(request)) {
    // The number to read; "I'll call back" below is the one thing to tap (it dials and
    // tells colleagues someone is calling), not a second link that only dials.
    node.append(el("p", "detail phone", fmt("callback", { phone: request.phone })));
  } else if (request.phone) {
    const line = el("p", "detail phone");
    const link = el("a", "", fmt("callback", { phone: request.phone }));
    link.setAttribute("href", telHref(request.phone));
    line.append(link);
    node.append(line);
  }
  if (request.call_attempts) {
    node.append(el("p", "detail tries", fmt("called_times", { count: request.call_attempts, time: clock(request.last_call_at) })));
  }
  if (request.staff_name && (request.state === "coming" || request.state === "calling")) {
    node.append(el("p", "detail", fmt("by", { name: request.staff_name })));
  }
  if (request.message) node.append(el("p", "detail said", "“" + request.message + "”"));
  if (request.note) node.append(el("p", "note", fmt("note_shown", { note: request.note })));
  node.append(actions(ctx, request));
  return node;
}

// Nobody is at the kiosk but a number was left: calling back is what is left to do.
function offersCallBack(request) {
  return Boolean(request.visitor_left && request.phone && request.state !== "calling");
}

function actions(ctx, request) {
  const { t, act } = ctx;
  const box = el("div", "card-actions");
  const row = el("div", "actions");
  const queued = QUEUED_STATES.includes(request.state);
  if (offersCallBack(request)) {
    // Nobody is at the kiosk: calling back is what is left to do.
    const call = el("a", "button primary call-back", t("call_back"));
    call.setAttribute("href", telHref(request.phone));
    call.addEventListener("click", () => act(request, "call"));
    row.append(call);
  } else if (queued) {
    const minutes = el("select", "minutes");
    minutes.setAttribute("aria-label", t("minutes"));
    for (const m of ["", "2", "5", "10", "15", "30"]) {
      const option = el("option", "", (m || "…") + " " + t("minutes"));
      option.value = m;
      minutes.append(option);
    }
    minutes.value = drafts.get(request.id)?.minutes || "";
    minutes.addEventListener("change", () => {
      if (minutes.value) draft(request.id).minutes = minutes.value; else forget(request.id, "minutes");
    });
    const take = () => {
      forget(request.id, "minutes");
      act(request, "take", minutes.value ? { minutes: Number(minutes.value) } : {});
    };
    row.append(button(t("coming"), take, "primary"), minutes);
    if (request.state === "waiting") {
      const seen = button(t("seen"), () => act(request, "see"));
      seen.title = t("seen") + " — " + t("seen_help");  // also in the menu, for a phone
      row.append(seen);
    }
    if (request.phone) row.append(button(t("call"), () => act(request, "call")));
  }
  if (request.state === "calling") row.append(button(t("no_answer"), () => act(request, "no_answer")));
  const share = shareButton(ctx, request);
  if (share) row.append(share);
  // "Close" opens the outcomes; they stay open through a rebuild, so that the next tap
  // lands on the outcome it was aimed at and not on what moved into its place.
  const outcomes = el("div", "outcomes");
  outcomes.hidden = !drafts.get(request.id)?.outcomes;
  for (const outcome of ["done", "partly", "not_done", "unreachable"]) {
    outcomes.append(button(t(outcome), () => {
      forget(request.id, "outcomes");
      act(request, "resolve", { outcome });
    }));
  }
  row.append(button(t("resolve"), () => {
    outcomes.hidden = !outcomes.hidden;
    if (outcomes.hidden) forget(request.id, "outcomes"); else draft(request.id).outcomes = true;
  }, "danger"));
  const more = button(t("more"), () => {
    panel.hidden = !panel.hidden;
    if (panel.hidden) openPanels.delete(request.id); else openPanels.add(request.id);
    more.setAttribute("aria-expanded", panel.hidden ? "false" : "true");
  }, "more");
  row.append(more);
  const panel = morePanel(ctx, request);
  panel.hidden = !openPanels.has(request.id);
  more.setAttribute("aria-expanded", panel.hidden ? "false" : "true");
  box.append(row, outcomes, panel);
  return box;
}

let fields = 0;

// A one-line form whose label stays in sight above its field: a saved private note fills
// its field, and a placeholder alone would leave it looking like the message to the
// visitor's screen.
function form(request, key, label, value, submitLabel, onSubmit) {
  const row = el("form", "line-form " + key + "-row");
  const input = el("input");
  input.id = "line-field-" + (++fields);
  input.maxLength = 200;
  const kept = drafts.get(request.id)?.[key];
  input.value = kept ?? (value || "");
  input.addEventListener("input", () => { draft(request.id)[key] = input.value; });
  const caption = el("label", "line-label", label);
  caption.htmlFor = input.id;
  const submit = button(submitLabel, () => {});
  submit.type = "submit";
  row.append(caption, input, submit);
  row.addEventListener("submit", (event) => {
    event.preventDefault();
    forget(request.id, key);
    onSubmit(input.value.trim());
  });
  return row;
}

function morePanel(ctx, request) {
  const { t, act } = ctx;
  const panel = el("div", "more-panel");
  if (request.state !== "waiting") {
    const row = el("div", "actions");
    row.append(button(t("put_back"), () => act(request, "put_back")));
    panel.append(row);
  }
  if ((request.state === "coming" || request.state === "calling") && ctx.state.colleagues.length) {
    const row = el("div", "actions");
    const who = el("select", "hand-over");
    who.setAttribute("aria-label", t("hand_over"));
    for (const colleague of ctx.state.colleagues) {
      const option = el("option", "", colleague.display_name + (colleague.on_duty ? " ●" : ""));
      option.value = String(colleague.id);
      who.append(option);
    }
    const chosen = drafts.get(request.id)?.handOver;
    if (chosen && [...who.options].some((option) => option.value === chosen)) who.value = chosen;
    who.addEventListener("change", () => { draft(request.id).handOver = who.value; });
    row.append(who, button(t("hand_over"), () => {
      forget(request.id, "handOver");
      act(request, "hand_over", { to: Number(who.value) });
    }));
    panel.append(row);
  }
  panel.append(form(request, "message", t("message"), "", t("send"), (text) => { if (text) act(request, "message", { message: text }); }));
  panel.append(form(request, "note", t("note_label"), request.note, t("save_note"), (text) => act(request, "note", { note: text })));
  return panel;
}

function centreHeading(ctx, centre, requests) {
  const { fmt } = ctx;
  const head = el("h2", "centre-head");
  head.append(el("span", "centre-name", centre.name));
  head.append(el("span", "centre-counts", fmt("centre_counts", { waiting: requests.filter((r) => QUEUED_STATES.includes(r.state)).length, open: requests.length })));
  const kiosks = ctx.state.kiosks.filter((k) => k.centre_id === centre.id);
  const online = kiosks.filter((k) => k.last_seen_at && ctx.secondsSince(k.last_seen_at) < ctx.config.kiosk_offline_after_s).length;
  if (kiosks.length) head.append(el("span", "centre-kiosks" + (online < kiosks.length ? " some-offline" : ""), fmt("kiosks_online", { online, total: kiosks.length })));
  return head;
}

function chips(ctx) {
  const { t, state } = ctx;
  const box = el("div", "chips");
  if (state.me.centres.length < 2) return box;
  const all = [...state.open.values()];
  const chip = (value, name, requests) => {
    const b = button(`${name} ${requests.filter((r) => QUEUED_STATES.includes(r.state)).length}/${requests.length}`, () => { state.centre = value; ctx.render(); }, "chip");
    b.setAttribute("aria-pressed", state.centre === value ? "true" : "false");
    return b;
  };
  box.append(chip("", t("all_centres"), all));
  for (const centre of state.me.centres) box.append(chip(String(centre.id), centre.name, all.filter((r) => r.centre_id === centre.id)));
  return box;
}

export default {
  id: "queue",
  label: "tab_queue",

  badge(ctx) {
    const n = [...ctx.state.open.values()].filter((r) => QUEUED_STATES.includes(r.state)).length;
    return n ? String(n) : "";
  },

  mount(root, ctx) {
    const { t } = ctx;
    const bar = el("div", "toolbar");
    const search = el("input", "search");
    search.type = "search";
    search.id = "search";
    search.placeholder = t("search_code");
    search.setAttribute("aria-label", t("search_code"));
    search.inputMode = "numeric";
    search.addEventListener("input", () => { ctx.state.search = search.value.trim(); ctx.render(); });
    this.chipBox = el("div", "chips");
    bar.append(search, this.chipBox);
    this.empty = el("p", "empty", t("queue_empty"));
    this.empty.id = "empty";
    this.list = el("div", "queue");
    this.list.id = "queue";
    this.list.setAttribute("aria-live", "polite");
    const closedBox = el("details", "closed-box");
    closedBox.append(el("summary", "", t("recently_closed")));
    this.closed = el("div", "closed");
    closedBox.append(this.closed);
    root.append(bar, this.empty, this.list, closedBox);
  },

  render(ctx) {
    const { state, t } = ctx;
    const fresh = chips(ctx);
    this.chipBox.replaceChildren(...fresh.children);
    for (const id of drafts.keys()) if (!state.open.has(id)) drafts.delete(id);  // closed
    const existing = new Map([...this.list.querySelectorAll("article.card")].map((node) => [node.dataset.id, node]));
    const requests = ctx.visibleOpen().filter((r) => codeMatches(r, state.search))
      .sort((a, b) => a.created_at.localeCompare(b.created_at));
    const cardFor = (request) => {
      const old = existing.get(request.id);
      // Keep a card that is being typed in; rebuild the others.
      if (old && old.contains(document.activeElement) && document.activeElement.tagName !== "BUTTON" && old.dataset.version === request.updated_at) return old;
      const node = card(ctx, request);
      node.dataset.version = request.updated_at;
      if (request.fresh) { node.classList.add("fresh"); delete request.fresh; }
      return node;
    };
    const centres = state.me.centres;
    if (centres.length > 1 && !state.centre) {
      const groups = [];
      for (const centre of centres) {
        const mine = requests.filter((r) => r.centre_id === centre.id);
        const all = [...state.open.values()].filter((r) => r.centre_id === centre.id);
        if (!mine.length && !all.length) continue;
        const group = el("section", "centre-group");
        group.dataset.centre = String(centre.id);
        const cards = el("div", "cards");
        cards.append(...mine.map(cardFor));
        group.append(centreHeading(ctx, centre, all), cards);
        groups.push(group);
      }
      this.list.replaceChildren(...groups);
    } else {
      const cards = el("div", "cards");
      cards.append(...requests.map(cardFor));
      this.list.replaceChildren(cards);
    }
    this.empty.hidden = requests.length > 0;
    this.empty.textContent = state.search && state.open.size ? t("no_match") : t("queue_empty");
    this.closed.replaceChildren(...state.closed.map((r) => el("div", "closed-row",
      [clock(r.closed_at), lookup(ctx.L, "topic_" + r.topic, r.topic), r.kiosk_name, t("state_" + r.state), r.outcome ? t(r.outcome) : ""].filter(Boolean).join(" · "))));
  },
};
