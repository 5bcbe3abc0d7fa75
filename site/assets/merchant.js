// The merchant back office (?view=merchant): the merchant's own products (list, search, status filter, low stock),
// a product form with inline validation, stock adjustments with their history, shipments with their next step, and
// the sales dashboard as charts (Chart.js from /vendor/, the same library as the insights). The API decides what a
// merchant may see and do; every refusal it gives is shown as it says it.
import { loadCharts } from './charts.js';
import { small } from './pictures.js';

const STATUS_LABEL = { DRAFT: 'Draft', ACTIVE: 'Published', ARCHIVED: 'Archived' };
const PARCEL_LABEL = { PENDING: 'To pack', PACKED: 'Packed', SHIPPED: 'Shipped', DELIVERED: 'Delivered', CANCELLED: 'Cancelled' };
const REASONS = [['restock', 'Delivery in'], ['count', 'Stock count'], ['correction', 'Correction'], ['damaged', 'Damaged'], ['returned', 'Returned']];
const ATTRIBUTES = ['material', 'certification', 'origin', 'size', 'capacity'];
const COLOURS = ['', 'natural', 'green', 'white', 'black', 'grey', 'blue', 'brown', 'terracotta', 'pink', 'yellow', 'red', 'multi'];
const number = new Intl.NumberFormat('en-GB');
const euros = (minor) => new Intl.NumberFormat('en-IE', { style: 'currency', currency: 'EUR' }).format(minor / 100);
const isoDay = (d) => d.toISOString().slice(0, 10);

export async function viewMerchant(ctx) {
  const tab = ctx.params.get('tab') || 'products';
  const tabs = ctx.el('nav', { class: 'tabs', 'aria-label': 'Back office' }, [['products', 'Products'], ['import', 'Import'], ['shipments', 'Shipments'], ['dashboard', 'Sales']]
    .map(([id, label]) => ctx.el('a', { href: `?view=merchant&tab=${id}`, 'data-nav': true, 'data-testid': `bo-tab-${id}`,
      'aria-current': (tab === id || (tab === 'edit' && id === 'products')) ? 'page' : null }, label)));
  switch (tab) {
    case 'edit': return editProduct(ctx, tabs, ctx.params.get('id'));
    case 'shipments': return shipments(ctx, tabs);
    case 'import': return importWizard(ctx, tabs);
    case 'dashboard': return dashboard(ctx, tabs);
    default: return products(ctx, tabs);
  }
}

/** A refusal as the API put it: every field it named, or its detail. */
function refusal(err) {
  const fields = err.problem && err.problem.errors ? err.problem.errors.map((e) => `${e.field}: ${e.message}`) : [];
  return fields.length ? fields.join(' ') : err.message;
}

async function products({ api, el, showPage, params, isCurrent }, tabs) {
  const q = params.get('q') || '';
  const status = params.get('status') || '';
  const low = params.get('low') === '1';
  const filters = el('form', { class: 'bo-filters', role: 'search', 'aria-label': 'Find your products', 'data-testid': 'bo-filters' },
    el('input', { type: 'hidden', name: 'view', value: 'merchant' }),
    el('label', {}, 'Name or SKU', el('input', { type: 'search', name: 'q', value: q, 'data-testid': 'bo-search' })),
    el('label', {}, 'Status', el('select', { name: 'status', 'data-testid': 'bo-status' },
      [['', 'Any'], ['DRAFT', 'Draft'], ['ACTIVE', 'Published'], ['ARCHIVED', 'Archived']]
        .map(([v, l]) => el('option', { value: v, selected: v === status }, l)))),
    el('label', { class: 'inline' }, el('input', { type: 'checkbox', name: 'low', value: '1', checked: low }), 'Fewer than 5 left'),
    el('button', { type: 'submit', class: 'btn secondary' }, 'Show'));
  const body = el('tbody', {});
  const more = el('button', { type: 'button', class: 'btn secondary', hidden: true }, 'More products');
  const status_ = el('p', { class: 'muted', role: 'status' }, 'Loading your products…');
  showPage('Your shop', tabs,
    el('div', { class: 'actions' }, el('a', { class: 'btn', href: '?view=merchant&tab=edit', 'data-nav': true, 'data-testid': 'bo-new' }, 'New product')),
    filters, status_,
    el('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': 'Your products' }, el('table', { class: 'orders-table bo-table', 'data-testid': 'bo-products' },
      el('thead', {}, el('tr', {}, ['Product', 'Status', 'Price', 'Available'].map((h) => el('th', { scope: 'col' }, h)))), body)),
    more);
  const query = new URLSearchParams({ limit: '25' });
  if (q) query.set('q', q);
  if (status) query.set('status', status);
  if (low) query.set('stockBelow', '5');
  let shown = 0;
  const load = async (cursor) => {
    if (cursor) query.set('cursor', cursor);
    try {
      const page = await api(`/merchant/products?${query}`);
      if (!isCurrent()) return;
      page.items.forEach((p) => body.append(el('tr', { 'data-testid': 'bo-product', 'data-id': p.id },
        el('th', { scope: 'row' }, el('a', { href: `?view=merchant&tab=edit&id=${encodeURIComponent(p.id)}`, 'data-nav': true }, p.name),
          el('div', { class: 'muted' }, p.sku)),
        el('td', {}, el('span', { class: `badge status-${p.status.toLowerCase()}` }, STATUS_LABEL[p.status] || p.status)),
        el('td', { class: 'num' }, euros(p.priceMinor)),
        el('td', { class: 'num' }, number.format(p.stock.available), p.stock.reserved ? el('div', { class: 'muted' }, `${p.stock.reserved} held by orders`) : null))));
      shown += page.items.length;
      status_.textContent = shown ? `${shown} product${shown === 1 ? '' : 's'} shown.` : 'No product matches. Change the filters, or add one.';
      more.hidden = !page.nextCursor;
      more.onclick = () => load(page.nextCursor);
    } catch (err) {
      status_.textContent = err.status === 403 ? `The back office is for merchants: ${err.message}` : refusal(err);
      status_.className = 'error-text';
    }
  };
  await load(null);
}

