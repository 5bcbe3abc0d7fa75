// Verdant storefront (no inline styles or scripts: the CSP is 'self' only): one page, state in the URL (?q=&category=&brand=&colour=&minPrice=&maxPrice=&attr.x=&sort=&cursor=
// for listings, ?product=ID for a product page), so any view can be shared and Back/Forward work.
const ATTRIBUTE_LABELS = { material: 'Material', certification: 'Certification', origin: 'Made in' };
const LISTING_KEYS = ['q', 'category', 'brand', 'colour', 'minPrice', 'maxPrice', 'sort', 'cursor', 'limit'];

const $ = (sel) => document.querySelector(sel);
const el = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c !== null && c !== undefined && c !== false) node.append(c.nodeType ? c : document.createTextNode(String(c)));
  }
  return node;
};

import * as auth from './auth.js';
import { srcset, small } from './pictures.js';

const app = { apiBase: '/api', categories: new Map(), roots: [], seq: 0, moved: false, labels: new Map() };

/** An id kept in a storage under {@code key}, made on first use; null when the browser keeps none (or refuses). */
function storedId(storageOf, key) {
  try {
    const storage = storageOf();
    let id = storage.getItem(key);
    if (!id) {
      id = crypto.randomUUID ? crypto.randomUUID() : String(Math.random()).slice(2) + Date.now();
      storage.setItem(key, id);
    }
    return id;
  } catch { return null; }
}

/** The anonymous visitor (tracking), kept across visits; the browser session, one per tab. */
const visitorId = () => storedId(() => localStorage, 'verdant.visitor');
const sessionId = () => storedId(() => sessionStorage, 'verdant.visit');

const CART_TOKEN = 'verdant.cartToken';
const cartToken = () => { try { return localStorage.getItem(CART_TOKEN); } catch { return null; } };

/** Calls the API: signed in, with the (refreshed) id token; as a visitor, with the cart token if there is one. */
async function api(path, { method = 'GET', body, raw, text = false, headers = {} } = {}) {
  const h = { Accept: 'application/json', ...headers };
  const visitor = visitorId();
  const session = sessionId();
  if (visitor) h['X-Visitor-Id'] = visitor;
  if (session) h['X-Session-Id'] = session;
  const token = await auth.idToken();
  if (token) h.Authorization = `Bearer ${token}`;
  else if (cartToken() && path.startsWith('/cart')) h['X-Cart-Token'] = cartToken();
  if (body !== undefined) h['Content-Type'] = 'application/json';
  const res = await fetch(app.apiBase + path, { method, headers: h, body: raw !== undefined ? raw : body === undefined ? undefined : JSON.stringify(body) });
  if (text && res.ok) return res.text();
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    if (res.status === 401 && token) { auth.signOut(); renderAccount(); }
    const err = new Error((data && data.detail) || res.statusText);
    err.status = res.status;
    err.problem = data;
    throw err;
  }
  if (data && data.cartToken && !token) localStorage.setItem(CART_TOKEN, data.cartToken);
  if (data && Array.isArray(data.lines) && 'orderable' in data) showCartCount(data);
  return data;
}

const PARCEL_STATUS = { PENDING: 'Being prepared', PACKED: 'Packed', SHIPPED: 'On its way', DELIVERED: 'Delivered', CANCELLED: 'Cancelled' };

export function money(price) {
  if (!price) return '';
  const fmt = new Intl.NumberFormat('en-IE', { style: 'currency', currency: price.currency });
  const digits = fmt.resolvedOptions().maximumFractionDigits;
  return fmt.format(price.amount / 10 ** digits);
}

const current = () => new URLSearchParams(location.search);

function go(params, { replace = false } = {}) {
  const qs = params.toString();
  const url = qs ? `?${qs}` : location.pathname;
  history[replace ? 'replaceState' : 'pushState'](null, '', url);
  app.moved = true;
  render();
}

/** A copy of the listing parameters with one change; any filter change starts again at page one. */
function withParam(name, value) {
  const p = listingParams(current());
  p.delete('cursor');
  if (value === null || value === undefined || value === '') p.delete(name); else p.set(name, value);
  return p;
}

function listingParams(p) {
  const out = new URLSearchParams();
  for (const [k, v] of p) if (LISTING_KEYS.includes(k) || k.startsWith('attr.')) out.append(k, v);
  return out;
}

function toggleListValue(name, value) {
  const values = new Set((current().get(name) || '').split(',').filter(Boolean));
  if (values.has(value)) values.delete(value); else values.add(value);
  go(withParam(name, [...values].join(',')));
}

function indexCategories(nodes, parentId = null) {
  for (const n of nodes) {
    app.categories.set(n.categoryId, { ...n, parentId });
    indexCategories(n.children, n.categoryId);
  }
}

function categoryPath(id) {
  const path = [];
  for (let c = app.categories.get(id); c; c = app.categories.get(c.parentId)) path.unshift(c);
  return path;
}

function renderDepartments() {
  const nav = $('#departments');
  const selected = categoryPath(current().get('category'))[0];
  nav.replaceChildren(
    el('a', { href: '/', 'data-nav': true, 'aria-current': !selected && !current().has('product') ? 'true' : null }, 'All'),
    ...app.roots.map((r) => el('a', { href: `?category=${r.categoryId}`, 'data-nav': true,
      'aria-current': selected && selected.categoryId === r.categoryId ? 'true' : null }, r.name)));
}

async function render() {
  const p = current();
  $('#q').value = p.get('q') || '';
  renderDepartments();
  if (p.has('view')) return renderView(p.get('view'), p);
  $('#page').hidden = true;
  if (p.has('product')) return renderProduct(p.get('product'));
  return renderListing(p);
}

async function renderListing(p) {
  const seq = ++app.seq;
  $('#product').hidden = true;
  $('#listing').hidden = false;
  $('#sort').value = p.get('sort') || 'relevance';
  const grid = $('#grid');
  grid.setAttribute('aria-busy', 'true');
  let page;
  try {
    page = await api(`/products?${listingParams(p)}`);
  } catch (err) {
    if (seq !== app.seq) return;
    grid.removeAttribute('aria-busy');
    return showListingError(err);
  }
  if (seq !== app.seq) return;
  grid.removeAttribute('aria-busy');
  $('#message').hidden = true;

  const q = p.get('q');
  const category = app.categories.get(p.get('category'));
  $('#results-heading').textContent = q ? `Results for “${q}”` : category ? category.name : 'All products';
  document.title = `${q ? `${q} — ` : category ? `${category.name} — ` : ''}Verdant`;
  renderBreadcrumb($('#list-breadcrumb'), category ? categoryPath(category.categoryId).slice(0, -1) : [], !!category);
  $('#result-count').textContent = `${page.total} ${page.total === 1 ? 'product' : 'products'}`;
  renderFacets(page.facets, p);
  renderChips(p);
  grid.replaceChildren(...page.items.map(card));
  if (page.items.length === 0) {
    const msg = $('#message');
    msg.className = 'message';
    msg.hidden = false;
    msg.replaceChildren(el('strong', {}, 'Nothing matches all of that. '),
      'Try fewer filters or another word. ', el('a', { href: q ? `?q=${encodeURIComponent(q)}` : '/', 'data-nav': true }, 'Clear filters'));
  }
  renderPager(page, p);
}

function showListingError(err) {
  const msg = $('#message');
  msg.className = 'message error';
  msg.hidden = false;
  const fields = err.problem && err.problem.errors ? err.problem.errors.map((e) => `${e.field} ${e.message}`) : [];
  msg.replaceChildren(el('strong', {}, err.status === 400 ? 'That search could not be run. ' : 'Something went wrong. '),
    fields.length ? fields.join('; ') + '. ' : (err.message || ''), ' ', el('a', { href: '/', 'data-nav': true }, 'Start again'));
  $('#grid').replaceChildren();
  $('#pager').replaceChildren();
  $('#result-count').textContent = '';
}

function renderBreadcrumb(nav, path, withHome) {
  const parts = [];
  if (withHome || path.length) parts.push(el('a', { href: '/', 'data-nav': true }, 'Home'));
  for (const c of path) parts.push(el('span', { 'aria-hidden': 'true' }, '›'), el('a', { href: `?category=${c.categoryId}`, 'data-nav': true }, c.name));
  nav.replaceChildren(...parts);
}

