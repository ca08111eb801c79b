// Numbers and times as the report and the viewer show them.

// "2022-01-05 14:00" (local time of the scenario) -> seconds, read as if UTC so that the
// axis shows the scenario's own clock whatever the browser's time zone.
export function secondsOf(time) {
  const [date, hm] = time.split(' ');
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi] = (hm ?? '00:00').split(':').map(Number);
  return Date.UTC(y, mo - 1, d, h, mi) / 1000;
}

export function number(v) {
  if (v === null || v === undefined || Number.isNaN(v)) return '–';
  const a = Math.abs(v);
  if (a >= 1e6) return (v / 1e6).toFixed(a >= 1e7 ? 0 : 1) + 'M';
  if (a >= 1e4) return (v / 1e3).toFixed(0) + 'k';
  if (a >= 1000) return Math.round(v).toLocaleString('en-US');
  if (a >= 10 || Number.isInteger(v)) return String(Math.round(v));
  return v.toPrecision(2);
}

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (v !== undefined && v !== null && v !== false) node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c !== null && c !== undefined) node.append(c instanceof Node ? c : String(c));
  }
  return node;
}