function flattenCategories(nodes, path = []) {
  return nodes.flatMap((n) => (n.children && n.children.length
    ? flattenCategories(n.children, [...path, n.name])
    : [{ id: n.categoryId, label: [...path, n.name].join(' › ') }]));
}

async function editProduct(ctx, tabs, id) {
  const { api, el, showPage, go, isCurrent } = ctx;
  let product = null;
  let categories = [];
  let brands = [];
  try {
    const [c, b, p] = await Promise.all([api('/categories'), api('/brands'), id ? api(`/merchant/products/${encodeURIComponent(id)}`) : null]);
    categories = flattenCategories(c.categories);
    brands = b.brands;
    product = p;
  } catch (err) {
    showPage(id ? 'Product' : 'New product', tabs, el('p', { class: 'error-text', role: 'alert' }, refusal(err)));
    return;
  }
  if (!isCurrent()) return;
  const v = (name) => (product ? (product[name] ?? '') : '');
  const errors = {};
  const input = (label, name, attrs = {}, hint = null) => {
    const error = el('span', { class: 'field-error', id: `err-${name}`, 'aria-live': 'polite' });
    errors[name] = error;
    const control = attrs.tag === 'textarea'
      ? el('textarea', { name, id: `f-${name}`, rows: 4, 'aria-describedby': `err-${name}` }, attrs.value ?? '')
      : attrs.tag === 'select'
        ? el('select', { name, id: `f-${name}`, 'aria-describedby': `err-${name}` }, attrs.options)
        : el('input', { name, id: `f-${name}`, 'aria-describedby': `err-${name}`, ...attrs });
    return el('div', { class: 'field' }, el('label', { for: `f-${name}` }, label), hint ? el('span', { class: 'muted hint' }, hint) : null, control, error);
  };
  const attributes = product ? product.attributes : {};
  const form = el('form', { class: 'form bo-form', novalidate: true, 'data-testid': 'bo-form' },
    input('Name', 'name', { value: v('name'), required: true, minlength: 3, maxlength: 120 }),
    el('div', { class: 'row' },
      input('SKU', 'sku', { value: v('sku'), required: true, pattern: '[A-Za-z0-9][A-Za-z0-9._\\-]{0,39}', maxlength: 40 }, 'Your own code; unique in your shop'),
      input('Price (EUR)', 'price', { value: product ? (product.priceMinor / 100).toFixed(2) : '', required: true, inputmode: 'decimal', pattern: '\\d+([.,]\\d{1,2})?' }, 'VAT included')),
    input('Description', 'description', { tag: 'textarea', value: v('description') }, 'Needed to publish'),
    el('div', { class: 'row' },
      input('Category', 'categoryId', { tag: 'select', options: [el('option', { value: '' }, 'Choose…'),
        ...categories.map((c) => el('option', { value: c.id, selected: c.id === v('categoryId') }, c.label))] }),
      input('Brand', 'brandId', { tag: 'select', options: [el('option', { value: '' }, 'None'),
        ...brands.map((b) => el('option', { value: b.brandId, selected: b.brandId === v('brandId') }, b.name))] })),
    el('div', { class: 'row' },
      input('Colour', 'colour', { tag: 'select', options: COLOURS.map((c) => el('option', { value: c, selected: c === (v('colour') || '') }, c || 'None')) }),
      input('Status', 'status', { tag: 'select', options: Object.entries(STATUS_LABEL)
        .filter(([s]) => !product || s !== 'DRAFT' || product.status === 'DRAFT')
        .map(([s, l]) => el('option', { value: s, selected: s === (product ? product.status : 'DRAFT') }, l)) })),
    el('fieldset', { class: 'bo-attributes' }, el('legend', {}, 'Attributes shoppers filter by'),
      ATTRIBUTES.map((a) => input(a[0].toUpperCase() + a.slice(1), `attr-${a}`, { value: attributes[a] || '', maxlength: 80 }))),
    el('fieldset', {}, el('legend', {}, 'Search engines'),
      input('URL name', 'slug', { value: product && product.seo ? product.seo.slug || '' : '', pattern: '[a-z0-9]+(-[a-z0-9]+)*', maxlength: 80 }, 'Made from the name when empty'),
      input('Title', 'seoTitle', { value: product && product.seo ? product.seo.title || '' : '', maxlength: 70 }),
      input('Description', 'seoDescription', { value: product && product.seo ? product.seo.description || '' : '', maxlength: 160 })),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'btn', 'data-testid': 'bo-save' }, product ? 'Save changes' : 'Create product'),
      el('a', { href: '?view=merchant', 'data-nav': true }, 'Back to products')));
  const said = el('p', { role: 'status', class: 'muted', 'data-testid': 'bo-form-status' });

  const showErrors = (list) => {
    Object.values(errors).forEach((e) => { e.textContent = ''; });
    form.querySelectorAll('[aria-invalid]').forEach((c) => c.removeAttribute('aria-invalid'));
    let first = null;
    list.forEach(({ field, message }) => {
      const name = field === 'priceMinor' || field === 'currency' ? 'price' : field.startsWith('attributes.') ? `attr-${field.slice(11)}` : field;
      const target = errors[name];
      if (target) {
        target.textContent = message;
        const control = form.elements[name];
        if (control) { control.setAttribute('aria-invalid', 'true'); first = first || control; }
      }
    });
    if (first) first.focus();
    return first !== null;
  };

  /** What the browser can tell before asking: required fields, patterns, a price in cents. */
  const check = () => {
    const list = [];
    for (const c of form.elements) {
      if (c.name && c.validity && !c.validity.valid) list.push({ field: c.name, message: c.validationMessage });
    }
    if (!form.elements.categoryId.value) list.push({ field: 'categoryId', message: 'Choose a category.' });
    return list;
  };

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const local = check();
    if (local.length) { showErrors(local); said.textContent = 'Some fields need a look.'; said.className = 'error-text'; return; }
    showErrors([]);
    const f = form.elements;
    const body = {
      name: f.name.value.trim(), sku: f.sku.value.trim(), description: f.description.value,
      priceMinor: Math.round(Number(f.price.value.replace(',', '.')) * 100), currency: 'EUR',
      categoryId: f.categoryId.value, brandId: f.brandId.value, colour: f.colour.value, status: f.status.value,
      attributes: Object.fromEntries(ATTRIBUTES.map((a) => [a, f[`attr-${a}`].value.trim()]).filter(([, x]) => x)),
      slug: f.slug.value.trim() || undefined, seoTitle: f.seoTitle.value.trim(), seoDescription: f.seoDescription.value.trim(),
    };
    try {
      const saved = product
        ? await api(`/merchant/products/${encodeURIComponent(product.id)}`, { method: 'PATCH', body, headers: { 'If-Match': product.etag } })
        : await api('/merchant/products', { method: 'POST', body });
      said.textContent = product ? 'Saved.' : 'Created.';
      said.className = 'muted';
      if (!product) { go(new URLSearchParams({ view: 'merchant', tab: 'edit', id: saved.id }), { replace: true }); return; }
      product = saved;
    } catch (err) {
      const named = err.problem && err.problem.errors ? showErrors(err.problem.errors) : false;
      said.textContent = err.status === 412
        ? 'Someone changed this product since you opened it. Reload the page to see their change, then make yours again.'
        : named ? 'Some fields need a look.' : refusal(err);
      said.className = 'error-text';
    }
  });

  showPage(product ? product.name : 'New product', tabs, said, form,
    product ? picturesPanel(ctx, () => product, (p) => { product = p; }) : null, product ? stockPanel(ctx, product) : null);
}