function card(item) {
  return el('li', { class: 'card' },
    el('a', { href: `?product=${item.id}`, 'data-nav': true, 'data-testid': 'product-card' },
      el('img', { src: small(item.image) || '/favicon.svg', srcset: srcset(item.image), sizes: '(max-width: 600px) 50vw, 300px',
        alt: '', loading: 'lazy', width: 300, height: 300 }),
      el('div', { class: 'card-body' },
        el('span', { class: 'brand' }, item.brand.name),
        el('span', { class: 'name' }, item.name),
        item.inStock ? null : el('span', {}, el('span', { class: 'badge' }, 'Out of stock')),
        el('span', { class: 'price', 'data-amount': item.price.amount }, money(item.price)))));
}

function renderFacets(f, p) {
  const box = $('#facets');
  for (const v of [...f.brand, ...f.colour]) app.labels.set(v.value, v.label);
  const selectedCategory = p.get('category');
  const sections = [];

  const catItems = [];
  if (selectedCategory) {
    const parent = app.categories.get(selectedCategory)?.parentId;
    catItems.push(el('li', {}, el('a', { href: `?${withParam('category', parent)}`, 'data-nav': true },
      `‹ ${parent ? app.categories.get(parent).name : 'All categories'}`)));
  }
  for (const c of f.category) {
    catItems.push(el('li', {}, el('a', { href: `?${withParam('category', c.value)}`, 'data-nav': true },
      c.label, el('span', { class: 'count' }, c.count))));
  }
  if (catItems.length) sections.push(el('nav', { class: 'facet', 'aria-label': 'Categories' },
    el('h2', { class: 'legend' }, 'Category'), el('ul', { class: 'category-list' }, catItems)));

  sections.push(checkboxFacet('Brand', 'brand', f.brand, p));
  sections.push(checkboxFacet('Colour', 'colour', f.colour, p, (v) => el('span', { class: `swatch swatch-${v}` })));
  sections.push(priceFacet(f.price, p));
  for (const [name, values] of Object.entries(f.attributes || {})) {
    sections.push(checkboxFacet(ATTRIBUTE_LABELS[name] || name, `attr.${name}`, values, p));
  }
  box.replaceChildren(...sections.filter(Boolean));
}

function checkboxFacet(title, param, values, p, decorate) {
  if (!values || values.length === 0) return null;
  const selected = new Set((p.get(param) || '').split(',').filter(Boolean));
  const id = param.replace(/\W/g, '-');
  return el('fieldset', { class: 'facet', 'data-facet': param },
    el('legend', {}, title),
    values.map((v, i) => el('label', { for: `${id}-${i}` },
      el('input', { type: 'checkbox', id: `${id}-${i}`, value: v.value, checked: selected.has(v.value),
        onchange: () => toggleListValue(param, v.value) }),
      decorate ? decorate(v.value) : null,
      el('span', {}, v.label),
      el('span', { class: 'count' }, v.count))));
}

function priceFacet(buckets, p) {
  const min = p.get('minPrice');
  const max = p.get('maxPrice');
  const euros = (cents) => (cents === null || cents === undefined ? '' : String(Math.floor(Number(cents) / 100)));
  const label = (b) => b.to === undefined || b.to === null ? `€${b.from / 100} and up` : `€${b.from / 100} – €${Math.round((b.to + 1) / 100)}`;
  const minInput = el('input', { id: 'min-price', type: 'number', min: 0, step: 1, inputmode: 'numeric', value: euros(min) });
  const maxInput = el('input', { id: 'max-price', type: 'number', min: 0, step: 1, inputmode: 'numeric', value: euros(max) });
  return el('fieldset', { class: 'facet', 'data-facet': 'price' },
    el('legend', {}, 'Price'),
    buckets.filter((b) => b.count > 0).map((b, i) => {
      const active = String(b.from) === (min || '0') && String(b.to ?? '') === (max || '');
      return el('label', { for: `price-${i}` },
        el('input', { type: 'radio', name: 'price-bucket', id: `price-${i}`, checked: active,
          onchange: () => {
            const next = withParam('minPrice', b.from || null);
            if (b.to === null || b.to === undefined) next.delete('maxPrice'); else next.set('maxPrice', b.to);
            go(next);
          } }),
        el('span', {}, label(b)), el('span', { class: 'count' }, b.count));
    }),
    el('form', { class: 'price-range', onsubmit: (e) => {
      e.preventDefault();
      const next = withParam('minPrice', minInput.value === '' ? null : Math.round(Number(minInput.value) * 100));
      if (maxInput.value === '') next.delete('maxPrice'); else next.set('maxPrice', Math.round(Number(maxInput.value) * 100) + 99);
      go(next);
    } },
      el('div', {}, el('label', { for: 'min-price' }, 'Min €'), minInput),
      el('div', {}, el('label', { for: 'max-price' }, 'Max €'), maxInput),
      el('button', { type: 'submit' }, 'Go')),
    min || max ? el('button', { type: 'button', class: 'link', onclick: () => { const n = withParam('minPrice', null); n.delete('maxPrice'); go(n); } }, 'Any price') : null);
}

function renderChips(p) {
  const chips = [];
  for (const name of ['brand', 'colour', ...[...p.keys()].filter((k) => k.startsWith('attr.'))]) {
    for (const v of (p.get(name) || '').split(',').filter(Boolean)) {
      chips.push(el('button', { type: 'button', class: 'chip', 'aria-label': `Remove filter ${v}`, onclick: () => toggleListValue(name, v) }, app.labels.get(v) || v));
    }
  }
  if (p.get('minPrice') || p.get('maxPrice')) {
    const text = `${p.get('minPrice') ? money({ amount: +p.get('minPrice'), currency: 'EUR' }) : '€0'} – ${p.get('maxPrice') ? money({ amount: +p.get('maxPrice'), currency: 'EUR' }) : 'any'}`;
    chips.push(el('button', { type: 'button', class: 'chip', 'aria-label': 'Remove price filter', onclick: () => { const n = withParam('minPrice', null); n.delete('maxPrice'); go(n); } }, text));
  }
  $('#active-filters').replaceChildren(...chips);
}

function renderPager(page, p) {
  const links = [];
  if (p.has('cursor')) links.push(el('a', { href: `?${withParam('cursor', null)}`, 'data-nav': true }, '« First page'));
  if (page.nextCursor) links.push(el('a', { class: 'primary', href: `?${withParam('cursor', page.nextCursor)}`, 'data-nav': true, rel: 'next' }, 'Next page »'));
  $('#pager').replaceChildren(...links);
}

async function renderProduct(id) {
  const seq = ++app.seq;
  const box = $('#product');
  $('#listing').hidden = true;
  box.hidden = false;
  box.replaceChildren(el('div', { class: 'skeleton', 'aria-label': 'Loading product' }));
  let p;
  try {
    p = await api(`/products/${encodeURIComponent(id)}`);
  } catch (err) {
    if (seq !== app.seq) return;
    box.replaceChildren(el('div', { class: 'message error' },
      el('strong', {}, err.status === 404 ? 'This product is not available. ' : 'Something went wrong. '),
      el('a', { href: '/', 'data-nav': true }, 'Continue shopping')));
    return;
  }
  if (seq !== app.seq) return;
  document.title = p.seo && p.seo.title ? p.seo.title : `${p.name} — Verdant`;
  const crumbs = el('nav', { class: 'breadcrumb', 'aria-label': 'Breadcrumb' });
  renderBreadcrumb(crumbs, p.breadcrumb.map((b) => ({ categoryId: b.id, name: b.name })), true);
  const stock = !p.stock.inStock ? el('p', { class: 'stock out' }, 'Out of stock')
    : p.stock.onlyLeft ? el('p', { class: 'stock low' }, `Only ${p.stock.onlyLeft} left`)
    : el('p', { class: 'stock in' }, 'In stock — ships in 1–2 days');
  const main = el('img', { src: p.images[0] || '/favicon.svg', srcset: srcset(p.images[0]), sizes: '(max-width: 800px) 100vw, 600px',
    alt: p.name, width: 600, height: 600 });
  const attrs = Object.entries(p.attributes || {});
  box.replaceChildren(...[
    app.moved ? el('button', { type: 'button', class: 'back', onclick: () => history.back() }, '‹ Back') : null,
    crumbs,
    el('div', { class: 'product-main' },
      el('div', { class: 'gallery' }, main,
        p.images.length > 1 ? el('div', { class: 'thumbs' }, p.images.map((src, i) =>
          el('button', { type: 'button', onclick: () => { main.src = src; main.srcset = srcset(src) || ''; }, 'aria-label': `Show image ${i + 1}` },
            el('img', { src: small(src), alt: '' })))) : null),
      el('div', { class: 'details' },
        el('a', { class: 'brand-line', href: `?brand=${p.brand.id}`, 'data-nav': true }, p.brand.name),
        el('h1', {}, p.name),
        el('p', { class: 'big-price', 'data-amount': p.price.amount }, money(p.price)),
        stock,
        buyBox(p),
        el('p', {}, p.description),
        el('table', { class: 'specs' }, el('caption', { class: 'visually-hidden' }, 'Details'),
          el('tbody', {},
            el('tr', {}, el('th', { scope: 'row' }, 'Colour'), el('td', {}, p.colour)),
            attrs.map(([k, v]) => el('tr', {}, el('th', { scope: 'row' }, ATTRIBUTE_LABELS[k] || k), el('td', {}, v))),
            el('tr', {}, el('th', { scope: 'row' }, 'SKU'), el('td', {}, p.sku)))))),
    p.related.length ? el('section', { class: 'related', 'aria-labelledby': 'related-heading' },
      el('h2', { id: 'related-heading' }, 'You may also like'),
      el('ul', { class: 'grid' }, p.related.map(card))) : null].filter(Boolean));
  window.scrollTo({ top: 0 });
}

