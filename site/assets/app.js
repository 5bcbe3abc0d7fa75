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

const app = { apiBase: '/api', categories: new Map(), roots: [], seq: 0, moved: false, labels: new Map() };

function visitorId() {
  try {
    let id = localStorage.getItem('verdant.visitor');
    if (!id) {
      id = crypto.randomUUID ? crypto.randomUUID() : String(Math.random()).slice(2) + Date.now();
      localStorage.setItem('verdant.visitor', id);
    }
    return id;
  } catch { return 'anonymous'; }
}

async function api(path) {
  const res = await fetch(app.apiBase + path, { headers: { Accept: 'application/json', 'X-Visitor-Id': visitorId() } });
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    const err = new Error((body && body.detail) || res.statusText);
    err.status = res.status;
    err.problem = body;
    throw err;
  }
  return body;
}

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
      el('img', { src: item.image || '/favicon.svg', alt: '', loading: 'lazy', width: 300, height: 300 }),
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
  const main = el('img', { src: p.images[0] || '/favicon.svg', alt: p.name, width: 600, height: 600 });
  const attrs = Object.entries(p.attributes || {});
  box.replaceChildren(...[
    app.moved ? el('button', { type: 'button', class: 'back', onclick: () => history.back() }, '‹ Back') : null,
    crumbs,
    el('div', { class: 'product-main' },
      el('div', { class: 'gallery' }, main,
        p.images.length > 1 ? el('div', { class: 'thumbs' }, p.images.map((src, i) =>
          el('button', { type: 'button', onclick: () => { main.src = src; }, 'aria-label': `Show image ${i + 1}` }, el('img', { src, alt: '' })))) : null),
      el('div', { class: 'details' },
        el('a', { class: 'brand-line', href: `?brand=${p.brand.id}`, 'data-nav': true }, p.brand.name),
        el('h1', {}, p.name),
        el('p', { class: 'big-price', 'data-amount': p.price.amount }, money(p.price)),
        stock,
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
  } catch { /* the defaults serve a same-origin deployment */ }
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
  await render();
}

start();
