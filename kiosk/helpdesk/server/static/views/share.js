// The visitor's screen: a supporter who has taken a request asks to see it; with the
// visitor's yes the kiosk's pictures arrive here (masked on the kiosk: never a password
// or a bank page). A tap on the picture shows the visitor a ring at that spot; the
// supporter can also send a line of text and open a step of the visitor's guide. Nothing
// here presses or types on the kiosk. Pictures are drawn and dropped, never kept.
"use strict";

import { button, el } from "./ui.js";

const TAKEN = ["coming", "calling"];
const MARK_MS = 1500;

// The share being followed (one at a time): its request, its state, its stream.
const current = { requestId: null, share: null, source: null, frame: null, paused: "" };

function sharePath(requestId, rest) {
  return "requests/" + encodeURIComponent(requestId) + "/share" + (rest || "");
}

// "Ask to see the screen" on a request this supporter has taken (queue cards use it).
export function shareButton(ctx, request) {
  const mine = ctx.state.me && request.staff_name === ctx.state.me.display_name;
  if (!TAKEN.includes(request.state) || !mine || request.visitor_left) return null;
  const b = button(ctx.t("share_ask"), () => ask(ctx, request), "share-ask");
  b.dataset.request = request.id;
  return b;
}

async function ask(ctx, request) {
  try {
    await ctx.api("POST", sharePath(request.id));
  } catch (error) {
    if (error.status === 401) return;
    ctx.showProblem(error.status === 429 ? ctx.t("share_too_soon") : error.status === 409 ? ctx.t("share_refused") : ctx.t("error"));
    return;
  }
  follow(ctx, request.id);
  ctx.show("screen");
}

function stopFollowing() {
  if (current.source) current.source.close();
  current.source = null;
}

function follow(ctx, requestId) {
  stopFollowing();
  current.requestId = requestId;
  current.share = null;
  current.paused = "";
  clearPicture();
  const source = new EventSource("/api/v1/staff/" + sharePath(requestId, "/events"));
  current.source = source;
  source.addEventListener("share", (event) => {
    current.share = JSON.parse(event.data);
    if (current.share.state === "ended") {
      stopFollowing();  // a finished share: nothing more will come (and no reconnecting)
      clearPicture();
    }
    ctx.render();
  });
  source.addEventListener("frame", (event) => { draw(ctx, JSON.parse(event.data)); });
  source.addEventListener("error", () => {
    if (source.readyState === EventSource.CLOSED && current.source === source) {
      current.source = null;
      ctx.render();
    }
  });
  ctx.render();
}

// -- the picture ----------------------------------------------------------------------------

let canvas = null;
let mark = null;  // where the supporter tapped, for a moment

async function draw(ctx, frame) {
  const bytes = Uint8Array.from(atob(frame.jpeg), (c) => c.charCodeAt(0));
  const bitmap = await createImageBitmap(new Blob([bytes], { type: "image/jpeg" }));
  if (!canvas || current.share?.state !== "active") { bitmap.close(); return; }
  if (canvas.width !== bitmap.width || canvas.height !== bitmap.height) {
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
  }
  canvas.getContext("2d").drawImage(bitmap, 0, 0);
  bitmap.close();
  canvas.hidden = false;
  canvas.dataset.frames = String(Number(canvas.dataset.frames || 0) + 1);
  if (frame.paused !== current.paused) { current.paused = frame.paused; ctx.render(); }
}

function clearPicture() {
  if (!canvas) return;
  canvas.getContext("2d").clearRect(0, 0, canvas.width, canvas.height);
  canvas.width = 0;
  canvas.height = 0;
  canvas.hidden = true;
}

async function point(ctx, event) {
  if (current.share?.state !== "active" || !canvas.width) return;
  const box = canvas.getBoundingClientRect();
  const x = Math.min(1, Math.max(0, (event.clientX - box.left) / box.width));
  const y = Math.min(1, Math.max(0, (event.clientY - box.top) / box.height));
  // Where the supporter tapped, for a moment, so they see it went out.
  mark.style.left = (x * 100) + "%";
  mark.style.top = (y * 100) + "%";
  mark.hidden = false;
  clearTimeout(mark.timer);
  mark.timer = setTimeout(() => { mark.hidden = true; }, MARK_MS);
  try {
    await ctx.api("POST", sharePath(current.requestId, "/point"), { x, y });
  } catch (error) {
    if (error.status !== 401) ctx.showProblem(ctx.t("error"));
  }
}

// -- the view --------------------------------------------------------------------------------