async function start() {
  try {
    const config = await fetch('/config.json').then((r) => (r.ok ? r.json() : {}));
    app.apiBase = config.apiBase || '/api';
    app.environment = config.environment;
    app.stripeJs = config.stripe && config.stripe.js;
    auth.configure(config.cognito, config.staff);
  } catch { /* the defaults serve a same-origin deployment */ }
  renderAccount();
  refreshCartCount();
  try {
    const { categories } = await api('/categories');
    app.roots = categories;
    indexCategories(categories);
  } catch { /* navigation without the tree still works */ }

  document.addEventListener('click', (e) => {
    const a = e.target.closest('a[data-nav]');
    if (!a || e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    const url = new URL(a.href, location.href);
    go(new URLSearchParams(url.search));
    $('#main').focus({ preventScroll: true });
    window.scrollTo({ top: 0 });
  });
  $('#search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const p = listingParams(current());
    p.delete('cursor');
    const q = $('#q').value.trim();
    if (q) p.set('q', q); else p.delete('q');
    go(p);
  });
  $('#sort').addEventListener('change', (e) => go(withParam('sort', e.target.value === 'relevance' ? null : e.target.value)));
  $('#filters-toggle').addEventListener('click', (e) => {
    const open = $('#facets').classList.toggle('open');
    e.target.setAttribute('aria-expanded', String(open));
  });
  window.addEventListener('popstate', render);
  document.addEventListener('click', (e) => {
    const menu = document.querySelector('.account-menu');
    if (menu && !e.target.closest('.account')) closeAccountMenu();
  });
  await render();
}


// ------------------------------------------------------------------ account, cart, wishlist, checkout, orders

function notice(text) {
  const n = $('#notice');
  n.textContent = text;
  n.hidden = false;
  clearTimeout(app.noticeTimer);
  app.noticeTimer = setTimeout(() => { n.hidden = true; }, 4000);
}

function showCartCount(cart) {
  $('#cart-count').textContent = String(cart.itemCount || 0);
}

async function refreshCartCount() {
  try { await api('/cart'); } catch { /* the count stays as it was */ }
}

function closeAccountMenu() {
  const menu = document.querySelector('.account-menu');
  if (menu) menu.remove();
  const b = document.querySelector('.account > button');
  if (b) b.setAttribute('aria-expanded', 'false');
}

function renderAccount() {
  const box = $('#account');
  const s = auth.session();
  if (!auth.enabled()) { box.replaceChildren(); return; }
  if (!s) {
    box.replaceChildren(el('a', { href: '?view=signin', 'data-nav': true, 'data-testid': 'sign-in-link' }, 'Sign in'));
    return;
  }
  const button = el('button', { type: 'button', class: 'link', 'aria-haspopup': 'true', 'aria-expanded': 'false',
    'data-testid': 'account-button', onclick: () => {
      if (document.querySelector('.account-menu')) return closeAccountMenu();
      button.setAttribute('aria-expanded', 'true');
      box.append(el('div', { class: 'account-menu', role: 'menu' },
        el('a', { href: '?view=orders', 'data-nav': true, role: 'menuitem' }, 'My orders'),
        el('a', { href: '?view=wishlist', 'data-nav': true, role: 'menuitem' }, 'Wishlist'),
        el('a', { href: '?view=cart', 'data-nav': true, role: 'menuitem' }, 'Cart'),
        canSeeInsights(s) ? el('a', { href: '?view=insights', 'data-nav': true, role: 'menuitem', 'data-testid': 'insights-link' }, 'Insights') : null,
        isMerchant(s) ? el('a', { href: '?view=merchant', 'data-nav': true, role: 'menuitem', 'data-testid': 'back-office-link' }, 'Your shop') : null,
        isAgent(s) ? el('a', { href: '?view=agent', 'data-nav': true, role: 'menuitem', 'data-testid': 'agent-link' }, 'Phone orders') : null,
        isAdmin(s) ? el('a', { href: '?view=admin', 'data-nav': true, role: 'menuitem', 'data-testid': 'admin-link' }, 'Admin') : null,
        el('button', { type: 'button', role: 'menuitem', 'data-testid': 'sign-out', onclick: signOut }, 'Sign out')));
    } }, `${s.email} ▾`);
  box.replaceChildren(button);
}

/** Marketing and admins read the insights (the API decides; this only offers the link). */
function canSeeInsights(s) {
  return !!s && (s.groups || []).some((g) => g === 'marketing' || g === 'admins');
}

/** Merchants run their shop in the back office (the API decides; this only offers the link). */
function isMerchant(s) {
  return !!s && (s.groups || []).includes('merchants');
}

/** Admins run the shop's merchants (the API decides; this only offers the link). */
function isAdmin(s) {
  return !!s && (s.groups || []).includes('admins');
}

/** Call-centre agents take phone orders (the API decides; this only offers the link). */
function isAgent(s) {
  return !!s && (s.groups || []).includes('agents');
}

function signOut() {
  auth.signOut();
  localStorage.removeItem(CART_TOKEN);
  closeAccountMenu();
  renderAccount();
  showCartCount({ itemCount: 0 });
  notice('You are signed out.');
  go(new URLSearchParams());
}

function buyBox(p) {
  const qty = el('select', { id: 'buy-qty', 'aria-label': 'Quantity' },
    Array.from({ length: 10 }, (_, i) => el('option', { value: i + 1 }, i + 1)));
  const status = el('p', { class: 'muted', role: 'status' });
  const add = el('button', { type: 'button', class: 'btn', 'data-testid': 'add-to-cart', disabled: !p.stock.inStock, onclick: async () => {
    add.disabled = true;
    try {
      await api('/cart/items', { method: 'POST', body: { productId: p.id, quantity: Number(qty.value) } });
      status.textContent = 'Added to your cart.';
      status.className = 'muted';
    } catch (err) {
      status.textContent = err.message;
      status.className = 'error-text';
    } finally { add.disabled = false; }
  } }, 'Add to cart');
  const wish = el('button', { type: 'button', class: 'btn secondary', 'data-testid': 'add-to-wishlist', onclick: async () => {
    if (!auth.session()) { go(new URLSearchParams({ view: 'signin', next: `?product=${p.id}` })); return; }
    try {
      await api(`/wishlist/${encodeURIComponent(p.id)}`, { method: 'PUT' });
      status.textContent = 'Saved to your wishlist.';
    } catch (err) { status.textContent = err.message; }
  } }, '♡ Wishlist');
  return el('div', { class: 'buy' }, el('div', { class: 'actions' }, el('label', { for: 'buy-qty' }, 'Qty'), qty, add, wish), status);
}

function showPage(title, ...children) {
  $('#listing').hidden = true;
  $('#product').hidden = true;
  const page = $('#page');
  page.hidden = false;
  page.replaceChildren(el('h1', {}, title), ...children.filter((c) => c !== null && c !== undefined && c !== false));
  document.title = `${title} — Verdant`;
  window.scrollTo({ top: 0 });
  return page;
}