const PICTURE_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const MAX_PICTURES = 8;

/** What S3 (or the local upload endpoint) said, in words for the merchant. */
function uploadRefusal(status, xml) {
  const code = (/<Code>([^<]*)<\/Code>/.exec(xml || '') || [])[1];
  if (code === 'EntityTooLarge') return 'The file is larger than 5 MB.';
  if (code === 'AccessDenied' && /expired/i.test(xml)) return 'The upload took too long and its permission expired; try again.';
  return `The upload was refused (${code || status}); try again.`;
}

/**
 * The product's pictures: upload (straight to the bucket with a signed form, with progress), then the image function's
 * verdict; reorder and remove (If-Match). {@code get}/{@code set} share the product (and its ETag) with the form.
 */
function picturesPanel({ api, el }, get, set) {
  const list = el('ol', { class: 'bo-pictures', 'data-testid': 'bo-pictures' });
  const said = el('p', { role: 'status', class: 'muted', 'data-testid': 'bo-pictures-status' });
  const progress = el('div', { class: 'bo-uploads' });
  const say = (text, error = false) => { said.textContent = text; said.className = error ? 'error-text' : 'muted'; };
  const path = () => `/merchant/products/${encodeURIComponent(get().id)}`;

  const arrange = async (images, done) => {
    try {
      set(await api(`${path()}/images`, { method: 'PUT', body: { images }, headers: { 'If-Match': get().etag } }));
      show();
      say(done);
    } catch (err) {
      say(err.status === 412 ? 'The product changed meanwhile; reload the page and try again.' : refusal(err), true);
    }
  };
  const show = () => {
    const images = get().images || [];
    list.replaceChildren(...images.map((key, i) => el('li', { 'data-testid': 'bo-picture' },
      el('img', { src: `/${small(key)}`, alt: `Picture ${i + 1} of ${get().name}`, width: 120, height: 120 }),
      i === 0 ? el('span', { class: 'badge' }, 'Shown in lists') : null,
      el('div', { class: 'bo-picture-actions' },
        el('button', { type: 'button', class: 'btn secondary', disabled: i === 0, 'aria-label': `Move picture ${i + 1} earlier`,
          onclick: () => arrange(swap(images, i, i - 1), `Picture moved to place ${i}.`) }, '←'),
        el('button', { type: 'button', class: 'btn secondary', disabled: i === images.length - 1, 'aria-label': `Move picture ${i + 1} later`,
          onclick: () => arrange(swap(images, i, i + 1), `Picture moved to place ${i + 2}.`) }, '→'),
        el('button', { type: 'button', class: 'btn secondary', 'aria-label': `Remove picture ${i + 1}`, 'data-testid': 'bo-picture-remove',
          onclick: () => arrange(images.filter((k) => k !== key), 'Picture removed.') }, 'Remove')))));
    if (!images.length) list.append(el('li', { class: 'muted' }, 'No pictures yet. Products with pictures sell better.'));
    input.disabled = images.length >= MAX_PICTURES;
  };
  const swap = (a, i, j) => { const b = [...a]; [b[i], b[j]] = [b[j], b[i]]; return b; };

  /** Sends one file where the signature says, reporting progress; resolves with the HTTP status and body. */
  const send = (signed, file, bar) => new Promise((resolve) => {
    const form = new FormData();
    Object.entries(signed.fields).forEach(([k, v]) => form.append(k, v));
    form.append('file', file);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', signed.url);
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) bar.value = Math.round((100 * e.loaded) / e.total); };
    xhr.onload = () => resolve({ status: xhr.status, body: xhr.responseText });
    xhr.onerror = () => resolve({ status: 0, body: '' });
    xhr.send(form);
  });

  const upload = async (file) => {
    const bar = el('progress', { max: 100, value: 0, 'aria-label': `Uploading ${file.name}` });
    const line = el('p', { class: 'muted' }, `${file.name}: `, bar);
    progress.append(line);
    const done = (text, error = false) => { line.replaceChildren(`${file.name}: ${text}`); line.className = error ? 'error-text' : 'muted'; };
    if (!PICTURE_TYPES.includes(file.type)) { done('not a JPEG, PNG or WebP picture.', true); return; }
    if (file.size > 5 * 1024 * 1024) { done('larger than 5 MB; make it smaller first.', true); return; }
    try {
      const signed = await api(`${path()}/images`, { method: 'POST', body: { contentType: file.type } });
      const sent = await send(signed, file, bar);
      if (sent.status === 0) { done('the connection failed; try again.', true); return; }
      if (sent.status >= 300) { done(uploadRefusal(sent.status, sent.body), true); return; }
      line.replaceChildren(`${file.name}: checking the picture…`);
      for (let waited = 0; waited < 30000; waited += 500) {
        const s = await api(signed.statusUrl.replace(/^\/api/, ''));
        if (s.status === 'ATTACHED') {
          set(await api(path()));
          show();
          done('added.');
          return;
        }
        if (s.status === 'REFUSED') { done(s.reason, true); return; }
        await new Promise((r) => setTimeout(r, 500));
      }
      done('still being checked; reload the page in a minute to see it.');
    } catch (err) { done(refusal(err), true); }
  };

  const input = el('input', { type: 'file', id: 'bo-picture-file', accept: PICTURE_TYPES.join(','), multiple: true, 'data-testid': 'bo-picture-file' });
  input.addEventListener('change', async () => {
    const files = [...input.files];
    input.value = '';
    const room = MAX_PICTURES - (get().images || []).length;
    if (files.length > room) say(`A product has at most ${MAX_PICTURES} pictures: the first ${room} of these are uploaded.`, true);
    for (const file of files.slice(0, Math.max(room, 0))) await upload(file);
  });
  show();
  return el('section', { class: 'bo-panel', 'aria-labelledby': 'pictures-heading' }, el('h2', { id: 'pictures-heading' }, 'Pictures'),
    el('p', { class: 'muted' }, `JPEG, PNG or WebP, up to 5 MB and at least 200 pixels a side; up to ${MAX_PICTURES}. `
      + 'The first is the one shoppers see in lists. Location and camera details are removed.'),
    list, el('div', { class: 'field bo-pictures-add' }, el('label', { for: 'bo-picture-file' }, 'Add pictures'), input), progress, said);
}

