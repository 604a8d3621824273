// Small DOM helpers every view shares. Everything a kiosk, a visitor or a colleague
// wrote goes in with textContent, never as markup.

// An own property only: a guide id such as "constructor" must not find
// Object.prototype.constructor ("function Object() { [native code] }").
export function lookup(table, key, fallback) {
  return table && Object.hasOwn(table, key) ? table[key] : fallback;
}

export function makeText(L) {
  const t = (key) => lookup(L, key, key);
  const fmt = (key, values) => t(key).replace(/\{(\w+)\}/g, (_, name) => String(lookup(values, name, "")));
  return { t, fmt };
}

export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

export function button(text, onClick, className) {
  const b = el("button", className, text);
  b.type = "button";
  b.addEventListener("click", onClick);
  return b;
}

export function clock(iso) {
  return iso ? new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }) : "";
}

export const OPEN_STATES = ["waiting", "seen", "coming", "calling"];
export const QUEUED_STATES = ["waiting", "seen"];
