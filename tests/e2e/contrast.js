// Every visible text of the page with its contrast ratio against what is behind it (WCAG 2:
// relative luminance, (L1 + 0.05) / (L2 + 0.05)). The text colour is blended with the opacity
// of the element and its ancestors (Streamlit draws captions at 60%); the background is the
// first opaque one up the tree, with translucent ones blended over it. Texts Vega hid (opacity
// 0, overlapping axis labels) are left out.
() => {
  const parse = (c) => {
    const srgb = c.match(/color\(srgb ([^)]+)\)/);
    if (srgb) {
      const p = srgb[1].split(/[ \/]+/).filter(Boolean).map(Number);
      return {r: p[0] * 255, g: p[1] * 255, b: p[2] * 255, a: p.length > 3 ? p[3] : 1};
    }
    const m = c.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const p = m[1].split(/[ ,\/]+/).filter(Boolean).map(Number);
    return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1};
  };
  const luminance = ({r, g, b}) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const over = (top, under) => ({
    r: top.r * top.a + under.r * (1 - top.a),
    g: top.g * top.a + under.g * (1 - top.a),
    b: top.b * top.a + under.b * (1 - top.a),
    a: 1,
  });
  const background = (el) => {
    const layers = [];
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0) { layers.push(c); if (c.a === 1) break; }
    }
    let bg = {r: 255, g: 255, b: 255, a: 1};
    for (const c of layers.reverse()) bg = over(c, bg);
    return bg;
  };
  const found = [];
  for (const el of document.querySelectorAll('body *')) {
    if (![...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
    if (['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(el.tagName)) continue;
    const rect = el.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none') continue;
    const svg = el instanceof SVGElement;
    const fg = parse(svg ? style.fill : style.color);
    if (!fg) continue;
    if (svg && style.fillOpacity) fg.a *= Number(style.fillOpacity);
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      const o = Number(getComputedStyle(e).opacity);
      if (o < 1) fg.a *= o;
      if (e.getAttribute('opacity') !== null) fg.a *= Number(e.getAttribute('opacity'));
    }
    if (fg.a === 0) continue;
    const bg = background(svg ? el.closest('div') : el);
    const a = luminance(over(fg, bg)), b = luminance(bg);
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    found.push({text: el.textContent.trim().slice(0, 60), ratio: Math.round(ratio * 100) / 100, svg});
  }
  return found;
}