function stockPanel({ api, el }, product) {
  const level = el('p', { 'data-testid': 'bo-stock-level' });
  const history = el('ol', { class: 'bo-movements', 'data-testid': 'bo-movements' });
  const said = el('p', { role: 'status', class: 'muted' });
  const show = (s) => {
    level.replaceChildren(el('strong', {}, `${number.format(s.available)} available`),
      s.reserved ? ` · ${number.format(s.reserved)} held by unpaid orders` : '');
    if (s.movements) {
      history.replaceChildren(...s.movements.map((m) => el('li', {},
        el('strong', {}, `${m.delta > 0 ? '+' : ''}${m.delta}`), ` ${m.reason}: ${m.availableBefore} → ${m.availableAfter}`,
        m.note ? ` — ${m.note}` : '', ' ', el('time', { class: 'muted', datetime: m.at }, new Date(m.at).toLocaleString('en-GB')))));
    }
  };
  const mode = el('select', { name: 'mode', 'aria-label': 'How to change the stock' }, el('option', { value: 'delta' }, 'Add or remove'), el('option', { value: 'set' }, 'Set to'));
  const amount = el('input', { type: 'number', name: 'amount', step: 1, required: true, 'aria-label': 'Units', 'data-testid': 'bo-stock-amount' });
  const reason = el('select', { name: 'reason', 'aria-label': 'Reason' }, REASONS.map(([v, l]) => el('option', { value: v }, l)));
  const note = el('input', { name: 'note', maxlength: 200, placeholder: 'Note (optional)', 'aria-label': 'Note' });
  const form = el('form', { class: 'bo-stock', 'data-testid': 'bo-stock' }, mode, amount, reason, note,
    el('button', { type: 'submit', class: 'btn secondary' }, 'Adjust stock'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const n = Number(amount.value);
    if (!Number.isInteger(n) || (mode.value === 'delta' && n === 0) || (mode.value === 'set' && n < 0)) {
      said.textContent = mode.value === 'set' ? 'Enter the units you counted (0 or more).' : 'Enter the units to add, or a negative number to remove.';
      said.className = 'error-text';
      amount.focus();
      return;
    }
    try {
      await api(`/merchant/products/${encodeURIComponent(product.id)}/stock`, { method: 'POST',
        body: { [mode.value]: n, reason: reason.value, note: note.value || undefined } });
      show(await api(`/merchant/products/${encodeURIComponent(product.id)}/stock`));
      said.textContent = 'Stock updated.';
      said.className = 'muted';
      amount.value = '';
    } catch (err) { said.textContent = refusal(err); said.className = 'error-text'; }
  });
  api(`/merchant/products/${encodeURIComponent(product.id)}/stock`).then(show).catch((err) => { said.textContent = refusal(err); });
  return el('section', { class: 'bo-panel', 'aria-labelledby': 'stock-heading' }, el('h2', { id: 'stock-heading' }, 'Stock'), level, form, said,
    el('h3', {}, 'Latest movements'), history);
}

