"""A local site that plants every kind of browser state, and a page that looks for it.

``/plant`` stores a marker in: cookies (session and persistent, set by the server and by
script), localStorage, sessionStorage, IndexedDB, Cache Storage and a service worker,
and loads a script the HTTP cache may keep. When all is stored the title becomes
"planted". ``/probe`` reports what it finds to ``/report`` as JSON (the server sees it)
and sets the title to "probed".
"""

from __future__ import annotations

import json

from tests.helpers.webserver import LocalServer, Request, Response, html

MARKER = "VISITOR-A-MARKER-7f3a9c"

_PLANT = """
<h1>Plant</h1>
<form id="form" method="post" action="/typed">
  <input id="secret" name="secret" autofocus>
  <button id="send">Send</button>
</form>
<script src="/cached.js"></script>
<script>
const M = "%(marker)s";
document.cookie = "js_session=" + M + "; path=/";
document.cookie = "js_persistent=" + M + "; path=/; max-age=86400";
localStorage.setItem("local", M);
sessionStorage.setItem("session", M);
function idb() {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open("visitor-db", 1);
    open.onupgradeneeded = () => open.result.createObjectStore("store");
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction("store", "readwrite");
      tx.objectStore("store").put(M, "key");
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    };
  });
}
Promise.all([
  idb(),
  caches.open("visitor-cache").then(c => c.put("/cached-thing", new Response(M))),
  navigator.serviceWorker.register("/sw.js").then(() => navigator.serviceWorker.ready),
]).then(() => { document.title = "planted"; })
  .catch(e => { document.title = "plant failed: " + e; });
</script>
"""

_PROBE = """
<h1>Probe</h1>
<script src="/cached.js"></script>
<script>
async function look() {
  const found = {
    cookies: document.cookie,
    local: localStorage.length,
    session: sessionStorage.length,
    idb: (await indexedDB.databases()).map(d => d.name),
    caches: await caches.keys(),
    workers: (await navigator.serviceWorker.getRegistrations()).length,
    history: history.length,
  };
  await fetch("/report", {method: "POST", body: JSON.stringify(found)});
  document.title = "probed";
}
look().catch(e => { document.title = "probe failed: " + e; });
</script>
"""


def _cached(_req: Request) -> Response:
    return (
        200,
        {"Content-Type": "text/javascript", "Cache-Control": "public, max-age=86400"},
        b"window.cachedLoaded = true;",
    )


def _plant(_req: Request) -> Response:
    status, headers, body = html(_PLANT % {"marker": MARKER}, title="plant")
    headers["Set-Cookie"] = (
        f"server_session={MARKER}; Path=/\nserver_persistent={MARKER}; Path=/; Max-Age=86400"
    )
    return status, headers, body


def install(server: LocalServer) -> dict[str, object]:
    """Add the routes; returns a dict that receives the probe's report."""
    reports: dict[str, object] = {}

    def report(req: Request) -> Response:
        reports.update(json.loads(req.body or b"{}"))
        return 204, {}, b""

    server.route("/plant", _plant)
    server.route("/probe", _PROBE)
    server.route("/cached.js", _cached)
    server.route(
        "/sw.js",
        lambda _req: (
            200,
            {"Content-Type": "text/javascript"},
            b"self.addEventListener('fetch', () => {});",
        ),
    )
    server.route("/typed", lambda _req: html("<h1>Thanks</h1>", title="typed"))
    server.route("/report", report)
    server.route("/start", "<h1>Start</h1>")
    return reports
