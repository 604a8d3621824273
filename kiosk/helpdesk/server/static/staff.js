// Staff page of the Digituki help desk: the shell (sign-in, the connection, alerts, the
// navigation) around one module per view (views/*.js). No framework, no build step, no
// inline code (the CSP forbids it). A new view is one module and one line in VIEWS.
"use strict";

import { el, lookup, makeText, OPEN_STATES, QUEUED_STATES } from "./views/ui.js";
import queueView from "./views/queue.js";
import todayView from "./views/today.js";
import kiosksView from "./views/kiosks.js";
import guidesView from "./views/guides.js";
import screenView from "./views/share.js";

const VIEWS = [queueView, screenView, todayView, kiosksView, guidesView];

const L = JSON.parse(document.getElementById("labels").textContent);
const { t, fmt } = makeText(L);
const config = lookup(L, "config", {});
const $ = (id) => document.getElementById(id);

const state = {
  me: null, open: new Map(), closed: [], kiosks: [], colleagues: [], onDuty: [],
  centre: "", search: "", skew: 0, view: "queue", stream: null, flashTimer: null,
  retry: { failures: 0, timer: null }, remindedLong: new Set(),
};
const prefs = {
  get sound() { return localStorage.getItem("hd.sound") !== "off"; },
  set sound(v) { localStorage.setItem("hd.sound", v ? "on" : "off"); },
  get volume() { const raw = localStorage.getItem("hd.volume"); const v = Number(raw); return raw !== null && Number.isFinite(v) ? v : 80; },
  set volume(v) { localStorage.setItem("hd.volume", String(v)); },
};
const chime = new Audio("/staff/static/chime.wav");
chime.preload = "auto";
// Counters the browser tests read: how often a chime and a notification really went out.
document.body.dataset.chimes = "0";
document.body.dataset.notifications = "0";
const bump = (name) => { document.body.dataset[name] = String(Number(document.body.dataset[name]) + 1); };

// -- talking to the server ---------------------------------------------------------------

class ApiError extends Error {
  constructor(status, retryAfter) { super("HTTP " + status); this.status = status; this.retryAfter = retryAfter; }
}

