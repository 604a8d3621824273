// Staff page of the Digituki help desk. No framework, no inline code (the CSP forbids it).
// Everything a kiosk or visitor sent is put in with textContent, never as markup.
"use strict";

(function () {
  const L = JSON.parse(document.getElementById("labels").textContent);
  const $ = (id) => document.getElementById(id);
  const state = { me: null, open: new Map(), closed: [], centre: "", flashTimer: null, stream: null, skew: 0 };
  const prefs = {
    get sound() { return localStorage.getItem("hd.sound") !== "off"; },
    set sound(v) { localStorage.setItem("hd.sound", v ? "on" : "off"); },
    get volume() { const v = Number(localStorage.getItem("hd.volume")); return Number.isFinite(v) && localStorage.getItem("hd.volume") !== null ? v : 80; },
    set volume(v) { localStorage.setItem("hd.volume", String(v)); },
  };
  const chime = new Audio("/staff/static/chime.wav");
  chime.preload = "auto";
  // Counters the browser tests read: how often a chime and a notification really went out.
  document.body.dataset.chimes = "0";
  document.body.dataset.notifications = "0";

  function fmt(key, values) {
    return (L[key] || key).replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ""));
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function button(labelKey, onClick, className) {
    const b = el("button", className, L[labelKey]);
    b.type = "button";
    b.addEventListener("click", onClick);
    return b;
  }

  function applyLabels() {
    for (const node of document.querySelectorAll("[data-label]")) node.textContent = L[node.dataset.label];
  }

  async function api(method, path, body) {
    const headers = { "Accept": "application/json" };
    if (method !== "GET") {
      headers["Content-Type"] = "application/json";
      if (state.me) headers["X-CSRF-Token"] = state.me.csrf_token;
    }
    const response = await fetch("/api/v1/staff/" + path, {
      method, headers, credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.status === 401 && path !== "login") { showLogin(); throw new Error("signed out"); }
    if (!response.ok) { const error = new Error("HTTP " + response.status); error.status = response.status; throw error; }
    return response.status === 204 ? null : response.json();
  }

  // -- sign-in --------------------------------------------------------------------------

  function showLogin() {
    if (state.stream) { state.stream.close(); state.stream = null; }
    state.me = null;
    $("app").hidden = true;
    $("login").hidden = false;
    $("username").focus();
  }

  $("login-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    $("login-error").textContent = "";
    try {
      state.me = await api("POST", "login", { username: $("username").value, password: $("password").value });
      $("password").value = "";
      start();
    } catch (error) {
      $("login-error").textContent = error.status === 429 ? L.login_throttled : L.login_failed;
    }
  });

  $("logout").addEventListener("click", async () => {
    try { await api("POST", "logout"); } finally { showLogin(); }
  });

  // -- controls ---------------------------------------------------------------------------

  $("sound").checked = prefs.sound;
  $("volume").value = String(prefs.volume);
  $("sound").addEventListener("change", () => { prefs.sound = $("sound").checked; });
  $("volume").addEventListener("input", () => { prefs.volume = Number($("volume").value); playChime(); });
  $("duty").addEventListener("change", async () => {
    try { await api("POST", "duty", { on_duty: $("duty").checked }); } catch (e) { $("duty").checked = !$("duty").checked; }
  });
  $("centre").addEventListener("change", () => { state.centre = $("centre").value; refresh(); });
  $("notify").addEventListener("click", async () => {
    if ("Notification" in window) await Notification.requestPermission();
    updateNotifyButton();
  });

  function updateNotifyButton() {
    $("notify").hidden = !("Notification" in window) || Notification.permission === "granted";
  }

  function playChime() {
    if (!prefs.sound) return;
    chime.volume = Math.max(0, Math.min(1, prefs.volume / 100));
    chime.currentTime = 0;
    chime.play().then(() => {
      document.body.dataset.chimes = String(Number(document.body.dataset.chimes) + 1);
    }).catch(() => { /* the browser wants a tap first; the title still flashes */ });
  }

  function notify(request) {
    if (!("Notification" in window) || Notification.permission !== "granted") return;
    const body = [request.code, L["topic_" + request.topic], request.kiosk_name].filter(Boolean).join(" · ");
    new Notification(L.new_request, { body, tag: request.id });
    document.body.dataset.notifications = String(Number(document.body.dataset.notifications) + 1);
  }

  function flashTitle() {
    if (state.flashTimer || document.hasFocus()) return;
    let on = false;
    state.flashTimer = setInterval(() => {
      on = !on;
      document.title = on ? "🔔 " + L.new_request : L.title;
    }, 1000);
  }

  function stopFlash() {
    clearInterval(state.flashTimer);
    state.flashTimer = null;
    document.title = L.title;
  }
  window.addEventListener("focus", stopFlash);
  document.addEventListener("visibilitychange", () => { if (!document.hidden) stopFlash(); });

  // -- the queue --------------------------------------------------------------------------

  function minutesSince(iso) {
    // Against the server's clock: a phone whose clock is off still shows the right wait.
    return Math.max(0, Math.floor((Date.now() - state.skew - Date.parse(iso)) / 60000));
  }

  function card(request) {
    const node = el("article", "card state-" + request.state);
    node.dataset.id = request.id;
    node.dataset.state = request.state;
    const head = el("div", "card-head");
    head.append(el("span", "code", request.code), el("span", "topic", L["topic_" + request.topic]));
    head.append(el("span", "badge", L["state_" + request.state]));
    node.append(head);
    const waited = minutesSince(request.created_at);
    const meta = [request.centre_name, request.kiosk_name, waited ? fmt("waiting_for", { minutes: waited }) : L.just_now];
    node.append(el("p", "meta", meta.join(" · ")));
    if (request.guide_id) {
      node.append(el("p", "detail", fmt("guide_step", { guide: (L.guide_titles || {})[request.guide_id] || request.guide_id, step: request.step ?? "–" })));
    }
    if (request.phone) {
      const line = el("p", "detail phone");
      const link = el("a", "", fmt("callback", { phone: request.phone }));
      link.setAttribute("href", "tel:" + request.phone.replace(/[^0-9+]/g, ""));
      line.append(link);
      node.append(line);
    }
    if (request.visitor_left) node.append(el("p", "left", L.visitor_left));
    if (request.staff_name && (request.state === "coming" || request.state === "calling")) {
      node.append(el("p", "detail", fmt("by", { name: request.staff_name })));
    }
    if (request.message) node.append(el("p", "detail said", "“" + request.message + "”"));
    node.append(actions(request));
    return node;
  }

  function actions(request) {
    const box = el("div");
    const row = el("div", "actions");
    const act = (action, body) => api("POST", "requests/" + encodeURIComponent(request.id) + "/" + action, body || {})
      .then(upsert).catch(() => alert(L.error));
    if (request.state === "waiting") row.append(button("seen", () => act("see")));
    if (request.state !== "coming") {
      const minutes = el("select", "minutes");
      minutes.setAttribute("aria-label", L.minutes);
      for (const m of ["", "2", "5", "10", "15", "30"]) {
        const option = el("option", "", (m || "…") + " " + L.minutes);
        option.value = m;
        minutes.append(option);
      }
      row.append(button("coming", () => act("take", minutes.value ? { minutes: Number(minutes.value) } : {}), "primary"), minutes);
    }
    if (request.phone && request.state !== "calling") row.append(button("call", () => act("call")));
    if (request.state !== "waiting") row.append(button("put_back", () => act("put_back")));
    const outcomes = el("div", "outcomes");
    outcomes.hidden = true;
    for (const outcome of ["done", "partly", "not_done", "unreachable"]) {
      outcomes.append(button(outcome, () => act("resolve", { outcome })));
    }
    row.append(button("resolve", () => { outcomes.hidden = !outcomes.hidden; }, "danger"));
    const messageRow = el("form", "message-row");
    const input = el("input");
    input.maxLength = 200;
    input.setAttribute("aria-label", L.message);
    input.placeholder = L.message;
    messageRow.append(input, button("send", () => messageRow.requestSubmit()));
    messageRow.querySelector("button").type = "submit";
    messageRow.addEventListener("submit", (event) => {
      event.preventDefault();
      if (input.value.trim()) act("message", { message: input.value.trim() });
    });
    box.append(row, outcomes, messageRow);
    return box;
  }

  function render() {
    const queue = $("queue");
    const existing = new Map([...queue.children].map((node) => [node.dataset.id, node]));
    const requests = [...state.open.values()]
      .filter((r) => !state.centre || String(r.centre_id) === state.centre)
      .sort((a, b) => a.created_at.localeCompare(b.created_at));
    const nodes = requests.map((request) => {
      const old = existing.get(request.id);
      // Keep a card that is being typed in; rebuild the others.
      if (old && old.dataset.state === request.state && old.contains(document.activeElement) && old.dataset.version === request.updated_at) return old;
      const fresh = card(request);
      fresh.dataset.version = request.updated_at;
      if (request.fresh) { fresh.classList.add("fresh"); delete request.fresh; }
      return fresh;
    });
    queue.replaceChildren(...nodes);
    $("empty").hidden = nodes.length > 0;
    const waiting = requests.filter((r) => r.state === "waiting").length;
    $("count").textContent = waiting ? String(waiting) : "";
    $("closed").replaceChildren(...state.closed.map((r) => el("div", "closed-row",
      [r.closed_at ? new Date(r.closed_at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }) : "",
       L["topic_" + r.topic], r.kiosk_name, L["state_" + r.state], r.outcome ? L[r.outcome] : ""].filter(Boolean).join(" · "))));
  }

  function upsert(request) {
    if (["waiting", "seen", "coming", "calling"].includes(request.state)) {
      state.open.set(request.id, request);
    } else {
      state.open.delete(request.id);
      state.closed = [request, ...state.closed.filter((r) => r.id !== request.id)].slice(0, 50);
    }
    render();
  }

  async function refresh() {
    const data = await api("GET", "queue" + (state.centre ? "?centre=" + encodeURIComponent(state.centre) : ""));
    state.open = new Map(data.open.map((r) => [r.id, r]));
    state.closed = data.closed;
    state.skew = Date.now() - Date.parse(data.now);
    $("duty-line").textContent = data.on_duty.length ? fmt("staff_on_duty", { names: data.on_duty.join(", ") }) : L.nobody_on_duty;
    render();
  }

  function connect() {
    if (state.stream) state.stream.close();
    const stream = new EventSource("/api/v1/staff/events");
    state.stream = stream;
    stream.addEventListener("ready", () => { $("offline").hidden = true; refresh().catch(() => {}); });
    stream.addEventListener("resync", () => refresh().catch(() => {}));
    stream.addEventListener("duty", () => refresh().catch(() => {}));
    stream.addEventListener("request", (event) => {
      const request = JSON.parse(event.data);
      const isNew = request.state === "waiting" && !state.open.has(request.id) && !request.seen_at;
      if (isNew) {
        request.fresh = true;
        playChime();
        flashTitle();
        notify(request);
      }
      upsert(request);
    });
    stream.addEventListener("error", () => {
      $("offline").hidden = false;
      // A closed stream after sign-out or an expired session: check who we are.
      if (stream.readyState === EventSource.CLOSED) setTimeout(() => start().catch(showLogin), 3000);
    });
  }

  async function start() {
    state.me = state.me || await api("GET", "me");
    $("login").hidden = true;
    $("app").hidden = false;
    $("duty").checked = state.me.on_duty;
    const select = $("centre");
    const all = el("option", "", L.all_centres);
    all.value = "";
    select.replaceChildren(all, ...state.me.centres.map((c) => { const o = el("option", "", c.name); o.value = String(c.id); return o; }));
    select.hidden = state.me.centres.length < 2;
    select.value = state.centre;
    updateNotifyButton();
    connect();
    await refresh();
  }

  // Waiting times tick on without a reload.
  setInterval(() => { if (state.me && !document.activeElement.closest?.(".card")) render(); }, 30000);

  applyLabels();
  document.title = L.title;
  start().catch(() => showLogin());
})();