function field(label, attrs) {
  return el('label', {}, label, el('input', attrs));
}

function problemText(err) {
  const fields = err.problem && err.problem.errors ? err.problem.errors.map((e) => `${e.field}: ${e.message}`) : [];
  return fields.length ? fields.join(' ') : err.message;
}

async function renderView(view, p) {
  ++app.seq;
  switch (view) {
    case 'signin': return viewSignIn(p);
    case 'staff-signin': return viewStaffSignIn(p);
    case 'signup': return viewSignUp(p);
    case 'confirm': return viewConfirm(p);
    case 'reset': return viewReset(p);
    case 'cart': return viewCart();
    case 'wishlist': return viewWishlist();
    case 'checkout': return viewCheckout();
    case 'orders': return viewOrders(p);
    case 'order': return viewOrder(p.get('id'));
    case 'insights': return viewInsightsPage(p);
    case 'merchant': return viewMerchantPage(p);
    case 'agent': return viewAgentPage(p);
    case 'admin': return viewAdminPage(p);
    default: return showPage('Not found', el('p', {}, el('a', { href: '/', 'data-nav': true }, 'Continue shopping')));
  }
}

async function viewInsightsPage(p) {
  if (!isStaffSession()) return go(new URLSearchParams({ view: 'staff-signin', next: '?view=insights' }), { replace: true });
  const seq = app.seq;
  const { viewInsights } = await import('./insights.js');
  if (seq !== app.seq) return undefined;
  return viewInsights({ api, el, showPage, params: p, go, isCurrent: () => seq === app.seq });
}

async function viewMerchantPage(p) {
  if (!isStaffSession()) return go(new URLSearchParams({ view: 'staff-signin', next: `?${p}` }), { replace: true });
  const seq = app.seq;
  const { viewMerchant } = await import('./merchant.js');
  if (seq !== app.seq) return undefined;
  return viewMerchant({ api, el, showPage, params: p, go, isCurrent: () => seq === app.seq });
}

async function viewAdminPage(p) {
  if (!isStaffSession()) return go(new URLSearchParams({ view: 'staff-signin', next: `?${p}` }), { replace: true });
  const seq = app.seq;
  const { viewAdmin } = await import('./admin.js');
  if (seq !== app.seq) return undefined;
  return viewAdmin({ api, el, showPage });
}

async function viewAgentPage(p) {
  if (!isStaffSession()) return go(new URLSearchParams({ view: 'staff-signin', next: `?${p}` }), { replace: true });
  const seq = app.seq;
  const { viewAgent } = await import('./agent.js');
  if (seq !== app.seq) return undefined;
  return viewAgent({ api, el, showPage });
}

/** Staff pages need a staff sign-in (the staff pool, with its second factor); a shopper's session is not one. */
function isStaffSession() {
  const s = auth.session();
  return !!s && s.pool === 'staff';
}

/** Where a member of staff starts: their own page, by role. */
function staffHome(s) {
  if (isMerchant(s)) return '?view=merchant';
  if (isAdmin(s)) return '?view=admin';
  if (isAgent(s)) return '?view=agent';
  if (canSeeInsights(s)) return '?view=insights';
  return '/';
}

/**
 * The steps after a password, until there is a session: a new password (an invited member of staff's first sign-in),
 * setting up an authenticator app, or its current code. {@code done} runs with the session.
 */
function signInSteps(result, done) {
  if (!result.challenge) return done(result);
  const step = result;
  const err = el('p', { class: 'error-text', role: 'alert' });
  const localHint = () => (app.environment === 'local'
    ? el('p', { class: 'muted' }, 'Local shop: the authenticator\'s current code is shown at ',
      el('a', { href: `/local/mailbox?email=${encodeURIComponent(step.email)}`, target: '_blank' }, '/local/mailbox'), '.')
    : null);
  const next = (promise) => promise.then((r) => signInSteps(r, done)).catch((x) => { err.textContent = x.message; });
  const submitting = (handler) => async (e) => {
    e.preventDefault();
    err.textContent = '';
    const button = e.target.querySelector('button[type="submit"]');
    if (button) button.disabled = true;
    await handler(new FormData(e.target));
    if (button) button.disabled = false;
  };
  const codeField = () => field('Authenticator code', { name: 'code', inputmode: 'numeric', autocomplete: 'one-time-code',
    pattern: '[0-9]{6}', maxlength: 6, required: true, id: 'mfa-code', 'data-testid': 'mfa-code', title: 'The 6 digits your app shows' });
  if (step.challenge === 'NEW_PASSWORD_REQUIRED') {
    return showPage('Choose your password',
      el('p', {}, `Welcome to Verdant, ${step.email}. Your invitation's password was for this once: choose your own.`),
      el('form', { class: 'form', onsubmit: submitting(async (f) => {
        if (f.get('password') !== f.get('password2')) { err.textContent = 'The passwords do not match.'; return; }
        await next(auth.newPassword(step, String(f.get('password'))));
      }) },
      field('New password', { type: 'password', name: 'password', autocomplete: 'new-password', required: true, minlength: 12, id: 'new-password' }),
      field('Repeat it', { type: 'password', name: 'password2', autocomplete: 'new-password', required: true, id: 'new-password2' }),
      el('p', { class: 'muted' }, 'At least 12 characters with upper and lower case, a digit and a symbol.'),
      err, el('button', { type: 'submit', class: 'btn', 'data-testid': 'new-password-submit' }, 'Save password')));
  }
  if (step.challenge === 'MFA_SETUP') {
    const secretBox = el('p', { class: 'secret', 'data-testid': 'mfa-secret' }, 'Preparing your key…');
    const qrBox = el('div', { class: 'qr', 'data-testid': 'mfa-qr' });
    const link = el('p', {});
    auth.associateAuthenticator(step).then(async (secret) => {
      secretBox.textContent = secret.replace(/(.{4})/g, '$1 ').trim();
      secretBox.dataset.secret = secret;
      const uri = `otpauth://totp/Verdant:${encodeURIComponent(step.email)}?secret=${secret}&issuer=Verdant`;
      link.replaceChildren('On this phone? ', el('a', { href: uri }, 'Open it in your authenticator app'), '.');
      try {
        const { default: qrcode } = await import('/vendor/qrcode.mjs');
        const qr = qrcode(0, 'M');
        qr.addData(uri);
        qr.make();
        qrBox.innerHTML = qr.createSvgTag({ cellSize: 4, margin: 4, scalable: true,
          title: 'QR code of your authenticator key', alt: 'Scan it with your authenticator app, or type the key below.' });
      } catch { qrBox.replaceChildren(el('p', { class: 'muted' }, 'The QR code did not load: type the key below instead.')); }
    }).catch((x) => { err.textContent = x.message; });
    return showPage('Set up your authenticator',
      el('p', {}, 'Staff accounts need a second step at every sign-in: a 6-digit code from an authenticator app '
        + '(Google Authenticator, Microsoft Authenticator, 1Password, …). Scan this code with the app, or add the key by hand:'),
      qrBox, secretBox, link, localHint(),
      el('form', { class: 'form', onsubmit: submitting(async (f) => {
        await next(auth.verifyAuthenticator(step, String(f.get('code')).trim()));
      }) }, codeField(), err, el('button', { type: 'submit', class: 'btn', 'data-testid': 'mfa-submit' }, 'Verify and sign in')));
  }
  return showPage('Enter your authenticator code',
    el('p', {}, `Open your authenticator app and enter the code for Verdant (${step.email}).`), localHint(),
    el('form', { class: 'form', onsubmit: submitting(async (f) => {
      await next(auth.authenticatorCode(step, String(f.get('code')).trim()));
    }) }, codeField(), err, el('button', { type: 'submit', class: 'btn', 'data-testid': 'mfa-submit' }, 'Sign in')),
    el('p', {}, el('a', { href: '?view=staff-signin', 'data-nav': true }, 'Start again')));
}

