// The kiosks of the centres this supporter serves: online or not (from each kiosk's last
// heartbeat). A fleet view with health and remote commands can grow from here.
"use strict";

import { clock, el } from "./ui.js";

export default {
  id: "kiosks",
  label: "tab_kiosks",

  online(ctx, kiosk) {
    return Boolean(kiosk.last_seen_at) && ctx.secondsSince(kiosk.last_seen_at) < ctx.config.kiosk_offline_after_s;
  },

  mount(root, ctx) {
    this.list = el("div", "kiosk-list");
    this.list.id = "kiosks";
    this.empty = el("p", "empty", ctx.t("kiosks_none"));
    root.append(this.empty, this.list);
  },

  render(ctx) {
    const { state, t, fmt } = ctx;
    const groups = [];
    for (const centre of state.me.centres) {
      if (state.centre && String(centre.id) !== state.centre) continue;
      const kiosks = state.kiosks.filter((k) => k.centre_id === centre.id);
      if (!kiosks.length) continue;
      const group = el("section", "centre-group");
      group.append(el("h2", "centre-head", centre.name));
      const list = el("ul", "kiosks");
      for (const kiosk of kiosks) {
        const online = this.online(ctx, kiosk);
        const row = el("li", "kiosk " + (online ? "online" : "offline"));
        row.dataset.kiosk = String(kiosk.id);
        row.append(el("span", "dot"), el("span", "kiosk-name", kiosk.name));
        const status = online ? t("kiosk_online") : kiosk.last_seen_at ? fmt("kiosk_offline_since", { time: clock(kiosk.last_seen_at) }) : t("kiosk_never");
        row.append(el("span", "kiosk-status", status));
        list.append(row);
      }
      group.append(list);
      groups.push(group);
    }
    this.empty.hidden = groups.length > 0;
    this.list.replaceChildren(...groups);
  },
};
