// The staff page's service worker: it shows notifications (Chrome on Android can show
// them no other way) and brings the page forward when one is tapped. It caches nothing:
// the queue must always come from the server.
"use strict";

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));
self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  event.waitUntil(self.clients.matchAll({ type: "window", includeUncontrolled: true }).then((windows) => {
    for (const client of windows) {
      if (new URL(client.url).pathname.startsWith("/staff/") && "focus" in client) return client.focus();
    }
    return self.clients.openWindow("/staff/");
  }));
});