/** The staff sign-in: the staff pool's password, then its second factor; lands on the page the member came for. */
function viewStaffSignIn(p) {
  if (!auth.staffEnabled()) return showPage('Staff sign-in', el('p', {}, 'Staff sign-in is not set up for this shop.'));
  const err = el('p', { class: 'error-text', role: 'alert' });
  const done = () => {
    renderAccount();
    notice('Signed in with your staff account.');
    return go(new URLSearchParams((p.get('next') || staffHome(auth.session())).replace(/^\?/, '')));
  };
  return showPage('Staff sign-in',
    el('p', {}, 'For merchants, admins, call-centre agents and marketing. Your staff account came by email from an admin; '
      + 'shoppers ', el('a', { href: '?view=signin', 'data-nav': true }, 'sign in here'), '.'),
    el('form', { class: 'form', onsubmit: async (e) => {
      e.preventDefault();
      err.textContent = '';
      const f = new FormData(e.target);
      try {
        const result = await auth.signIn(String(f.get('email')).trim(), String(f.get('password')), 'staff');
        await signInSteps(result, done);
      } catch (x) { err.textContent = x.message; }
    } },
    field('Email', { type: 'email', name: 'email', autocomplete: 'username', required: true, id: 'staff-email' }),
    field('Password', { type: 'password', name: 'password', autocomplete: 'current-password', required: true, id: 'staff-password' }),
    err, el('button', { type: 'submit', class: 'btn', 'data-testid': 'staff-sign-in-submit' }, 'Continue')),
    el('p', {}, el('a', { href: '?view=reset&staff=1', 'data-nav': true }, 'Forgot your password?')));
}

function afterSignIn(next) {
  renderAccount();
  const token = cartToken();
  const merge = token
    ? api('/cart/merge', { method: 'POST', headers: { 'X-Cart-Token': token } }).then((cart) => {
      localStorage.removeItem(CART_TOKEN);
      if (cart.itemCount) notice(`Signed in — your cart has ${cart.itemCount} item${cart.itemCount === 1 ? '' : 's'}, including what you added before signing in.`);
    }).catch(() => { /* the visitor cart stays; merging can be retried */ })
    : refreshCartCount();
  return merge.then(() => go(new URLSearchParams((next || '?view=cart').replace(/^\?/, ''))));
}

function viewSignIn(p) {
  const err = el('p', { class: 'error-text', role: 'alert' });
  const email = field('Email', { type: 'email', name: 'email', autocomplete: 'username', required: true, id: 'signin-email' });
  const password = field('Password', { type: 'password', name: 'password', autocomplete: 'current-password', required: true, id: 'signin-password' });
  showPage('Sign in',
    el('form', { class: 'form', onsubmit: async (e) => {
      e.preventDefault();
      err.textContent = '';
      const f = new FormData(e.target);
      try {
        const result = await auth.signIn(String(f.get('email')).trim(), String(f.get('password')));
        await signInSteps(result, () => afterSignIn(p.get('next')));
      } catch (x) {
        err.textContent = x.message;
        if (x.type === 'UserNotConfirmedException') go(new URLSearchParams({ view: 'confirm', email: String(f.get('email')).trim() }));
      }
    } }, email, password, err, el('button', { type: 'submit', class: 'btn', 'data-testid': 'sign-in-submit' }, 'Sign in')),
    el('p', {}, 'New here? ', el('a', { href: `?view=signup${p.get('next') ? `&next=${encodeURIComponent(p.get('next'))}` : ''}`, 'data-nav': true, 'data-testid': 'sign-up-link' }, 'Create an account')),
    el('p', {}, el('a', { href: '?view=reset', 'data-nav': true, 'data-testid': 'reset-link' }, 'Forgot your password?'),
      ' (Ordered by phone? Your account is waiting: set a password with the email you gave us.)'),
    auth.staffEnabled() ? el('p', { class: 'muted' }, 'Work at Verdant or sell here? ',
      el('a', { href: `?view=staff-signin${p.get('next') ? `&next=${encodeURIComponent(p.get('next'))}` : ''}`, 'data-nav': true,
        'data-testid': 'staff-sign-in-link' }, 'Staff sign-in')) : null);
}

/** A new password: a code to the account's email, then the code and the password; then signed in. */
function viewReset(p) {
  const err = el('p', { class: 'error-text', role: 'alert' });
  const email = p.get('email') || '';
  const pool = p.get('staff') ? 'staff' : 'customers';
  if (!email) {
    return showPage('Set a new password',
      el('form', { class: 'form', onsubmit: async (e) => {
        e.preventDefault();
        err.textContent = '';
        const address = String(new FormData(e.target).get('email')).trim();
        try {
          await auth.forgotPassword(address, pool);
          go(new URLSearchParams(pool === 'staff' ? { view: 'reset', email: address, staff: '1' } : { view: 'reset', email: address }));
        } catch (x) { err.textContent = x.message; }
      } }, field('Email', { type: 'email', name: 'email', autocomplete: 'username', required: true, id: 'reset-email' }), err,
      el('button', { type: 'submit', class: 'btn', 'data-testid': 'reset-send' }, 'Send me a code')));
  }
  const hint = app.environment === 'local'
    ? el('p', { class: 'muted' }, 'Local shop: the code is listed at ',
      el('a', { href: `/local/mailbox?email=${encodeURIComponent(email)}`, target: '_blank' }, '/local/mailbox'), '.')
    : el('p', { class: 'muted' }, `We sent a code to ${email}.`);
  return showPage('Set a new password', hint,
    el('form', { class: 'form', onsubmit: async (e) => {
      e.preventDefault();
      err.textContent = '';
      const f = new FormData(e.target);
      if (f.get('password') !== f.get('password2')) { err.textContent = 'The passwords do not match.'; return; }
      try {
        await auth.confirmForgotPassword(email, String(f.get('code')).trim(), String(f.get('password')), pool);
        const result = await auth.signIn(email, String(f.get('password')), pool);
        await signInSteps(result, pool === 'staff' ? () => { renderAccount(); return go(new URLSearchParams(staffHome(auth.session()).replace(/^\?/, ''))); }
          : () => afterSignIn('?view=orders'));
      } catch (x) { err.textContent = x.message; }
    } },
    field('Code', { name: 'code', inputmode: 'numeric', autocomplete: 'one-time-code', required: true, id: 'reset-code', maxlength: 10 }),
    field('New password', { type: 'password', name: 'password', autocomplete: 'new-password', required: true, minlength: 8, id: 'reset-password' }),
    field('Repeat it', { type: 'password', name: 'password2', autocomplete: 'new-password', required: true, id: 'reset-password2' }),
    el('p', { class: 'muted' }, 'At least 10 characters with upper and lower case, a digit and a symbol.'),
    err, el('button', { type: 'submit', class: 'btn', 'data-testid': 'reset-submit' }, 'Set password and sign in')));
}

function viewSignUp(p) {
  const err = el('p', { class: 'error-text', role: 'alert' });
  showPage('Create your account',
    el('form', { class: 'form', onsubmit: async (e) => {
      e.preventDefault();
      err.textContent = '';
      const f = new FormData(e.target);
      const email = String(f.get('email')).trim();
      if (f.get('password') !== f.get('password2')) { err.textContent = 'The passwords do not match.'; return; }
      try {
        await auth.signUp(email, String(f.get('password')));
        sessionStorage.setItem('verdant.pending', JSON.stringify({ email, password: f.get('password') }));
        const next = new URLSearchParams({ view: 'confirm', email });
        if (p.get('next')) next.set('next', p.get('next'));
        go(next);
      } catch (x) { err.textContent = x.message; }
    } },
    field('Email', { type: 'email', name: 'email', autocomplete: 'email', required: true, id: 'signup-email' }),
    field('Password', { type: 'password', name: 'password', autocomplete: 'new-password', required: true, minlength: 8, id: 'signup-password' }),
    field('Repeat password', { type: 'password', name: 'password2', autocomplete: 'new-password', required: true, id: 'signup-password2' }),
    el('p', { class: 'muted' }, 'At least 10 characters with upper and lower case, a digit and a symbol.'),
    err, el('button', { type: 'submit', class: 'btn', 'data-testid': 'sign-up-submit' }, 'Create account')),
    el('p', {}, 'Have an account? ', el('a', { href: '?view=signin', 'data-nav': true }, 'Sign in')));
}