async function shipments({ api, el, showPage, params, isCurrent }, tabs) {
  const status = params.get('status') || 'PENDING';
  const list = el('ul', { class: 'bo-shipments', 'data-testid': 'bo-shipments' });
  const said = el('p', { role: 'status', class: 'muted' }, 'Loading…');
  const filter = el('div', { class: 'actions', role: 'group', 'aria-label': 'Show shipments' },
    Object.entries(PARCEL_LABEL).map(([s, l]) => el('a', { href: `?view=merchant&tab=shipments&status=${s}`, 'data-nav': true,
      class: `pill${s === status ? ' on' : ''}`, 'aria-current': s === status ? 'true' : null }, l)));
  showPage('Shipments', tabs, filter, said, list);
  const card = (s) => {
    const out = el('p', { role: 'status', class: 'muted' });
    const actions = el('div', { class: 'actions' });
    const step = async (body) => {
      try {
        const next = await api(`/merchant/shipments/${encodeURIComponent(s.orderId)}`, { method: 'PATCH', body });
        li.replaceWith(card(next));
      } catch (err) { out.textContent = refusal(err); out.className = 'error-text'; }
    };
    if (s.status === 'PENDING') actions.append(el('button', { type: 'button', class: 'btn secondary', onclick: () => step({ status: 'PACKED' }) }, 'Mark packed'));
    if (s.status === 'PENDING' || s.status === 'PACKED') {
      const carrier = el('input', { name: 'carrier', placeholder: 'Carrier', 'aria-label': 'Carrier', required: true, maxlength: 40 });
      const tracking = el('input', { name: 'trackingNumber', placeholder: 'Tracking number', 'aria-label': 'Tracking number', required: true, maxlength: 40 });
      const ship = el('form', { class: 'bo-ship' }, carrier, tracking, el('button', { type: 'submit', class: 'btn' }, 'Ship'));
      ship.addEventListener('submit', (e) => { e.preventDefault(); step({ status: 'SHIPPED', carrier: carrier.value.trim(), trackingNumber: tracking.value.trim() }); });
      actions.append(ship);
    }
    if (s.status === 'SHIPPED') actions.append(el('button', { type: 'button', class: 'btn', onclick: () => step({ status: 'DELIVERED' }) }, 'Mark delivered'));
    const li = el('li', { class: 'bo-panel', 'data-testid': 'bo-shipment', 'data-order': s.orderId },
      el('h2', {}, `Order ${s.orderId.slice(-8)}`, ' ', el('span', { class: `badge parcel-${s.status.toLowerCase()}` }, PARCEL_LABEL[s.status] || s.status)),
      el('ul', {}, s.items.map((i) => el('li', {}, `${i.quantity} × ${i.name}`, el('span', { class: 'muted' }, ` ${i.sku}`)))),
      s.trackingNumber ? el('p', {}, `${s.carrier} ${s.trackingNumber}`) : null,
      el('p', { class: 'muted' }, s.history.map((h) => `${PARCEL_LABEL[h.status] || h.status} ${new Date(h.at).toLocaleDateString('en-GB')}`).join(' · ')),
      actions, out);
    return li;
  };
  try {
    const page = await api(`/merchant/shipments?status=${status}&limit=50`);
    if (!isCurrent()) return;
    page.items.forEach((s) => list.append(card(s)));
    said.textContent = page.items.length ? '' : `Nothing ${(PARCEL_LABEL[status] || status).toLowerCase()} right now.`;
  } catch (err) { said.textContent = refusal(err); said.className = 'error-text'; }
}