async function api(method, path, body) {
  const headers = { "Accept": "application/json" };
  if (method !== "GET") {
    headers["Content-Type"] = "application/json";
    if (state.me) headers["X-CSRF-Token"] = state.me.csrf_token;
  }
  let response;
  try {
    response = await fetch("/api/v1/staff/" + path, {
      method, headers, credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    throw new ApiError(0, null);  // no network, or the server is down
  }
  // Only the server saying "not signed in" signs out; an outage never does.
  if (response.status === 401 && path !== "login") { showLogin(); throw new ApiError(401, null); }
  if (!response.ok) throw new ApiError(response.status, Number(response.headers.get("Retry-After")) || null);
  return response.status === 204 ? null : response.json();
}

function act(request, action, body) {
  return api("POST", "requests/" + encodeURIComponent(request.id) + "/" + action, body || {})
    .then(upsert)
    .catch((error) => { if (error.status !== 401) showProblem(error.status === 409 ? t("error_changed") : t("error")); });
}

function showProblem(text) {
  const line = $("problem");
  line.textContent = text;
  line.hidden = false;
  clearTimeout(line.timer);
  line.timer = setTimeout(() => { line.hidden = true; }, 6000);
}

// -- sign-in ----------------------------------------------------------------------------

function showLogin() {
  if (state.stream) { state.stream.close(); state.stream = null; }
  clearTimeout(state.retry.timer);
  state.me = null;
  $("app").hidden = true;
  $("login").hidden = false;
  $("username").focus();
}

$("login-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  $("login-error").textContent = "";
  const submit = $("login-form").querySelector("button[type=submit]");
  submit.disabled = true;
  try {
    state.me = await api("POST", "login", { username: $("username").value, password: $("password").value });
    $("password").value = "";
    await start();
  } catch (error) {
    let key = "login_unreachable";
    if (error.status === 401) key = "login_failed";
    else if (error.status === 429) key = error.retryAfter && error.retryAfter <= 60 ? "login_busy" : "login_throttled";
    $("login-error").textContent = t(key);
  } finally {
    submit.disabled = false;
  }
});

$("logout").addEventListener("click", async () => {
  try { await api("POST", "logout"); } catch (error) { /* signed out here all the same */ } finally { showLogin(); }
});

// -- the connection: an outage shows a notice and retries, it never signs out --------------

function setConnected(ok) {
  $("conn").hidden = ok;
  document.body.dataset.connected = ok ? "yes" : "no";
}

function retryLater(what) {
  clearTimeout(state.retry.timer);
  const failures = state.retry.failures++;
  const delay = Math.min(30000, 1000 * 2 ** Math.min(failures, 5)) * (0.75 + Math.random() / 2);
  state.retry.timer = setTimeout(what, delay);
}

async function reconnect() {
  try {
    state.me = await api("GET", "me");
    connect();
  } catch (error) {
    if (error.status !== 401) { setConnected(false); retryLater(reconnect); }
  }
}

function connect() {
  if (state.stream) state.stream.close();
  const stream = new EventSource("/api/v1/staff/events");
  state.stream = stream;
  stream.addEventListener("ready", () => {
    refresh().then(() => { state.retry.failures = 0; setConnected(true); }).catch((error) => {
      if (error.status !== 401) { setConnected(false); stream.close(); retryLater(reconnect); }
    });
  });
  stream.addEventListener("resync", () => refresh().catch(() => {}));
  stream.addEventListener("duty", () => refresh().catch(() => {}));
  stream.addEventListener("request", (event) => {
    const request = JSON.parse(event.data);
    const isNew = request.state === "waiting" && !state.open.has(request.id) && !request.seen_at;
    if (isNew) request.fresh = true;
    upsert(request);  // the card first: an alert that fails must not lose it
    if (isNew) alert(t("new_request"), request);
  });
  stream.addEventListener("error", () => {
    setConnected(false);
    // CONNECTING: the browser tries again by itself. CLOSED: it gave up (a 401, a 5xx, a
    // proxy's 502): ask who we are; only a 401 shows the sign-in form.
    if (stream.readyState === EventSource.CLOSED && state.stream === stream) {
      state.stream = null;
      retryLater(reconnect);
    }
  });
}

// -- alerts: sound, a flashing title, a notification --------------------------------------

function playChime() {
  if (!prefs.sound) return;
  chime.volume = Math.max(0, Math.min(1, prefs.volume / 100));
  chime.currentTime = 0;
  chime.play().then(() => bump("chimes")).catch(() => { /* the browser wants a tap first; the title still flashes */ });
}

let workerRegistration = null;
if ("serviceWorker" in navigator) {
  navigator.serviceWorker.register("/staff/sw.js", { scope: "/staff/" })
    .then((registration) => { workerRegistration = registration; })
    .catch(() => { /* plain http on a network address: no service worker, no notifications */ });
}

async function notify(title, request) {
  if (!("Notification" in window) || Notification.permission !== "granted") return;
  const body = [request.code, lookup(L, "topic_" + request.topic, ""), request.kiosk_name, request.centre_name].filter(Boolean).join(" · ");
  const options = { body, tag: request.id, renotify: true };
  // Chrome on Android has no `new Notification()` (it throws): a service worker shows it.
  if (workerRegistration) {
    try { await workerRegistration.showNotification(title, options); bump("notifications"); return; } catch (error) { /* below */ }
  }
  try { new Notification(title, options); bump("notifications"); } catch (error) { /* nothing more to try */ }
}

function alert(title, request) {
  playChime();
  flashTitle(title);
  notify(title, request).catch(() => {});
}

function flashTitle(title) {
  if (state.flashTimer || document.hasFocus()) return;
  let on = false;
  state.flashTimer = setInterval(() => { on = !on; document.title = on ? "🔔 " + title : pageTitle(); }, 1000);
}

function stopFlash() {
  clearInterval(state.flashTimer);
  state.flashTimer = null;
  document.title = pageTitle();
}
window.addEventListener("focus", stopFlash);
document.addEventListener("visibilitychange", () => { if (!document.hidden) stopFlash(); });

// -- the state every view reads ----------------------------------------------------------

function minutesSince(iso) {
  // Against the server's clock: a phone whose clock is off still shows the right wait.
  return Math.max(0, Math.floor((Date.now() - state.skew - Date.parse(iso)) / 60000));
}

function secondsSince(iso) {
  return (Date.now() - state.skew - Date.parse(iso)) / 1000;
}

function visibleOpen() {
  return [...state.open.values()].filter((r) => !state.centre || String(r.centre_id) === state.centre);
}

function notTaken(requests) {
  return requests.filter((r) => QUEUED_STATES.includes(r.state)).length;
}

function pageTitle() {
  const n = notTaken([...state.open.values()]);
  return n ? `(${n}) ${t("title")}` : t("title");
}

// Changes that arrive while a snapshot of the queue is on its way: each refresh in flight
// collects them, because the snapshot may have been taken before they happened.
const inFlight = new Set();

function place(request) {
  if (OPEN_STATES.includes(request.state)) {
    state.open.set(request.id, request);
  } else {
    state.open.delete(request.id);
    state.closed = [request, ...state.closed.filter((r) => r.id !== request.id)].slice(0, 50);
  }
}

function upsert(request) {
  for (const arrived of inFlight) arrived.set(request.id, request);
  place(request);
  render();
  for (const view of VIEWS) view.changed?.(ctx, request);
}

// The server writes times as ISO 8601 in UTC, with microseconds unless they are zero.
function version(request) {
  return request.updated_at.replace(/:(\d\d)(?=[+Z])/, ":$1.000000");
}

async function refresh() {
  const arrived = new Map();
  inFlight.add(arrived);
  let data;
  try { data = await api("GET", "queue"); } finally { inFlight.delete(arrived); }
  state.open = new Map(data.open.map((r) => [r.id, r]));
  state.closed = data.closed;
  // A request sent (or closed) while the snapshot was on its way is newer than the
  // snapshot: without this its card would vanish until the next change.
  for (const request of arrived.values()) {
    const known = state.open.get(request.id) || data.closed.find((r) => r.id === request.id);
    if (!known || version(known) < version(request)) place(request);
  }
  state.kiosks = data.kiosks;
  state.colleagues = data.colleagues;
  state.onDuty = data.on_duty;
  state.skew = Date.now() - Date.parse(data.now);
  render();
  for (const view of VIEWS) view.changed?.(ctx, null);
}

// A long wait gets one gentle reminder (a chime and a notification), once per request.
function remindLongWaits() {
  for (const request of state.open.values()) {
    if (!QUEUED_STATES.includes(request.state) || state.remindedLong.has(request.id)) continue;
    if (minutesSince(request.created_at) >= config.long_wait_min) {
      state.remindedLong.add(request.id);
      alert(fmt("long_wait_note", { code: request.code, minutes: minutesSince(request.created_at) }), request);
    }
  }
}

const ctx = {
  L, t, fmt, config, state, api, act, refresh, minutesSince, secondsSince, visibleOpen,
  render: () => render(),
  show: (id) => show(id),
  showProblem, showLogin,
};

// A view with a `permission` shows only to staff whose role grants it.
function allowed(view) {
  return !view.permission || Boolean(state.me && state.me.permissions.includes(view.permission));
}

// A view with `inTabs` has a tab only while it has something to show (the visitor's
// screen while one is followed): on a phone every tab must fit on the one line.
function tabShown(view) {
  return allowed(view) && (!view.inTabs || view.inTabs(ctx) || state.view === view.id);
}

// When the tabs still do not fit (more views for a coordinator), the selected one is kept
// in sight and the edge that hides more fades out.
function fitTabs() {
  const nav = $("views");
  const selected = nav.querySelector('[aria-selected="true"]');
  if (selected && !selected.hidden) {
    const left = selected.offsetLeft - nav.offsetLeft;
    if (left < nav.scrollLeft) nav.scrollLeft = left;
    else if (left + selected.offsetWidth > nav.scrollLeft + nav.clientWidth) nav.scrollLeft = left + selected.offsetWidth - nav.clientWidth;
  }
  nav.classList.toggle("more-right", nav.scrollLeft + nav.clientWidth < nav.scrollWidth - 1);
  nav.classList.toggle("more-left", nav.scrollLeft > 1);
}

// -- navigation: one tab per view ----------------------------------------------------------

function buildNav() {
  const nav = $("views");
  nav.replaceChildren(...VIEWS.map((view) => {
    const tab = el("button", "tab");
    tab.type = "button";
    tab.id = "tab-" + view.id;
    tab.setAttribute("role", "tab");
    tab.append(el("span", "tab-label", t(view.label)), el("span", "tab-badge"));
    tab.addEventListener("click", () => show(view.id));
    return tab;
  }));
  for (const view of VIEWS) {
    const root = el("section", "view");
    root.id = "view-" + view.id;
    root.setAttribute("role", "tabpanel");
    root.hidden = true;
    $("views-root").append(root);
    view.mount(root, ctx);
  }
  nav.addEventListener("scroll", fitTabs, { passive: true });
  window.addEventListener("resize", fitTabs);
}

function show(id) {
  const wanted = VIEWS.find((view) => view.id === id);
  if (!wanted || !allowed(wanted)) id = "queue";
  state.view = id;
  for (const view of VIEWS) {
    const active = view.id === id;
    $("view-" + view.id).hidden = !active;
    $("tab-" + view.id).setAttribute("aria-selected", active ? "true" : "false");
    if (active) view.shown?.(ctx);
  }
  render();
}

function render() {
  if (!state.me) return;  // signed out: nothing to show
  for (const view of VIEWS) {
    $("tab-" + view.id).hidden = !tabShown(view);
    $("tab-" + view.id).querySelector(".tab-badge").textContent = view.badge ? view.badge(ctx) : "";
    if (view.id === state.view) view.render(ctx);
  }
  fitTabs();
  $("duty-line").textContent = state.onDuty.length ? fmt("staff_on_duty", { names: state.onDuty.join(", ") }) : t("nobody_on_duty");
  document.title = state.flashTimer ? document.title : pageTitle();
}

// -- the menu: sound, notifications, duty explained, sign-out ------------------------------

$("menu-button").addEventListener("click", () => {
  const menu = $("menu");
  menu.hidden = !menu.hidden;
  $("menu-button").setAttribute("aria-expanded", menu.hidden ? "false" : "true");
});
$("sound").checked = prefs.sound;
$("volume").value = String(prefs.volume);
$("sound").addEventListener("change", () => { prefs.sound = $("sound").checked; });
$("volume").addEventListener("input", () => { prefs.volume = Number($("volume").value); playChime(); });
$("duty").addEventListener("change", async () => {
  try { await api("POST", "duty", { on_duty: $("duty").checked }); } catch (error) { $("duty").checked = !$("duty").checked; showProblem(t("error")); }
});
$("notify").addEventListener("click", async () => {
  if ("Notification" in window) await Notification.requestPermission();
  updateNotifyButton();
});

function updateNotifyButton() {
  $("notify").hidden = !("Notification" in window) || Notification.permission === "granted";
}

// -- start ---------------------------------------------------------------------------------

async function start() {
  state.me = state.me || await api("GET", "me");
  $("login").hidden = true;
  $("app").hidden = false;
  $("duty").checked = state.me.on_duty;
  // Coordinators: the statistics page (its own page, for their centres).
  $("stats-link").hidden = !(state.me.permissions || []).includes("view_statistics");
  updateNotifyButton();
  connect();
  await refresh().catch((error) => { if (error.status === 401) throw error; setConnected(false); });
}

// Waiting times tick on without a reload (a card being typed in is kept as it is).
setInterval(() => { if (state.me) { render(); remindLongWaits(); } }, 30000);

for (const node of document.querySelectorAll("[data-label]")) node.textContent = t(node.dataset.label);
for (const node of document.querySelectorAll("[data-placeholder]")) node.placeholder = t(node.dataset.placeholder);
document.title = t("title");
document.querySelector("label.duty").title = t("on_duty") + " — " + t("duty_help");
buildNav();
show("queue");
function boot() {
  start().catch((error) => {
    if (error.status === 401) { showLogin(); return; }
    // The help desk is down as the page opens: say so and keep trying.
    $("login").hidden = true;
    $("app").hidden = false;
    setConnected(false);
    retryLater(boot);
  });
}
boot();