function viewConfirm(p) {
  const email = p.get('email') || '';
  const err = el('p', { class: 'error-text', role: 'alert' });
  const hint = app.environment === 'local'
    ? el('p', { class: 'muted' }, 'Local shop: no email is sent. The code is printed in the terminal and listed at ',
      el('a', { href: `/local/mailbox?email=${encodeURIComponent(email)}`, target: '_blank' }, '/local/mailbox'), '.')
    : el('p', { class: 'muted' }, `We sent a 6-digit code to ${email}.`);
  showPage('Confirm your email', hint,
    el('form', { class: 'form', onsubmit: async (e) => {
      e.preventDefault();
      err.textContent = '';
      const code = String(new FormData(e.target).get('code')).trim();
      try {
        await auth.confirm(email, code);
        const pending = JSON.parse(sessionStorage.getItem('verdant.pending') || 'null');
        sessionStorage.removeItem('verdant.pending');
        if (pending && pending.email === email) {
          const result = await auth.signIn(email, pending.password);
          await signInSteps(result, () => afterSignIn(p.get('next')));
        } else {
          notice('Email confirmed. Sign in now.');
          go(new URLSearchParams({ view: 'signin' }));
        }
      } catch (x) { err.textContent = x.message; }
    } },
    field('Code', { name: 'code', inputmode: 'numeric', autocomplete: 'one-time-code', required: true, id: 'confirm-code', maxlength: 10 }),
    err, el('div', { class: 'actions' },
      el('button', { type: 'submit', class: 'btn', 'data-testid': 'confirm-submit' }, 'Confirm'),
      el('button', { type: 'button', class: 'btn secondary', onclick: async () => {
        try { await auth.resendCode(email); notice('A new code is on its way.'); } catch (x) { err.textContent = x.message; }
      } }, 'Send a new code'))));
}

function warningText(line) {
  return line.warnings.map((w) => ({
    UNAVAILABLE: 'No longer available.',
    OUT_OF_STOCK: 'Out of stock.',
    LOW_STOCK: `Only ${line.available} left.`,
    CAPPED: `Only ${line.available} in stock: your cart holds ${line.quantity}.`,
    PRICE_CHANGED: line.previousPrice ? `Price changed from ${money(line.previousPrice)}.` : 'Price changed.',
  }[w] || w)).join(' ');
}

// Every figure comes from the server (prices include VAT); the page only lays them out.
function totalsBlock(t, { label = 'Subtotal', testid = 'totals' } = {}) {
  const row = (name, value, attrs = {}) => el('div', { class: 'totals-row', ...attrs }, el('span', {}, name), el('span', {}, value));
  return el('div', { class: 'totals-block', 'data-testid': testid },
    row(label, money(t.subtotal), { 'data-testid': `${testid}-subtotal` }),
    t.shipping ? row('Shipping', t.shipping.amount === 0 ? 'Free' : money(t.shipping), { 'data-testid': `${testid}-shipping` }) : null,
    el('div', { class: 'totals-row grand' }, el('span', {}, 'Total'), el('span', { 'data-testid': `${testid}-total` }, money(t.total))),
    (t.vat || []).map((v) => el('div', { class: 'totals-row muted', 'data-testid': `${testid}-vat` }, el('span', {}, `Includes VAT ${v.rate}%`), el('span', {}, money(v.amount)))),
    t.freeShippingIn && t.freeShippingIn.amount > 0
      ? el('p', { class: 'muted', 'data-testid': 'free-shipping-hint' }, `Add ${money(t.freeShippingIn)} more for free shipping.`) : null);
}

function cartTotals(cart) {
  const d = cart.delivery;
  return d ? { subtotal: cart.subtotal, shipping: d.shipping, vat: d.vat, total: d.total, freeShippingIn: d.freeShippingIn }
    : { subtotal: cart.subtotal, total: cart.subtotal };
}

// Why a cart cannot be ordered as it is, line by line.
function blockers(cart) {
  return cart.lines.filter((l) => l.warnings.some((w) => w === 'UNAVAILABLE' || w === 'OUT_OF_STOCK' || w === 'LOW_STOCK'))
    .map((l) => `${l.name || l.productId}: ${warningText(l)}`);
}

function cartLine(line, { editable }) {
  const controls = editable ? el('div', { class: 'controls' },
    el('label', { class: 'visually-hidden', for: `qty-${line.productId}` }, `Quantity of ${line.name}`),
    el('select', { id: `qty-${line.productId}`, 'data-testid': 'line-qty', onchange: async (e) => {
      try { await api(`/cart/items/${encodeURIComponent(line.productId)}`, { method: 'PATCH', body: { quantity: Number(e.target.value) } }); } catch (x) { notice(x.message); }
      render();
    } }, Array.from({ length: 10 }, (_, i) => el('option', { value: i + 1, selected: i + 1 === line.quantity }, i + 1))),
    el('button', { type: 'button', class: 'link', onclick: async () => {
      await api(`/cart/items/${encodeURIComponent(line.productId)}`, { method: 'DELETE' });
      render();
    } }, 'Remove')) : el('span', {}, `× ${line.quantity}`);
  return el('li', { class: 'line', 'data-testid': 'cart-line', 'data-product': line.productId },
    el('img', { src: small(line.image) || '/favicon.svg', alt: '' }),
    el('div', {},
      el('a', { href: `?product=${line.productId}`, 'data-nav': true }, line.name || line.productId),
      el('div', { class: 'muted' }, line.unitPrice ? money(line.unitPrice) : ''),
      line.warnings.length ? el('div', { class: 'warning' }, warningText(line)) : null,
      controls),
    el('strong', { 'data-amount': line.subtotal ? line.subtotal.amount : 0 }, line.subtotal ? money(line.subtotal) : ''));
}

async function viewCart() {
  const seq = app.seq;
  let cart;
  try { cart = await api('/cart'); } catch (err) { return showPage('Your cart', el('p', { class: 'error-text' }, err.message)); }
  if (seq !== app.seq) return;
  if (!cart.lines.length) {
    return showPage('Your cart', el('p', {}, 'Your cart is empty. ', el('a', { href: '/', 'data-nav': true }, 'Start shopping')));
  }
  const signedIn = !!auth.session();
  showPage('Your cart',
    el('ul', { class: 'lines' }, cart.lines.map((l) => cartLine(l, { editable: true }))),
    el('div', { class: 'totals' }, el('span', {}, `Subtotal (${cart.itemCount} item${cart.itemCount === 1 ? '' : 's'})`), el('span', { 'data-testid': 'cart-subtotal' }, money(cart.subtotal))),
    cart.delivery ? el('p', { class: 'muted', 'data-testid': 'cart-delivery' },
      cart.delivery.shipping.amount === 0 ? 'Free shipping to the Netherlands and the EU.'
        : `Shipping from ${money(cart.delivery.shipping)} (Netherlands) · add ${money(cart.delivery.freeShippingIn)} more for free shipping.`) : null,
    cart.orderable ? null : el('div', { class: 'warning', role: 'status' }, el('p', {}, 'Before you can order:'),
      el('ul', {}, blockers(cart).map((b) => el('li', {}, b)))),
    el('div', { class: 'actions' },
      signedIn
        ? el('a', { class: 'btn', href: '?view=checkout', 'data-nav': true, 'data-testid': 'checkout', 'aria-disabled': cart.orderable ? null : 'true' }, 'Checkout')
        : el('a', { class: 'btn', href: '?view=signin&next=%3Fview%3Dcheckout', 'data-nav': true, 'data-testid': 'checkout' }, 'Sign in to check out'),
      el('a', { href: '/', 'data-nav': true }, 'Continue shopping')));
}

async function viewWishlist() {
  if (!auth.session()) return go(new URLSearchParams({ view: 'signin', next: '?view=wishlist' }), { replace: true });
  const seq = app.seq;
  const list = await api('/wishlist');
  if (seq !== app.seq) return;
  if (!list.items.length) return showPage('Wishlist', el('p', {}, 'Nothing saved yet. Use ♡ on a product to keep it here.'));
  showPage('Wishlist', el('ul', { class: 'lines' }, list.items.map((i) => el('li', { class: 'line', 'data-testid': 'wishlist-item' },
    el('img', { src: small(i.product && i.product.image) || '/favicon.svg', alt: '' }),
    el('div', {},
      el('a', { href: `?product=${i.productId}`, 'data-nav': true }, i.product ? i.product.name : 'No longer available'),
      i.product ? el('div', { class: 'muted' }, money(i.product.price), i.product.inStock ? '' : ' · out of stock') : null,
      el('div', { class: 'controls' },
        i.product && i.product.inStock ? el('button', { type: 'button', class: 'btn', onclick: async () => {
          try { await api(`/wishlist/${encodeURIComponent(i.productId)}/move-to-cart`, { method: 'POST' }); notice('Moved to your cart.'); } catch (x) { notice(x.message); }
          render();
        } }, 'Move to cart') : null,
        el('button', { type: 'button', class: 'link', onclick: async () => {
          await api(`/wishlist/${encodeURIComponent(i.productId)}`, { method: 'DELETE' });
          render();
        } }, 'Remove'))),
    el('span', {})))));
}

