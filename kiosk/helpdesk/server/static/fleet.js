// The staff page's Kiosks view: every kiosk of the signed-in staff member's centres, its
// health from the heartbeats, its one-time admin code, and commands for ONE kiosk at a
// time (restart, erase the session, out of order on/off, restart the PC), each with its
// state as the kiosk reports it. No framework, no inline code (the CSP forbids it);
// everything a kiosk sent is put in with textContent.
"use strict";

(function () {
  const LABELS = {
    en: {
      kiosks: "Kiosks", none: "No kiosks are paired with your centres yet.",
      online: "online", offline: "offline", never: "never seen", out_of_order: "OUT OF ORDER",
      last_seen: "last seen {time}", version: "Version {v}", uptime: "up {t}",
      disk: "{mb} MB free", outbox: "{n} help request(s) waiting to be sent",
      wipe_ok: "last wipe verified", wipe_failed: "LAST WIPE FAILED", engine: "browser {mb} MB",
      sandbox_off: "BROWSER SANDBOX OFF", pin_unprotected: "admin PIN not protected",
      show_code: "Show admin code", code: "Admin code {code} (valid {s} s more)",
      code_missing: "No one-time code: pair this kiosk again.",
      restart: "Restart kiosk", wipe: "Erase session", "out-of-order-on": "Out of order",
      "out-of-order-off": "Back in use", reboot: "Restart PC",
      confirm: "{command}: {kiosk}?", send: "Yes, send", cancel: "No",
      sent: "Sent. The kiosk fetches it within seconds.", failed_send: "Could not send ({status}).",
      pending: "waiting", delivered: "delivered", done: "done", expired: "expired",
      state_failed: "failed", by: "by {who}", commands: "Commands",
    },
    fi: {
      kiosks: "Kioskit", none: "Keskuksiisi ei ole vielä liitetty kioskeja.",
      online: "yhteydessä", offline: "ei yhteyttä", never: "ei koskaan nähty", out_of_order: "EPÄKUNNOSSA",
      last_seen: "viimeksi {time}", version: "Versio {v}", uptime: "käynnissä {t}",
      disk: "{mb} Mt vapaana", outbox: "{n} pyyntöä odottaa lähettämistä",
      wipe_ok: "viimeisin pyyhintä varmistettu", wipe_failed: "VIIMEISIN PYYHINTÄ EPÄONNISTUI", engine: "selain {mb} Mt",
      sandbox_off: "SELAIMEN HIEKKALAATIKKO POIS", pin_unprotected: "ylläpidon PIN ei suojattu",
      show_code: "Näytä ylläpitokoodi", code: "Ylläpitokoodi {code} (voimassa vielä {s} s)",
      code_missing: "Ei kertakoodia: liitä kioski uudelleen.",
      restart: "Käynnistä kioski uudelleen", wipe: "Pyyhi istunto", "out-of-order-on": "Epäkunnossa",
      "out-of-order-off": "Takaisin käyttöön", reboot: "Käynnistä tietokone uudelleen",
      confirm: "{command}: {kiosk}?", send: "Kyllä, lähetä", cancel: "Ei",
      sent: "Lähetetty. Kioski hakee sen muutamassa sekunnissa.", failed_send: "Lähetys ei onnistunut ({status}).",
      pending: "odottaa", delivered: "toimitettu", done: "tehty", expired: "vanhentunut",
      state_failed: "epäonnistui", by: "{who}", commands: "Komennot",
    },
    sv: {
      kiosks: "Kiosker", none: "Inga kiosker är parkopplade med dina center ännu.",
      online: "ansluten", offline: "inte ansluten", never: "aldrig sedd", out_of_order: "UR FUNKTION",
      last_seen: "senast {time}", version: "Version {v}", uptime: "igång {t}",
      disk: "{mb} MB ledigt", outbox: "{n} begäran/begäranden väntar på att skickas",
      wipe_ok: "senaste radering verifierad", wipe_failed: "SENASTE RADERING MISSLYCKADES", engine: "webbläsare {mb} MB",
      sandbox_off: "WEBBLÄSARENS SANDLÅDA AV", pin_unprotected: "administratörs-PIN inte skyddad",
      show_code: "Visa administratörskod", code: "Administratörskod {code} (giltig {s} s till)",
      code_missing: "Ingen engångskod: parkoppla kiosken igen.",
      restart: "Starta om kiosken", wipe: "Radera sessionen", "out-of-order-on": "Ur funktion",
      "out-of-order-off": "I bruk igen", reboot: "Starta om datorn",
      confirm: "{command}: {kiosk}?", send: "Ja, skicka", cancel: "Nej",
      sent: "Skickat. Kiosken hämtar det inom några sekunder.", failed_send: "Kunde inte skicka ({status}).",
      pending: "väntar", delivered: "levererat", done: "klart", expired: "utgånget",
      state_failed: "misslyckades", by: "av {who}", commands: "Kommandon",
    },
  };
  const lang = LABELS[document.documentElement.lang] ? document.documentElement.lang : "en";
  const L = LABELS[lang];
  const fmt = (key, values) => (L[key] || key).replace(/\{(\w+)\}/g, (_, n) => String(values[n] ?? ""));
  const root = document.getElementById("fleet");
  const app = document.getElementById("app");
  if (!root || !app) return;
  let csrf = null;
  let timer = null;
  const confirmFor = { kiosk: null, kind: null };
  const notes = new Map(); // kiosk id -> a line to show under its buttons

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function time(iso) {
    if (!iso) return "";
    return new Date(iso).toLocaleTimeString(lang, { hour: "2-digit", minute: "2-digit" });
  }

  function duration(seconds) {
    const h = Math.floor(seconds / 3600), m = Math.floor((seconds % 3600) / 60);
    return h >= 24 ? `${Math.floor(h / 24)} d ${h % 24} h` : h ? `${h} h ${m} min` : `${m} min`;
  }

  async function api(method, path, body) {
    const headers = { "Accept": "application/json" };
    if (method !== "GET") {
      if (!csrf) csrf = (await api("GET", "me")).csrf_token;
      headers["Content-Type"] = "application/json";
      headers["X-CSRF-Token"] = csrf;
    }
    const response = await fetch("/api/v1/staff/" + path, {
      method, headers, credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) { const e = new Error("HTTP " + response.status); e.status = response.status; throw e; }
    return response.json();
  }

  const box = el("details", "fleet-box");
  box.id = "fleet-box";
  const summary = el("summary", "fleet-summary", L.kiosks);
  const list = el("div", "fleet-list");
  list.id = "fleet-list";
  box.append(summary, list);
  root.append(box);
  box.addEventListener("toggle", () => { if (box.open) refresh(); });

  function facts(kiosk) {
    const h = kiosk.health || {};
    const out = [];
    if (h.version) out.push([fmt("version", { v: h.version }), ""]);
    if (Number.isFinite(h.uptime_s) && kiosk.online) out.push([fmt("uptime", { t: duration(h.uptime_s) }), ""]);
    if (Number.isFinite(h.disk_free_mb)) out.push([fmt("disk", { mb: h.disk_free_mb }), h.disk_free_mb < 1024 ? "warn" : ""]);
    if (Number.isFinite(h.outbox_pending)) out.push([fmt("outbox", { n: h.outbox_pending }), h.outbox_pending > 0 ? "warn" : ""]);
    if (h.last_wipe_ok === true) out.push([L.wipe_ok, ""]);
    if (h.last_wipe_ok === false) out.push([L.wipe_failed, "bad"]);
    if (Number.isFinite(h.engine_mb)) out.push([fmt("engine", { mb: h.engine_mb }), ""]);
    if (h.sandbox_on === false) out.push([L.sandbox_off, "bad"]);
    if (h.admin_protected === false) out.push([L.pin_unprotected, "warn"]);
    return out;
  }

  function commandButtons(kiosk) {
    const row = el("div", "fleet-actions");
    const kinds = ["restart", "wipe", "out-of-order-on", "out-of-order-off", "reboot"];
    if (confirmFor.kiosk === kiosk.id) {
      row.append(el("span", "fleet-confirm", fmt("confirm", { command: L[confirmFor.kind], kiosk: kiosk.name })));
      const yes = el("button", "primary", L.send);
      yes.type = "button";
      yes.dataset.send = confirmFor.kind;
      yes.addEventListener("click", () => send(kiosk, confirmFor.kind));
      const no = el("button", "", L.cancel);
      no.type = "button";
      no.addEventListener("click", () => { confirmFor.kiosk = null; render(lastKiosks); });
      row.append(yes, no);
      return row;
    }
    for (const kind of kinds) {
      const b = el("button", "", L[kind]);
      b.type = "button";
      b.dataset.command = kind;
      b.addEventListener("click", () => { confirmFor.kiosk = kiosk.id; confirmFor.kind = kind; render(lastKiosks); });
      row.append(b);
    }
    return row;
  }

  async function send(kiosk, kind) {
    confirmFor.kiosk = null;
    try {
      await api("POST", `kiosks/${kiosk.id}/commands`, { kind });
      notes.set(kiosk.id, L.sent);
    } catch (error) {
      notes.set(kiosk.id, fmt("failed_send", { status: error.status || "?" }));
    }
    refresh();
  }

  async function showCode(kiosk, line) {
    try {
      const answer = await api("GET", `kiosks/${kiosk.id}/admin-code`);
      line.textContent = fmt("code", { code: answer.code, s: answer.valid_for_s });
      line.dataset.code = answer.code;
    } catch (error) {
      line.textContent = error.status === 409 ? L.code_missing : fmt("failed_send", { status: error.status });
    }
  }

  let lastKiosks = [];
  function render(kiosks) {
    lastKiosks = kiosks;
    summary.textContent = `${L.kiosks} (${kiosks.length})`;
    const cards = [];
    for (const kiosk of kiosks) {
      const card = el("article", "fleet-kiosk " + (kiosk.online ? "online" : "offline") + (kiosk.out_of_order ? " out" : ""));
      card.dataset.kiosk = String(kiosk.id);
      const head = el("h3", "fleet-head");
      head.append(el("span", "dot"), el("span", "fleet-name", kiosk.name), el("span", "fleet-centre", kiosk.centre_name));
      const state = kiosk.online ? L.online : kiosk.last_seen_at ? `${L.offline}, ${fmt("last_seen", { time: time(kiosk.last_seen_at) })}` : L.never;
      head.append(el("span", "fleet-state", state));
      if (kiosk.out_of_order) head.append(el("span", "fleet-badge", L.out_of_order));
      card.append(head);
      const ul = el("ul", "fleet-facts");
      for (const [text, kind] of facts(kiosk)) ul.append(el("li", kind, text));
      card.append(ul);
      const codeLine = el("p", "fleet-code");
      if (kiosk.has_admin_code) {
        const b = el("button", "", L.show_code);
        b.type = "button";
        b.dataset.showCode = "1";
        b.addEventListener("click", () => showCode(kiosk, codeLine));
        card.append(b, codeLine);
      }
      card.append(commandButtons(kiosk));
      if (notes.has(kiosk.id)) card.append(el("p", "fleet-note", notes.get(kiosk.id)));
      if (kiosk.commands.length) {
        const log = el("ol", "fleet-commands");
        log.setAttribute("aria-label", L.commands);
        for (const c of kiosk.commands) {
          const item = el("li", "command " + c.state);
          item.dataset.command = String(c.id);
          item.dataset.state = c.state;
          const stateText = c.state === "failed" ? L.state_failed : L[c.state];
          item.append(el("span", "command-kind", L[c.kind] || c.kind), el("span", "command-state", stateText));
          item.append(el("span", "command-who", `${fmt("by", { who: c.created_by })} ${time(c.created_at)}`));
          if (c.detail) item.append(el("span", "command-detail", c.detail));
          log.append(item);
        }
        card.append(log);
      }
      cards.push(card);
    }
    if (!cards.length) cards.push(el("p", "empty", L.none));
    list.replaceChildren(...cards);
  }

  async function refresh() {
    if (app.hidden) return;
    try {
      const answer = await api("GET", "kiosks");
      render(answer.kiosks);
    } catch (error) {
      if (error.status === 401) csrf = null;
    }
  }

  function schedule() {
    clearInterval(timer);
    timer = setInterval(() => { if (box.open) refresh(); }, 3000);
  }

  // The page shows #app once signed in (staff.js): the fleet follows it.
  new MutationObserver(() => { csrf = null; if (!app.hidden) refresh(); }).observe(app, { attributes: true, attributeFilter: ["hidden"] });
  if (!app.hidden) refresh();
  schedule();
})();