function statusText(ctx) {
  const { t, fmt } = ctx;
  const share = current.share;
  if (!share) return current.requestId ? t("share_connecting") : "";
  if (share.state === "asked") return t("share_asked");
  if (share.state === "ended") return t("share_ended_" + (share.end_reason || "supporter"));
  if (current.paused === "password") return t("share_paused_password");
  if (current.paused === "identification") return t("share_paused_identification");
  const until = share.expires_at ? new Date(share.expires_at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }) : "";
  return until ? fmt("share_active_until", { time: until }) : t("share_active");
}

export default {
  id: "screen",
  label: "tab_screen",

  badge() {
    return current.share?.state === "active" ? "●" : "";
  },

  // Its tab appears once a supporter asks to see a screen ("Ask to see the screen" on a
  // card they have taken); before that there is nothing here to show.
  inTabs() {
    return Boolean(current.requestId);
  },

  mount(root, ctx) {
    const { t } = ctx;
    this.idle = el("p", "empty share-idle", t("share_idle"));
    this.box = el("div", "share");
    this.heading = el("h2", "share-title");
    this.status = el("p", "share-status");
    this.status.id = "share-status";
    this.status.setAttribute("role", "status");
    const stage = el("div", "share-stage");
    canvas = el("canvas", "share-picture");
    canvas.id = "share-picture";
    canvas.width = 0;
    canvas.height = 0;
    canvas.hidden = true;
    canvas.setAttribute("aria-label", t("share_picture"));
    canvas.addEventListener("click", (event) => point(ctx, event));
    mark = el("span", "share-mark");
    mark.hidden = true;
    stage.append(canvas, mark);
    this.hint = el("p", "muted share-hint", t("share_hint"));

    const controls = el("div", "share-controls");
    const message = el("form", "line-form share-message");
    const text = el("input");
    text.maxLength = 200;
    text.placeholder = t("message");
    text.setAttribute("aria-label", t("message"));
    const send = button(t("send"), () => {});
    send.type = "submit";
    message.append(text, send);
    message.addEventListener("submit", (event) => {
      event.preventDefault();
      const value = text.value.trim();
      if (!value || !current.requestId) return;
      ctx.api("POST", "requests/" + encodeURIComponent(current.requestId) + "/message", { message: value })
        .then(() => { text.value = ""; })
        .catch((error) => { if (error.status !== 401) ctx.showProblem(ctx.t("error")); });
    });
    const steps = el("form", "line-form share-step");
    const number = el("input");
    number.type = "number";
    number.min = "1";
    number.max = "99";
    number.inputMode = "numeric";
    number.setAttribute("aria-label", t("share_step_number"));
    number.placeholder = t("share_step_number");
    const open = button(t("share_step"), () => {});
    open.type = "submit";
    steps.append(number, open);
    steps.addEventListener("submit", (event) => {
      event.preventDefault();
      const step = Number(number.value);
      if (!Number.isInteger(step) || step < 1 || step > 99 || !current.requestId) return;
      ctx.api("POST", sharePath(current.requestId, "/step"), { step })
        .catch((error) => { if (error.status !== 401) ctx.showProblem(ctx.t("error")); });
    });
    this.stop = button(t("share_stop"), async () => {
      try { await ctx.api("POST", sharePath(current.requestId, "/stop")); } catch (error) { /* the stream says how it ended */ }
    }, "danger share-stop");
    this.again = button(t("share_ask_again"), () => {
      const request = ctx.state.open.get(current.requestId);
      if (request) ask(ctx, request);
    }, "primary share-again");
    controls.append(message, steps);
    const actions = el("div", "actions");
    actions.append(this.stop, this.again);
    this.box.append(this.heading, this.status, stage, this.hint, controls, actions);
    this.controls = controls;
    root.append(this.idle, this.box);
  },

  changed(ctx, request) {
    // The request closed: the server ends the share; the stream tells us.
    if (request && request.id === current.requestId) ctx.render();
  },

  render(ctx) {
    const { fmt, state } = ctx;
    const request = current.requestId ? state.open.get(current.requestId) : null;
    this.idle.hidden = Boolean(current.requestId);
    this.box.hidden = !current.requestId;
    if (!current.requestId) return;
    const name = request ? [request.code, request.kiosk_name].filter(Boolean).join(" · ") : "";
    this.heading.textContent = fmt("share_title", { name });
    this.status.textContent = statusText(ctx);
    const share = current.share;
    const active = share?.state === "active";
    this.box.dataset.state = share ? share.state : "connecting";
    this.box.dataset.paused = active ? current.paused : "";
    this.hint.hidden = !active;
    this.controls.hidden = !active;
    this.stop.hidden = !share || share.state === "ended";
    this.again.hidden = !(share?.state === "ended" && request && TAKEN.includes(request.state));
  },
};