function newKey() {
  return crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(16).slice(2)}`;
}

async function viewCheckout() {
  if (!auth.session()) return go(new URLSearchParams({ view: 'signin', next: '?view=checkout' }), { replace: true });
  const seq = app.seq;
  const cart = await api('/cart');
  if (seq !== app.seq) return;
  if (!cart.lines.length) return showPage('Checkout', el('p', {}, 'Your cart is empty. ', el('a', { href: '/', 'data-nav': true }, 'Start shopping')));
  // One key per checkout attempt: a double click or a retry after a lost answer cannot order twice.
  const key = sessionStorage.getItem('verdant.checkoutKey') || newKey();
  sessionStorage.setItem('verdant.checkoutKey', key);
  const saved = JSON.parse(localStorage.getItem('verdant.address') || '{}');
  const err = el('div', { class: 'error-text', role: 'alert' });
  const place = el('button', { type: 'submit', class: 'btn', 'data-testid': 'place-order', disabled: !cart.orderable }, 'Place order');
  const totals = el('div', { 'aria-live': 'polite' });
  const why = el('div', { class: 'warning', 'data-testid': 'why-not-orderable', role: 'status' });
  // The total depends on where it goes (shipping zone, that country's VAT): the server prices each choice.
  const quote = async (country) => {
    let c = cart;
    try { c = await api(`/cart?country=${encodeURIComponent(country)}`); } catch (x) { notice(x.message); }
    totals.replaceChildren(totalsBlock(cartTotals(c), { testid: 'checkout' }));
    place.textContent = `Place order · ${money(c.delivery ? c.delivery.total : c.subtotal)}`;
    place.disabled = !c.orderable;
    const reasons = c.orderable ? [] : blockers(c);
    why.replaceChildren(...(reasons.length ? [el('p', {}, 'Place order is unavailable until you fix this in your ',
      el('a', { href: '?view=cart', 'data-nav': true }, 'cart'), ':'), el('ul', {}, reasons.map((r) => el('li', {}, r)))] : []));
  };
  showPage('Checkout',
    el('h2', {}, 'Review'),
    el('ul', { class: 'lines' }, cart.lines.map((l) => cartLine(l, { editable: false }))),
    totals,
    el('h2', {}, 'Delivery address'),
    el('form', { class: 'form', onsubmit: async (e) => {
      e.preventDefault();
      err.textContent = '';
      place.disabled = true;
      const f = Object.fromEntries(new FormData(e.target));
      const shipTo = { name: f.name, line1: f.line1, line2: f.line2 || null, city: f.city, postcode: f.postcode, country: f.country };
      localStorage.setItem('verdant.address', JSON.stringify(shipTo));
      try {
        const order = await api('/orders', { method: 'POST', headers: { 'Idempotency-Key': key },
          body: { lines: cart.lines.map((l) => ({ productId: l.productId, quantity: l.quantity })), shipTo } });
        sessionStorage.removeItem('verdant.checkoutKey');
        refreshCartCount();
        go(new URLSearchParams({ view: 'order', id: order.orderId, placed: '1' }));
      } catch (x) {
        if (x.status === 409 || x.status === 422) sessionStorage.removeItem('verdant.checkoutKey');
        err.textContent = x.problem && x.problem.skus ? `${x.message}` : problemText(x);
        place.disabled = false;
      }
    } },
    field('Full name', { name: 'name', autocomplete: 'name', required: true, value: saved.name || '', id: 'ship-name' }),
    field('Address', { name: 'line1', autocomplete: 'address-line1', required: true, value: saved.line1 || '', id: 'ship-line1' }),
    field('Address line 2 (optional)', { name: 'line2', autocomplete: 'address-line2', value: saved.line2 || '', id: 'ship-line2' }),
    el('div', { class: 'row' },
      field('Postcode', { name: 'postcode', autocomplete: 'postal-code', required: true, value: saved.postcode || '', id: 'ship-postcode' }),
      field('City', { name: 'city', autocomplete: 'address-level2', required: true, value: saved.city || '', id: 'ship-city' })),
    el('label', {}, 'Country', el('select', { name: 'country', autocomplete: 'country', id: 'ship-country', 'data-testid': 'ship-country',
      onchange: (e) => quote(e.target.value) },
      COUNTRIES.map(([c, n]) => el('option', { value: c, selected: (saved.country || 'NL') === c }, n)))),
    el('p', { class: 'muted' }, 'Your items are held for 15 minutes while you pay.'),
    why, err, place));
  await quote(COUNTRIES.some(([c]) => c === saved.country) ? saved.country : 'NL');
}

// The countries the shop delivers to (the server's Destination list decides; this is the menu).
const COUNTRIES = [['NL', 'Netherlands'], ['BE', 'Belgium'], ['DE', 'Germany'], ['FR', 'France'], ['IE', 'Ireland'], ['ES', 'Spain'],
  ['IT', 'Italy'], ['AT', 'Austria'], ['LU', 'Luxembourg'], ['DK', 'Denmark'], ['PT', 'Portugal'], ['PL', 'Poland']];

// ------------------------------------------------------------------ paying

let stripeScript;
function loadStripe() {
  if (window.Stripe) return Promise.resolve(window.Stripe);
  if (!app.stripeJs) return Promise.reject(new Error('Card payments are not configured.'));
  stripeScript = stripeScript || new Promise((resolve, reject) => {
    const tag = document.createElement('script');
    tag.src = app.stripeJs;
    tag.onload = () => resolve(window.Stripe);
    tag.onerror = () => { stripeScript = null; reject(new Error('The card form could not be loaded; check your connection and try again.')); };
    document.head.appendChild(tag);
  });
  return stripeScript;
}

// Waits for the payment's webhook to mark the order paid (a few seconds at most), then shows the order.
async function awaitPaid(orderId, status) {
  for (let i = 0; i < 40; i++) {
    const o = await api(`/orders/${encodeURIComponent(orderId)}`);
    if (o.status !== 'PENDING_PAYMENT') break;
    status.textContent = 'Payment received — confirming your order…';
    await new Promise((r) => setTimeout(r, 250));
  }
  render();
}

function paymentPanel(o) {
  const err = el('div', { class: 'error-text', role: 'alert', 'data-testid': 'payment-error' });
  const status = el('p', { class: 'muted', 'aria-live': 'polite' });
  const form = el('div', { id: 'payment-element', class: 'payment-element' });
  const payKey = `verdant.payKey.${o.orderId}`;
  const key = (provider) => {
    const k = sessionStorage.getItem(`${payKey}.${provider}`) || newKey();
    sessionStorage.setItem(`${payKey}.${provider}`, k);
    return k;
  };
  const start = (provider) => api(`/orders/${encodeURIComponent(o.orderId)}/payments`, {
    method: 'POST', headers: { 'Idempotency-Key': key(provider) }, body: { provider } });

  const payCard = el('button', { type: 'button', class: 'btn', 'data-testid': 'pay-card', onclick: async () => {
    err.textContent = '';
    payCard.disabled = true;
    try {
      const started = await start('stripe');
      if (!app.stripe || app.stripe.key !== started.publishableKey) {
        const Stripe = await loadStripe();
        app.stripe = { key: started.publishableKey, client: Stripe(started.publishableKey) };
      }
      const elements = app.stripe.client.elements({ clientSecret: started.clientSecret });
      elements.create('payment').mount(form);
      payCard.replaceWith(confirm);
      confirm.onclick = async () => {
        err.textContent = '';
        confirm.disabled = true;
        status.textContent = 'Paying…';
        const { error } = await app.stripe.client.confirmPayment({ elements, redirect: 'if_required',
          confirmParams: { return_url: `${location.origin}/?view=order&id=${o.orderId}` } });
        if (error) {
          status.textContent = '';
          err.textContent = `${error.message} Nothing was charged; try another card.`;
          confirm.disabled = false;
          return;
        }
        await awaitPaid(o.orderId, status);
      };
    } catch (x) {
      err.textContent = x.status === 409 ? x.message : `${x.message}`;
      payCard.disabled = false;
    }
  } }, `Pay ${money(o.total)} by card`);
  const confirm = el('button', { type: 'button', class: 'btn', 'data-testid': 'pay-confirm' }, `Pay ${money(o.total)}`);

  const cod = el('button', { type: 'button', class: 'btn secondary', 'data-testid': 'pay-cod', onclick: async () => {
    err.textContent = '';
    cod.disabled = true;
    try {
      await start('cod');
      notice('Order confirmed: pay the courier on delivery.');
      render();
    } catch (x) {
      err.textContent = x.message;
      cod.disabled = false;
    }
  } }, 'Pay cash on delivery');

  return el('section', { class: 'payment', 'aria-labelledby': 'pay-heading', 'data-testid': 'payment-panel' },
    el('h2', { id: 'pay-heading' }, 'Payment'),
    form, status, err,
    el('div', { class: 'actions' }, payCard, cod),
    el('p', { class: 'muted' }, 'Card details go straight to our payment provider; Verdant never sees them. Cash on delivery is available up to €150.'));
}

async function putBackInCart(o) {
  const missing = [];
  for (const l of o.lines) {
    try {
      await api('/cart/items', { method: 'POST', body: { productId: l.productId, quantity: l.quantity } });
    } catch (x) { missing.push(`${l.name}: ${x.message}`); }
  }
  refreshCartCount();
  notice(missing.length ? `Some items could not be added — ${missing.join(' ')}` : 'The items are back in your cart.');
  go(new URLSearchParams({ view: 'cart' }));
}

function statusBadge(status) {
  const text = { PENDING_PAYMENT: 'Awaiting payment', PAID: 'Paid', CONFIRMED: 'Confirmed · pay on delivery', CANCELLED: 'Cancelled',
    EXPIRED: 'Expired', REFUNDED: 'Refunded' }[status] || status;
  return el('span', { class: `status status-${status}`, 'data-status': status }, text);
}

const when = (iso) => new Date(iso).toLocaleString('en-IE', { dateStyle: 'medium', timeStyle: 'short' });

async function viewOrders(p) {
  if (!auth.session()) return go(new URLSearchParams({ view: 'signin', next: '?view=orders' }), { replace: true });
  const seq = app.seq;
  const qs = p.get('cursor') ? `?limit=10&cursor=${encodeURIComponent(p.get('cursor'))}` : '?limit=10';
  const page = await api(`/orders${qs}`);
  if (seq !== app.seq) return;
  if (!page.items.length) return showPage('My orders', el('p', {}, 'No orders yet. ', el('a', { href: '/', 'data-nav': true }, 'Start shopping')));
  showPage('My orders',
    el('table', { class: 'orders-table' },
      el('thead', {}, el('tr', {}, el('th', {}, 'Placed'), el('th', {}, 'Order'), el('th', {}, 'Items'), el('th', {}, 'Total'), el('th', {}, 'Status'))),
      el('tbody', {}, page.items.map((o) => el('tr', { 'data-testid': 'order-row', 'data-order': o.orderId },
        el('td', {}, when(o.createdAt)),
        el('td', {}, el('a', { href: `?view=order&id=${o.orderId}`, 'data-nav': true }, o.orderId.slice(-8).toUpperCase())),
        el('td', {}, o.itemCount), el('td', {}, money(o.total)), el('td', {}, statusBadge(o.status),
          o.placedBy === 'phone' ? el('div', { class: 'muted', 'data-testid': 'placed-by-phone' }, 'Placed by phone') : null))))),
    el('nav', { class: 'pager' },
      p.get('cursor') ? el('a', { href: '?view=orders', 'data-nav': true }, '« Newest') : null,
      page.nextCursor ? el('a', { href: `?view=orders&cursor=${encodeURIComponent(page.nextCursor)}`, 'data-nav': true }, 'Older »') : null));
}

async function viewOrder(id) {
  if (!auth.session()) return go(new URLSearchParams({ view: 'signin', next: `?view=order&id=${id}` }), { replace: true });
  const seq = app.seq;
  let o;
  try { o = await api(`/orders/${encodeURIComponent(id)}`); } catch (err) {
    return showPage('Order', el('p', { class: 'error-text' }, err.status === 404 ? 'No such order.' : err.message));
  }
  if (seq !== app.seq) return;
  const placed = current().get('placed') === '1';
  const payable = o.status === 'PENDING_PAYMENT' && o.expiresAt && new Date(o.expiresAt) > new Date();
  const held = o.expiresAt ? new Date(o.expiresAt).toLocaleTimeString('en-IE', { timeStyle: 'short' }) : '';
  const headline = {
    PENDING_PAYMENT: payable ? `Your items are reserved until ${held}. Pay now to complete your order.` : null,
    PAID: 'Thank you — your payment was received and your order is being prepared.',
    CONFIRMED: 'Thank you — your order is confirmed. Please pay the courier on delivery.',
  }[o.status];
  const cancel = o.status === 'PENDING_PAYMENT' ? el('button', { type: 'button', class: 'btn secondary', 'data-testid': 'cancel-order', onclick: async () => {
    try { await api(`/orders/${encodeURIComponent(id)}/cancel`, { method: 'POST' }); notice('Order cancelled; the items are back on the shelf.'); } catch (x) { notice(x.message); }
    render();
  } }, 'Cancel order') : null;
  showPage(`Order ${o.orderId.slice(-8).toUpperCase()}`,
    headline && (placed || o.status !== 'PENDING_PAYMENT') ? el('p', { class: 'message', 'data-testid': 'order-headline' }, headline) : null,
    payable ? paymentPanel(o) : null,
    o.status === 'EXPIRED' || o.status === 'CANCELLED' ? el('div', { class: 'warning', role: 'status' },
      el('p', {}, o.status === 'EXPIRED' ? 'This order was not paid in time, so its items went back on the shelf.'
        : 'This order was cancelled.'),
      el('button', { type: 'button', class: 'btn', 'data-testid': 'reorder', onclick: () => putBackInCart(o) }, 'Put the items back in my cart')) : null,
    el('p', {}, statusBadge(o.status), ' · placed ', when(o.createdAt),
      o.expiresAt ? ` · held for you until ${new Date(o.expiresAt).toLocaleTimeString('en-IE', { timeStyle: 'short' })}` : ''),
    el('ul', { class: 'lines' }, o.lines.map((l) => el('li', { class: 'line' }, el('span', {}),
      el('div', {}, el('a', { href: `?product=${l.productId}`, 'data-nav': true }, l.name), el('div', { class: 'muted' }, `${money(l.unitPrice)} × ${l.quantity} · ${l.sku}`)),
      el('strong', {}, money(l.subtotal))))),
    totalsBlock(o, { label: 'Items', testid: 'order' }),
    o.payment && o.payment.refunded && o.payment.refunded.amount > 0
      ? el('p', { class: 'muted', 'data-testid': 'order-refunded' }, `Refunded: ${money(o.payment.refunded)}`) : null,
    o.shipments && o.shipments.length ? el('section', { 'aria-labelledby': 'parcels-heading', 'data-testid': 'shipments' },
      el('h2', { id: 'parcels-heading' }, o.shipments.length === 1 ? 'Your parcel' : `Your ${o.shipments.length} parcels`),
      el('ul', { class: 'parcels' }, o.shipments.map((sh) => el('li', { 'data-status': `shipment-${sh.status}` },
        el('strong', {}, PARCEL_STATUS[sh.status] || sh.status),
        sh.trackingNumber ? ` · ${sh.carrier || 'tracking'} ${sh.trackingNumber}` : '',
        // the parcel's timeline: every step it reached, when
        sh.history && sh.history.length ? el('ol', { class: 'timeline', 'aria-label': 'Parcel timeline', 'data-testid': 'parcel-timeline' },
          sh.history.map((h) => el('li', { 'data-step': h.status }, el('span', {}, PARCEL_STATUS[h.status] || h.status), ' ',
            el('time', { datetime: h.at, class: 'muted' }, new Date(h.at).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })))))
          : null)))) : null,
    o.shipTo ? el('p', { class: 'muted' }, `Ships to ${o.shipTo.name}, ${o.shipTo.line1}, ${o.shipTo.postcode} ${o.shipTo.city}, ${o.shipTo.country}`) : null,
    el('div', { class: 'actions' }, cancel, el('a', { href: '?view=orders', 'data-nav': true }, 'All orders')));
}

start();