async function dashboard({ api, el, showPage, params, go, isCurrent }, tabs) {
  const today = new Date();
  const to = params.get('to') || isoDay(today);
  const from = params.get('from') || isoDay(new Date(today.getTime() - 29 * 86400000));
  const range = el('form', { class: 'insight-range' },
    el('label', {}, 'From', el('input', { type: 'date', name: 'from', value: from, required: true })),
    el('label', {}, 'To', el('input', { type: 'date', name: 'to', value: to, required: true })),
    el('button', { type: 'submit', class: 'btn secondary' }, 'Show'));
  range.addEventListener('submit', (e) => {
    e.preventDefault();
    const f = new FormData(range);
    go(new URLSearchParams({ view: 'merchant', tab: 'dashboard', from: f.get('from'), to: f.get('to') }));
  });
  const body = el('div', { 'data-testid': 'bo-dashboard' }, el('p', { class: 'muted', role: 'status' }, 'Loading…'));
  showPage('Sales', tabs, range, body);
  let d;
  try {
    d = await api(`/merchant/dashboard?from=${from}&to=${to}`);
  } catch (err) {
    body.replaceChildren(el('p', { class: 'error-text', role: 'alert' }, refusal(err)));
    return;
  }
  if (!isCurrent()) return;
  const kpi = (label, value, testid) => el('div', { class: 'kpi', 'data-testid': testid }, el('span', { class: 'muted' }, label), el('strong', {}, value));
  const canvas = el('canvas', { role: 'img', 'aria-label': `Revenue by day, ${from} to ${to}` });
  const chartNote = el('p', { class: 'muted' });
  body.replaceChildren(
    el('div', { class: 'kpis' }, kpi('Revenue, net of refunds', euros(d.revenueMinor), 'bo-revenue'), kpi('Orders', number.format(d.orders), 'bo-orders'),
      kpi('Units', number.format(d.units), 'bo-units'), kpi('Average order', euros(d.averageOrderValueMinor), 'bo-aov'),
      kpi('Refunded', euros(d.refundedMinor), 'bo-refunded')),
    el('section', { class: 'insight' }, el('h2', {}, 'Revenue by day'), el('div', { class: 'chart-box' }, canvas), chartNote),
    el('div', { class: 'insights' },
      el('section', { class: 'insight' }, el('h2', {}, 'Best sellers'), d.topProducts.length
        ? el('table', { class: 'insight-table' }, el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Product'), el('th', { scope: 'col', class: 'num' }, 'Units'), el('th', { scope: 'col', class: 'num' }, 'Sold for'))),
          el('tbody', {}, d.topProducts.map((t) => el('tr', {}, el('th', { scope: 'row' }, t.name), el('td', { class: 'num' }, number.format(t.units)), el('td', { class: 'num' }, euros(t.grossMinor))))))
        : el('p', { class: 'muted' }, 'Nothing sold in this range.')),
      el('section', { class: 'insight', 'data-testid': 'bo-low-stock' }, el('h2', {}, 'Running low'), d.lowStock.length
        ? el('ul', {}, d.lowStock.map((l) => el('li', {}, el('a', { href: `?view=merchant&tab=edit&id=${encodeURIComponent(l.productId)}`, 'data-nav': true }, l.name), ` — ${l.available} left`)))
        : el('p', { class: 'muted' }, 'Every published product has 5 or more.'))));
  try {
    const Chart = await loadCharts('The chart library did not load; the figures above and the tables show every number.');
    if (!isCurrent()) return;
    // eslint-disable-next-line no-new
    new Chart(canvas, { type: 'bar', data: { labels: d.series.map((s) => s.day.slice(5)),
      datasets: [{ label: 'Revenue (EUR)', data: d.series.map((s) => s.revenueMinor / 100), backgroundColor: '#4f7d4a' }] },
      options: { maintainAspectRatio: false, animation: false, plugins: { legend: { display: false } } } });
  } catch (err) { chartNote.textContent = err.message; }
}

