// vitrina web page: calls the JSON routes of the server it is served from (no external fetches).
const $ = (id) => document.getElementById(id);
let places = [];
let point = null; // {lat, lon} chosen on the map

function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  for (const kid of kids) e.append(kid);
  return e;
}

// Shows the server's error JSON ({"errors":[{parameter,value,message}]}) or the status text.
function showError(text) { $('error').textContent = text; $('error').hidden = !text; }

async function get(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== '' && v != null) q.set(k, v);
  const url = path + (q.toString() ? '?' + q : '');
  const res = await fetch(url);
  const body = await res.text();
  let json = null;
  try { json = JSON.parse(body); } catch (e) { /* not JSON */ }
  if (!res.ok) {
    const errs = json && json.errors
      ? json.errors.map((e) => `${e.parameter}=${e.value}: ${e.message}`).join('\n')
      : body;
    throw new Error(`${url} failed (${res.status}):\n${errs}`);
  }
  return json;
}

// One reason object ({kind, ...details}) as short text.
function reasonText(r) {
  switch (r.kind) {
    case 'interest': return `interest: ${r.label}`;
    case 'distance': return `${r.km} km, ~${r.eta_min} min`;
    case 'because': return `like ${r.title || r.item}`;
    case 'trigger': return `follows ${r.item}`;
    case 'category': return `top in ${r.label}`;
    case 'popular': return `popular${r.why ? ' (' + r.why + ')' : ''}`;
    case 'profile': return `your profile (${r.model})`;
    default: {
      const d = Object.entries(r).filter(([k]) => k !== 'kind').map(([k, v]) => `${k} ${v}`);
      return r.kind + (d.length ? ': ' + d.join(', ') : '');
    }
  }
}

function user() { return $('user-input').value.trim() || $('user-select').value; }

function where() {
  const c = $('context').value;
  if (c === 'point') return point ? { lat: point.lat, lon: point.lon } : {};
  return c ? { context: c } : {};
}

function showVariant(resp) {
  const v = resp && resp.variant;
  $('variant').hidden = !v;
  $('variant').textContent = v ? `variant: ${v}` + (resp.experiment ? ` (${resp.experiment})` : '') : '';
}

function card(item, title, reasons, extra) {
  const c = el('div', { class: 'card' + (extra || ''), 'data-testid': 'item-card', 'data-item': item },
    el('div', { class: 'title' }, title || item), el('div', { class: 'id' }, item));
  for (const r of reasons || []) c.append(el('div', { class: 'reason', 'data-testid': 'reason' }, reasonText(r)));
  c.addEventListener('click', () => openFeed(item, title));
  return c;
}

async function loadPage() {
  showError('');
  $('feed').hidden = true;
  try {
    const page = await get('/v1/page', { user: user(), ...where() });
    showVariant(page);
    const root = $('page');
    root.replaceChildren();
    for (const row of page.rows) {
      const r = el('div', { class: 'row', 'data-testid': 'row' },
        el('h2', { 'data-testid': 'row-title' }, row.title),
        el('div', { class: 'reason', 'data-testid': 'row-reason' }, row.reason ? reasonText(row.reason) : ''));
      const cards = el('div', { class: 'cards' });
      for (const it of row.items) cards.append(card(it.item, it.title, it.reasons));
      r.append(cards);
      root.append(r);
    }
    if (!page.personal) root.prepend(el('p', { class: 'muted' }, 'Not personal: a page of non-personal rows.'));
  } catch (e) { showError(e.message); }
}

// The trigger-induced feed: the clicked item first, then what the server recommends after it.
async function openFeed(item, title) {
  showError('');
  try {
    const resp = await get('/v1/recommendations',
      { user: user(), trigger: item, k: 12, explain: 'true', ...where() });
    showVariant(resp);
    const cards = el('div', { class: 'cards', 'data-testid': 'feed-items' });
    cards.append(card(item, title, [{ kind: 'opened' }], ' trigger'));
    for (const it of resp.items.filter((i) => i.item !== item)) cards.append(card(it.item, it.title, it.reasons));
    const feed = $('feed');
    feed.replaceChildren(el('h2', {}, `After opening ${title || item}`), cards);
    feed.hidden = false;
    feed.scrollIntoView();
  } catch (e) { showError(e.message); }
}

// The venues' map: an equirectangular plot, longitudes shrunk by cos(latitude).
function drawMap() {
  const svg = $('map');
  if (!places.length) { svg.replaceChildren(); $('point').textContent = 'no venue coordinates'; return; }
  const lats = places.map((p) => p.lat), lons = places.map((p) => p.lon);
  const pad = 0.01, la0 = Math.min(...lats) - pad, la1 = Math.max(...lats) + pad;
  const lo0 = Math.min(...lons) - pad, lo1 = Math.max(...lons) + pad;
  const k = Math.cos(((la0 + la1) / 2) * Math.PI / 180);
  const s = Math.min(200 / ((lo1 - lo0) * k), 150 / (la1 - la0));
  const x = (lon) => (lon - lo0) * k * s, y = (lat) => 150 - (lat - la0) * s;
  const ns = 'http://www.w3.org/2000/svg';
  svg.replaceChildren();
  for (const p of places) {
    const c = document.createElementNS(ns, 'circle');
    c.setAttribute('cx', x(p.lon)); c.setAttribute('cy', y(p.lat)); c.setAttribute('r', 2.5);
    c.setAttribute('class', 'venue');
    const t = document.createElementNS(ns, 'title'); t.textContent = p.title || p.id; c.append(t);
    svg.append(c);
  }
  svg.onclick = (ev) => {
    const m = svg.getScreenCTM().inverse(), pt = svg.createSVGPoint();
    pt.x = ev.clientX; pt.y = ev.clientY;
    const q = pt.matrixTransform(m);
    point = { lat: +(la0 + (150 - q.y) / s).toFixed(5), lon: +(lo0 + q.x / (k * s)).toFixed(5) };
    let here = svg.querySelector('.here');
    if (!here) { here = document.createElementNS(ns, 'circle'); here.setAttribute('class', 'here'); svg.append(here); }
    here.setAttribute('cx', q.x); here.setAttribute('cy', q.y); here.setAttribute('r', 4);
    $('context').value = 'point';
    $('point').textContent = `lat ${point.lat}, lon ${point.lon}`;
    loadPage();
  };
}

async function init() {
  $('load').addEventListener('click', loadPage);
  $('user-select').addEventListener('change', () => { $('user-input').value = ''; loadPage(); });
  $('context').addEventListener('change', loadPage);
  try {
    const users = await get('/v1/users', { limit: 100 });
    for (const u of users.users) $('user-select').append(el('option', { value: u }, u));
    places = (await get('/v1/places')).places;
    drawMap();
  } catch (e) { showError(e.message); }
}
init();
