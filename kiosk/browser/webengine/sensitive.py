"""Is the visitor typing a secret? For screen sharing, which hides the page while they are.

Two sources, either of which is enough:

* the input-method hints QtWebEngine gives the focused field: a password field has
  ``ImhHiddenText`` / ``ImhSensitiveData``. Read at once, at the moment a picture is taken.
* a probe script in the kiosk's own script world (the page cannot see or change it):
  the focused field is a password, was one (a "show password" toggle turns it into a
  text field), has ``autocomplete`` of a password, one-time code or card, is marked
  ``data-sensitive``, or hides its text with ``-webkit-text-security``; or such a field
  anywhere on the page holds a value (its dots, or a password shown as text). Focus in
  an embedded page of another site cannot be looked into: that counts as a secret.

A watcher installed at document creation remembers every field that was ever a
password, in a ``WeakSet`` of the page's own document: nothing is kept beyond it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineScript
from PySide6.QtWidgets import QWidget

WORLD = QWebEngineScript.ScriptWorldId.ApplicationWorld

_SECRET_HINTS = Qt.InputMethodHint.ImhHiddenText | Qt.InputMethodHint.ImhSensitiveData

# Remembers fields that were passwords (a "show password" button changes their type).
_WATCHER = """
(function () {
  if (window.__kioskSeen) return;
  const seen = window.__kioskSeen = new WeakSet();
  const isPassword = (el) => el && el.nodeType === 1 && el.type === 'password';
  const mark = (root) => {
    if (isPassword(root)) seen.add(root);
    if (!root || !root.querySelectorAll) return;
    for (const el of root.querySelectorAll('input[type=password]')) seen.add(el);
  };
  const watch = (records) => {
    for (const r of records) {
      const was = (r.oldValue || '').toLowerCase();
      if (r.type === 'attributes' && was === 'password') seen.add(r.target);
      mark(r.target);
      for (const node of r.addedNodes || []) mark(node);
    }
  };
  new MutationObserver(watch).observe(document, {
    subtree: true, childList: true, attributes: true,
    attributeFilter: ['type'], attributeOldValue: true,
  });
  document.addEventListener('focusin', (e) => mark(e.target), true);
})();
"""

#: True: a secret is in use; false: none; null: the page could not tell (fail closed).
PROBE = """
(function () {
  try {
    const seen = window.__kioskSeen || new WeakSet();
    const CODES = new Set([
      'current-password', 'new-password', 'one-time-code', 'cc-number', 'cc-csc', 'cc-exp',
    ]);
    const coded = (el) => (el.getAttribute('autocomplete') || '').toLowerCase()
      .split(/\\s+/).some((word) => CODES.has(word));
    const sensitive = (el) => {
      if (!el || el.nodeType !== 1) return false;
      const tag = el.tagName;
      if (tag === 'INPUT' && (el.type || '').toLowerCase() === 'password') {
        seen.add(el);
        return true;
      }
      if (tag !== 'INPUT' && tag !== 'TEXTAREA' && !el.isContentEditable) return false;
      if (seen.has(el) || el.hasAttribute('data-sensitive') || coded(el)) return true;
      const style = getComputedStyle(el);
      const security = style.webkitTextSecurity
        || style.getPropertyValue('-webkit-text-security');
      return Boolean(security) && security !== 'none';
    };
    let doc = document, el = document.activeElement;
    for (let depth = 0; el && depth < 10; depth++) {
      if (el.shadowRoot && el.shadowRoot.activeElement) {
        el = el.shadowRoot.activeElement;
        continue;
      }
      if (el.tagName === 'IFRAME' || el.tagName === 'FRAME') {
        let inner = null;
        try { inner = el.contentDocument; } catch (e) { inner = null; }
        if (!inner) return true;  // another site's page has the focus: cannot tell
        doc = inner;
        el = inner.activeElement;
        continue;
      }
      break;
    }
    if (sensitive(el)) return true;
    for (const d of new Set([document, doc])) {
      for (const field of d.querySelectorAll('input, textarea')) {
        if (field.value && sensitive(field)) return true;
      }
    }
    return false;
  } catch (e) {
    return null;
  }
})()
"""


def install_watcher(page: QWebEnginePage) -> None:
    """Remember password fields from the first moment of every document of ``page``."""
    script = QWebEngineScript()
    script.setName("kiosk-sensitive-fields")
    script.setSourceCode(_WATCHER)
    script.setInjectionPoint(QWebEngineScript.InjectionPoint.DocumentCreation)
    script.setWorldId(WORLD)
    script.setRunsOnSubFrames(True)
    page.scripts().insert(script)


def focus_is_secret(view: QWidget) -> bool:
    """The focused field's input-method hints say it is a password (read at once)."""
    proxy = view.focusProxy() or view
    hints = proxy.inputMethodQuery(Qt.InputMethodQuery.ImHints)
    try:
        value = int(hints)
    except (TypeError, ValueError):
        return False
    return bool(value & _SECRET_HINTS.value)