/** Sends the file as the API wants it (text/csv), with the caller's token; the answer or a refusal. */
async function upload(api, file, run) {
  const text = await file.text();
  return api(`/merchant/imports${run ? '?run=true' : ''}`, { method: 'POST', raw: text, headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
}

async function importWizard({ api, el, showPage, isCurrent }, tabs) {
  const file = el('input', { type: 'file', accept: '.csv,text/csv', id: 'import-file', required: true, 'data-testid': 'bo-import-file' });
  const said = el('p', { role: 'status', class: 'muted', 'data-testid': 'bo-import-status' });
  const report = el('div', { 'data-testid': 'bo-import-report' });
  const progress = el('progress', { max: 100, value: 0, hidden: true, 'aria-label': 'Import progress', 'data-testid': 'bo-import-progress' });
  const runButton = el('button', { type: 'button', class: 'btn', hidden: true, 'data-testid': 'bo-import-run' }, 'Import the valid rows');
  const template = el('a', { href: '#', 'data-testid': 'bo-import-template' }, 'Download the template');
  template.addEventListener('click', async (e) => {
    e.preventDefault();
    try { download(await api('/merchant/import-template', { text: true }), 'verdant-import-template.csv'); } catch (err) { said.textContent = refusal(err); }
  });
  let job = null;
  const show = (j) => {
    job = j;
    const rows = [['Rows in the file', j.rowsTotal], ['Valid', j.rowsValid], ['With problems', j.errorCount]];
    if (j.status !== 'VALIDATED') rows.push(['Done', `${j.rowsDone} of ${j.rowsValid}`], ['Created', j.created], ['Updated', j.updated], ['Unchanged', j.unchanged]);
    const errorsLink = j.errorCount ? el('a', { href: '#', 'data-testid': 'bo-import-errors' }, 'Download the error report (CSV)') : null;
    if (errorsLink) {
      errorsLink.addEventListener('click', async (e) => {
        e.preventDefault();
        download(await api(`/merchant/imports/${encodeURIComponent(j.id)}/errors`, { text: true }), `import-${j.id}-errors.csv`);
      });
    }
    report.replaceChildren(
      el('table', { class: 'insight-table' }, el('tbody', {}, rows.map(([k, v]) => el('tr', {}, el('th', { scope: 'row' }, k), el('td', { class: 'num' }, String(v)))))),
      j.errors.length ? el('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': 'Rows with problems' },
        el('table', { class: 'insight-table', 'data-testid': 'bo-import-problems' },
          el('thead', {}, el('tr', {}, ['Row', 'Column', 'Problem'].map((h) => el('th', { scope: 'col' }, h)))),
          el('tbody', {}, j.errors.map((e) => el('tr', {}, el('td', {}, String(e.row)), el('td', {}, e.column), el('td', {}, e.message)))))) : null,
      errorsLink);
    runButton.hidden = j.status !== 'VALIDATED' || !j.rowsValid;
    progress.hidden = j.status === 'VALIDATED';
    progress.value = j.rowsValid ? Math.round((100 * j.rowsDone) / j.rowsValid) : 100;
    said.textContent = { VALIDATED: j.rowsValid ? 'Checked: nothing is imported yet.' : 'No row can be imported; fix the file and upload it again.',
      QUEUED: 'Queued…', RUNNING: `Importing… ${progress.value}%`, DONE: 'Done.' }[j.status] || j.status;
    if (j.stalled) said.textContent = 'This import has not moved for 5 minutes; the shop\'s team has been alerted.';
  };
  const poll = async () => {
    while (job && job.status !== 'DONE' && job.status !== 'VALIDATED' && isCurrent()) {
      await new Promise((r) => setTimeout(r, 700));
      show(await api(`/merchant/imports/${encodeURIComponent(job.id)}`));
    }
  };
  const form = el('form', { class: 'bo-stock', 'data-testid': 'bo-import-form' }, el('label', { for: 'import-file' }, 'CSV file'), file,
    el('button', { type: 'submit', class: 'btn secondary' }, 'Check the file'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!file.files.length) { said.textContent = 'Choose a CSV file first.'; file.focus(); return; }
    said.textContent = 'Checking every row…';
    try { show(await upload(api, file.files[0], false)); } catch (err) { report.replaceChildren(); said.textContent = refusal(err); said.className = 'error-text'; }
  });
  runButton.addEventListener('click', async () => {
    try { show(await api(`/merchant/imports/${encodeURIComponent(job.id)}/run`, { method: 'POST' })); await poll(); } catch (err) { said.textContent = refusal(err); }
  });
  showPage('Import products', tabs,
    el('p', {}, 'Add or update many products at once from a CSV file (UTF-8, up to 10 MB and 50,000 rows). Products are matched by your SKU; ',
      'the file is checked first and nothing changes until you import it. ', template, '.'),
    form, said, progress, report, runButton);
}

/** Offers text as a file to save. */
function download(text, name) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
}

