// The admins' pages (?view=admin): the shop's merchants, and making one (someone new is invited to the staff sign-in by
// email: a temporary password, then their own password and an authenticator app; a member of staff already there sees
// the back office at their next sign-in); the audit log, with each change's fields before and after. The API decides what an
// admin may do; every refusal is shown as it says it.
function refusal(err) {
  const fields = err.problem && err.problem.errors ? err.problem.errors.map((e) => `${e.field}: ${e.message}`) : [];
  return fields.length ? fields.join(' ') : err.message;
}

const ENTITIES = ['product', 'order', 'payment', 'shipment', 'merchant', 'category', 'brand'];

/** A value as the log keeps it (JSON text): strings without their quotes, nothing as a dash. */
function shown(v) {
  if (v === undefined || v === null) return '—';
  try { const x = JSON.parse(v); return typeof x === 'string' ? x : JSON.stringify(x); } catch { return v; }
}

function who(actor) {
  const role = actor.role === 'system' ? `the ${actor.id}` : `${actor.role} ${actor.id}`;
  return role + (actor.ip ? ` from ${actor.ip}` : '');
}

/** The audit viewer: filters, entries newest first, each change's diff; more pages on request. */
function auditPanel({ api, el }) {
  const list = el('ol', { class: 'audit-list', 'data-testid': 'audit-entries', 'aria-live': 'polite' });
  const said = el('p', { role: 'status', class: 'muted', 'data-testid': 'audit-said' });
  const more = el('button', { type: 'button', class: 'btn secondary', hidden: true, 'data-testid': 'audit-more' }, 'Older entries');
  let next = null;
  let query = '';
  const entry = (e) => el('li', { class: 'audit-entry', 'data-testid': 'audit-entry', 'data-entity': e.entity, 'data-id': e.entityId },
    el('details', {},
      el('summary', {},
        el('time', { datetime: e.at }, new Date(e.at).toLocaleString('en-GB')), ' ',
        el('strong', {}, `${e.entity} ${e.entityId}`), ` ${e.action} by ${who(e.actor)}`,
        el('span', { class: 'muted' }, ` · ${e.changes.length} field${e.changes.length === 1 ? '' : 's'}`)),
      el('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': `Changes of ${e.entity} ${e.entityId}` },
        el('table', { class: 'orders-table audit-diff', 'data-testid': 'audit-diff' },
          el('thead', {}, el('tr', {}, ['Field', 'Before', 'After'].map((h) => el('th', { scope: 'col' }, h)))),
          el('tbody', {}, ...e.changes.map((c) => el('tr', {},
            el('th', { scope: 'row' }, c.field),
            el('td', { class: 'audit-before' }, el('del', {}, shown(c.before))),
            el('td', { class: 'audit-after' }, el('ins', {}, shown(c.after)))))))),
      el('p', { class: 'muted' }, `Request ${e.actor.requestId || '—'} · change ${e.eventId}`)));
  const fetchPage = async (append) => {
    try {
      const page = await api(`/admin/audit?${query}${append && next ? `&cursor=${encodeURIComponent(next)}` : ''}`);
      if (!append) list.replaceChildren();
      list.append(...page.items.map(entry));
      next = page.next || null;
      more.hidden = !next;
      said.className = 'muted';
      said.textContent = list.children.length ? `${list.children.length} entr${list.children.length === 1 ? 'y' : 'ies'} shown, newest first.`
        : 'Nothing on the log for these filters.';
    } catch (err) { said.textContent = refusal(err); said.className = 'error-text'; }
  };
  const form = el('form', { class: 'form form-inline', 'aria-label': 'Filter the audit log', 'data-testid': 'audit-filter' },
    el('label', {}, 'What', el('select', { name: 'entity', 'data-testid': 'audit-entity' },
      el('option', { value: '' }, 'Everything'), ...ENTITIES.map((x) => el('option', { value: x }, x)))),
    el('label', {}, 'Its id', el('input', { name: 'id', autocomplete: 'off', 'data-testid': 'audit-id' })),
    el('label', {}, 'Who (role:id)', el('input', { name: 'actor', autocomplete: 'off', placeholder: 'system:sweeper', 'data-testid': 'audit-actor' })),
    el('label', {}, 'From', el('input', { name: 'from', type: 'date' })),
    el('label', {}, 'Before', el('input', { name: 'to', type: 'date' })),
    el('button', { type: 'submit', class: 'btn', 'data-testid': 'audit-show' }, 'Show'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = form.elements;
    const q = new URLSearchParams();
    ['entity', 'id', 'actor', 'from', 'to'].forEach((k) => { if (f[k].value.trim()) q.set(k, f[k].value.trim()); });
    query = q.toString();
    next = null;
    await fetchPage(false);
  });
  more.addEventListener('click', () => fetchPage(true));
  // another panel asks for one thing's history: the filters say so, and the list shows it
  const show = async (entity, id) => {
    form.elements.entity.value = entity;
    form.elements.id.value = id;
    query = new URLSearchParams({ entity, id }).toString();
    next = null;
    await fetchPage(false);
    form.scrollIntoView({ block: 'start' });
  };
  return { show, panel: el('section', { class: 'bo-panel', 'aria-labelledby': 'audit-h' }, el('h2', { id: 'audit-h' }, 'Audit log'),
    el('p', { class: 'muted' }, 'Every change to products, orders, payments, shipments, merchants, categories and brands: who made it, and each field before and after.'),
    form, said, list, more), load: () => fetchPage(false) };
}

function price(m) {
  if (!m) return '';
  const fmt = new Intl.NumberFormat('en-IE', { style: 'currency', currency: m.currency });
  return fmt.format(m.amount / 10 ** fmt.resolvedOptions().maximumFractionDigits);
}

/** The order desk: find orders by id, email or status (DISPUTED: flagged by Stripe), open one, refund, read its history. */
function ordersPanel({ api, el, showHistory }) {
  const list = el('ul', { class: 'cat-list', 'data-testid': 'desk-orders' });
  const said = el('p', { role: 'status', class: 'muted', 'data-testid': 'desk-said' });
  const tell = (text, ok) => { said.textContent = text; said.className = ok ? 'message' : 'error-text'; };
  const open = async (o, box) => {
    try {
      const d = await api(`/admin/orders/${encodeURIComponent(o.orderId)}`);
      const amount = el('input', { type: 'number', min: '0.01', step: '0.01', 'aria-label': 'Amount to refund', placeholder: 'All that is left' });
      const reason = el('input', { required: true, minlength: 3, maxlength: 200, 'aria-label': 'Why', placeholder: 'Why' });
      const refund = el('form', { class: 'form-inline-small', 'data-testid': 'desk-refund' }, amount, reason,
        el('button', { type: 'submit', class: 'btn secondary' }, 'Refund'));
      refund.addEventListener('submit', async (e) => {
        e.preventDefault();
        const body = { reason: reason.value.trim() };
        if (amount.value) body.amount = Math.round(Number(amount.value) * 100);
        try {
          await api(`/admin/orders/${encodeURIComponent(o.orderId)}/refund`, { method: 'POST', body, headers: { 'Idempotency-Key': crypto.randomUUID() } });
          tell(`Refund asked for on ${o.orderId}; the payment provider confirms it shortly.`, true);
          await open(o, box);
        } catch (err) { tell(refusal(err)); }
      });
      const history = el('button', { type: 'button', class: 'btn secondary', 'data-testid': 'desk-history' }, 'History');
      history.addEventListener('click', () => showHistory('order', o.orderId));
      box.replaceChildren(
        el('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': `Payments of ${o.orderId}` },
          el('table', { class: 'orders-table', 'data-testid': 'desk-payments' },
            el('thead', {}, el('tr', {}, ['Provider', 'Status', 'Amount', 'Refunded', 'Updated'].map((h) => el('th', { scope: 'col' }, h)))),
            el('tbody', {}, ...(d.payments.length ? d.payments.map((p) => el('tr', {}, el('td', {}, p.provider), el('td', {}, p.status),
              el('td', {}, price(p.amount)), el('td', {}, price(p.refunded)), el('td', {}, new Date(p.updatedAt).toLocaleString('en-GB'))))
              : [el('tr', {}, el('td', { colspan: 5, class: 'muted' }, 'No payment started.'))])))),
        d.order.payment && d.order.payment.disputed ? el('p', { class: 'error-text' }, 'The customer disputed this payment with their bank.') : '',
        refund, history);
    } catch (err) { tell(refusal(err)); }
  };
  const row = (o) => {
    const box = el('div', {});
    const openBtn = el('button', { type: 'button', class: 'btn secondary' }, 'Open');
    openBtn.addEventListener('click', () => open(o, box));
    return el('li', { class: 'cat-row', 'data-testid': 'desk-order', 'data-id': o.orderId },
      el('div', {}, el('strong', {}, o.orderId.slice(-8).toUpperCase()), ` · ${o.status}`,
        o.payment && o.payment.disputed ? el('span', { class: 'error-text' }, ' · disputed') : '',
        ` · ${price(o.total)} · ${o.email || o.customerId} · ${new Date(o.createdAt).toLocaleString('en-GB')}`,
        o.placedBy ? el('span', { class: 'muted' }, ' · by phone') : ''),
      openBtn, box);
  };
  const form = el('form', { class: 'form form-inline', 'aria-label': 'Find orders', 'data-testid': 'desk-find' },
    el('label', {}, 'Order id', el('input', { name: 'id', autocomplete: 'off' })),
    el('label', {}, 'Customer email', el('input', { name: 'email', type: 'email', autocomplete: 'off' })),
    el('label', {}, 'Status', el('select', { name: 'status', 'data-testid': 'desk-status' },
      ...['', 'PENDING_PAYMENT', 'PAID', 'CONFIRMED', 'CANCELLED', 'EXPIRED', 'REFUNDED', 'DISPUTED'].map((x) => el('option', { value: x }, x || 'Any')))),
    el('button', { type: 'submit', class: 'btn' }, 'Find'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const q = new URLSearchParams();
    ['id', 'email', 'status'].forEach((k) => { if (form.elements[k].value.trim()) q.set(k, form.elements[k].value.trim()); });
    try {
      const page = await api(`/admin/orders?${q}`);
      list.replaceChildren(...page.items.map(row));
      tell(page.items.length ? `${page.items.length} order${page.items.length === 1 ? '' : 's'}, newest first.` : 'No order matches.', true);
    } catch (err) { tell(refusal(err)); }
  });
  return el('section', { class: 'bo-panel', 'aria-labelledby': 'desk-h' }, el('h2', { id: 'desk-h' }, 'Orders'), form, said, list);
}

/** Brands (rename, retire, bring back) and moderation (take any product out of the shop, with a reason). */
function brandsPanel({ api, el }) {
  const list = el('ul', { class: 'cat-list', 'data-testid': 'brand-list' });
  const said = el('p', { role: 'status', class: 'muted', 'data-testid': 'brand-said' });
  const tell = (text, ok) => { said.textContent = text; said.className = ok ? 'message' : 'error-text'; };
  const row = (b) => {
    const name = el('input', { value: b.name, minlength: 2, maxlength: 60, required: true, 'aria-label': `Name of ${b.name}` });
    const save = el('form', { class: 'form-inline-small' }, name, el('button', { type: 'submit', class: 'btn secondary' }, 'Rename'));
    save.addEventListener('submit', async (e) => {
      e.preventDefault();
      try { await api(`/admin/brands/${encodeURIComponent(b.brandId)}`, { method: 'PATCH', body: { name: name.value.trim() } }); await load(); tell('Saved.', true); }
      catch (err) { tell(refusal(err)); }
    });
    const toggle = el('button', { type: 'button', class: 'btn secondary', 'data-testid': 'brand-retire' }, b.retired ? 'Bring back' : 'Retire');
    toggle.addEventListener('click', async () => {
      try {
        await api(`/admin/brands/${encodeURIComponent(b.brandId)}`, { method: 'PATCH', body: { retired: !b.retired } });
        await load();
        tell(b.retired ? `${b.name} is offered again.` : `${b.name} is retired: merchants cannot choose it; its products keep the name.`, true);
      } catch (err) { tell(refusal(err)); }
    });
    return el('li', { class: 'cat-row', 'data-testid': 'brand-row', 'data-id': b.brandId },
      el('div', {}, el('strong', {}, b.name), b.retired ? el('span', { class: 'muted' }, ' · retired') : ''), save, toggle);
  };
  const add = el('form', { class: 'form-inline-small', 'aria-label': 'Add a brand', 'data-testid': 'brand-add' },
    el('input', { name: 'name', required: true, minlength: 2, maxlength: 60, placeholder: 'New brand', 'aria-label': 'New brand\'s name' }),
    el('button', { type: 'submit', class: 'btn' }, 'Add'));
  add.addEventListener('submit', async (e) => {
    e.preventDefault();
    try { const b = await api('/admin/brands', { method: 'POST', body: { name: add.elements.name.value.trim() } }); add.reset(); await load(); tell(`${b.name} added.`, true); }
    catch (err) { tell(refusal(err)); }
  });
  const product = el('input', { name: 'productId', required: true, autocomplete: 'off', 'aria-label': 'Product id', placeholder: 'Product id' });
  const reason = el('input', { name: 'reason', required: true, minlength: 3, maxlength: 300, 'aria-label': 'Why (the merchant reads this)', placeholder: 'Why (the merchant reads this)' });
  const moderate = el('form', { class: 'form-inline-small', 'aria-label': 'Take a product out of the shop', 'data-testid': 'moderate' },
    product, reason, el('button', { type: 'submit', class: 'btn secondary' }, 'Take out of the shop'));
  moderate.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const m = await api(`/admin/products/${encodeURIComponent(product.value.trim())}/moderation`, { method: 'POST', body: { reason: reason.value.trim() } });
      tell(`Product ${m.productId} of ${m.merchantId} is archived; its merchant reads why.`, true);
      moderate.reset();
    } catch (err) { tell(refusal(err)); }
  });
  const load = async () => {
    try { list.replaceChildren(...(await api('/admin/brands')).items.map(row)); } catch (err) { tell(refusal(err)); }
  };
  return { panel: el('section', { class: 'bo-panel', 'aria-labelledby': 'brands-h' }, el('h2', { id: 'brands-h' }, 'Brands and moderation'),
    add, said, list, el('h3', {}, 'Take a product out of the shop'), moderate), load };
}

/** The category tree editor: add, rename, move (with what it holds), delete (into another category). */
function categoriesPanel({ api, el }) {
  const list = el('ul', { class: 'cat-list', 'data-testid': 'cat-tree' });
  const said = el('p', { role: 'status', class: 'muted', 'data-testid': 'cat-said' });
  let rows = [];
  const tell = (text, ok) => { said.textContent = text; said.className = ok ? 'message' : 'error-text'; };
  const options = (exclude, top) => [el('option', { value: '' }, top),
    ...rows.filter((r) => !exclude.has(r.categoryId)).map((r) => el('option', { value: r.categoryId }, `${'— '.repeat(r.depth)}${r.name}`))];
  const subtreeOf = (id) => {
    const out = new Set([id]);
    let grew = true;
    while (grew) { grew = false; rows.forEach((r) => { if (r.parentId && out.has(r.parentId) && !out.has(r.categoryId)) { out.add(r.categoryId); grew = true; } }); }
    return out;
  };
  const row = (r) => {
    const name = el('input', { value: r.name, 'aria-label': `Name of ${r.name}`, minlength: 2, maxlength: 60, required: true });
    const parent = el('select', { 'aria-label': `Where ${r.name} goes`, 'data-testid': 'cat-parent' }, ...options(subtreeOf(r.categoryId), 'Top level'));
    parent.value = r.parentId || '';
    const save = el('form', { class: 'form-inline-small' }, name, parent, el('button', { type: 'submit', class: 'btn secondary' }, 'Save'));
    save.addEventListener('submit', async (e) => {
      e.preventDefault();
      const body = { name: name.value.trim() };
      if ((parent.value || null) !== (r.parentId || null)) { body.parentId = parent.value; body.withContents = true; }
      try { await api(`/admin/categories/${encodeURIComponent(r.categoryId)}`, { method: 'PATCH', body }); await load(); tell(`${body.name} saved.`, true); }
      catch (err) { tell(refusal(err)); }
    });
    const into = el('select', { 'aria-label': `Where what ${r.name} holds goes`, 'data-testid': 'cat-into' }, ...options(subtreeOf(r.categoryId), 'Nowhere: it is empty'));
    const del = el('form', { class: 'form-inline-small' }, into, el('button', { type: 'submit', class: 'btn secondary' }, 'Delete'));
    del.addEventListener('submit', async (e) => {
      e.preventDefault();
      try {
        const d = await api(`/admin/categories/${encodeURIComponent(r.categoryId)}${into.value ? `?reassignTo=${encodeURIComponent(into.value)}` : ''}`, { method: 'DELETE' });
        await load();
        tell(`${r.name} deleted${d.reassignedTo ? `: ${d.products} product(s) and ${d.children} subcategor${d.children === 1 ? 'y' : 'ies'} moved` : ''}.`, true);
      } catch (err) { tell(refusal(err)); }
    });
    return el('li', { class: 'cat-row', style: `margin-left: ${Math.min(r.depth, 6) * 1.2}rem`, 'data-testid': 'cat-row', 'data-id': r.categoryId },
      el('div', {}, el('strong', { 'data-testid': 'cat-name' }, r.name), el('span', { class: 'muted', 'data-testid': 'cat-counts' }, ` · ${r.products} product${r.products === 1 ? '' : 's'}, ${r.children} sub`)),
      save, del);
  };
  const add = el('form', { class: 'form-inline-small', 'aria-label': 'Add a category', 'data-testid': 'cat-add' },
    el('input', { name: 'name', required: true, minlength: 2, maxlength: 60, placeholder: 'New category', 'aria-label': 'New category\'s name' }),
    el('select', { name: 'parentId', 'aria-label': 'Under', 'data-testid': 'cat-add-parent' }),
    el('button', { type: 'submit', class: 'btn' }, 'Add'));
  add.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const c = await api('/admin/categories', { method: 'POST', body: { name: add.elements.name.value.trim(), parentId: add.elements.parentId.value || null } });
      add.reset(); await load(); tell(`${c.name} added.`, true);
    } catch (err) { tell(refusal(err)); }
  });
  const load = async () => {
    try {
      rows = (await api('/admin/categories')).items;
      add.elements.parentId.replaceChildren(...options(new Set(), 'Top level'));
      list.replaceChildren(...rows.map(row));
    } catch (err) { tell(refusal(err)); }
  };
  return { panel: el('section', { class: 'bo-panel', 'aria-labelledby': 'cats-h' }, el('h2', { id: 'cats-h' }, 'Categories'),
    el('p', { class: 'muted' }, 'Moving a category takes its products and subcategories with it; deleting one that holds any needs a category to take them. The shop follows within a second.'),
    add, said, el('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': 'Category tree' }, list)), load };
}

export async function viewAdmin({ api, el, showPage }) {
  const body = el('tbody', {});
  const said = el('p', { role: 'status', class: 'muted', 'data-testid': 'admin-said' });
  // suspending asks why (the merchant reads it); reinstating needs no reason
  const standing = (m) => {
    if (m.status === 'SUSPENDED') {
      const back = el('button', { type: 'button', class: 'btn secondary', 'data-testid': 'admin-reinstate' }, 'Reinstate');
      back.addEventListener('click', async () => {
        try {
          const r = await api(`/admin/merchants/${encodeURIComponent(m.merchantId)}/suspension`, { method: 'DELETE' });
          await load();
          said.textContent = `${m.displayName} is reinstated: ${r.productsMoved} product${r.productsMoved === 1 ? ' is' : 's are'} back in the shop.`;
          said.className = 'message';
        } catch (err) { said.textContent = refusal(err); said.className = 'error-text'; }
      });
      return back;
    }
    const reason = el('input', { name: 'reason', required: true, minlength: 3, maxlength: 300, 'aria-label': `Why ${m.displayName} is suspended`,
      placeholder: 'Why (the merchant reads this)', 'data-testid': 'admin-suspend-reason' });
    const f = el('form', { class: 'form-inline-small', 'data-testid': 'admin-suspend' }, reason,
      el('button', { type: 'submit', class: 'btn secondary' }, 'Suspend'));
    f.addEventListener('submit', async (e) => {
      e.preventDefault();
      try {
        const r = await api(`/admin/merchants/${encodeURIComponent(m.merchantId)}/suspension`, { method: 'POST', body: { reason: reason.value.trim() } });
        await load();
        said.textContent = `${m.displayName} is suspended: ${r.productsMoved} product${r.productsMoved === 1 ? '' : 's'} left the shop; their back office is read-only.`;
        said.className = 'message';
      } catch (err) { said.textContent = refusal(err); said.className = 'error-text'; }
    });
    return f;
  };
  const load = async () => {
    try {
      const page = await api('/admin/merchants');
      body.replaceChildren(...page.items.map((m) => el('tr', { 'data-testid': 'admin-merchant', 'data-id': m.merchantId, 'data-status': m.status },
        el('th', { scope: 'row' }, m.displayName, el('div', { class: 'muted' }, m.merchantId)),
        el('td', {}, m.email), el('td', {}, new Date(m.createdAt).toLocaleDateString('en-GB')),
        el('td', {}, m.status === 'SUSPENDED' ? el('span', {}, 'Suspended', el('div', { class: 'muted' }, m.suspendedBecause || '')) : 'Active'),
        el('td', {}, standing(m)))));
      if (!page.items.length) body.append(el('tr', {}, el('td', { colspan: 5, class: 'muted' }, 'No merchants made here yet.')));
    } catch (err) { said.textContent = err.status === 403 ? `These pages are for admins: ${err.message}` : refusal(err); said.className = 'error-text'; }
  };
  const form = el('form', { class: 'form', 'aria-label': 'Make a merchant', 'data-testid': 'admin-make-merchant' },
    el('label', {}, 'Their work email', el('input', { name: 'email', type: 'email', required: true, autocomplete: 'off', 'data-testid': 'admin-email' })),
    el('label', {}, 'Shop name shoppers see', el('input', { name: 'displayName', required: true, minlength: 2, maxlength: 60, 'data-testid': 'admin-name' })),
    el('button', { type: 'submit', class: 'btn', 'data-testid': 'admin-make' }, 'Make merchant'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = form.elements;
    try {
      const m = await api('/admin/merchants', { method: 'POST', body: { email: f.email.value.trim(), displayName: f.displayName.value.trim() } });
      said.textContent = m.invited
        ? `${m.displayName} (${m.merchantId}) is a merchant. ${m.email} has been emailed a staff invitation: a temporary password for the staff sign-in, where they choose their own and set up an authenticator app.`
        : `${m.displayName} (${m.merchantId}) is a merchant. ${m.email} sees "Your shop" at their next staff sign-in.`;
      said.className = 'message';
      form.reset();
      await load();
    } catch (err) { said.textContent = refusal(err); said.className = 'error-text'; }
  });
  const staffSaid = el('p', { role: 'status', class: 'muted', 'data-testid': 'staff-said' });
  const staffForm = el('form', { class: 'form', 'aria-label': 'Add a member of staff', 'data-testid': 'admin-invite-staff' },
    el('label', {}, 'Their work email', el('input', { name: 'email', type: 'email', required: true, autocomplete: 'off', 'data-testid': 'staff-email-input' })),
    el('label', {}, 'Their name', el('input', { name: 'name', required: true, minlength: 2, maxlength: 60, autocomplete: 'off', 'data-testid': 'staff-name' })),
    el('label', {}, 'Role', el('select', { name: 'role', 'data-testid': 'staff-role' },
      el('option', { value: 'agent' }, 'Call-centre agent'), el('option', { value: 'marketing' }, 'Marketing'),
      el('option', { value: 'admin' }, 'Admin'))),
    el('button', { type: 'submit', class: 'btn', 'data-testid': 'staff-invite' }, 'Add to staff'));
  staffForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = staffForm.elements;
    try {
      const g = await api('/admin/staff', { method: 'POST', body: { email: f.email.value.trim(), name: f.name.value.trim(), role: f.role.value } });
      staffSaid.textContent = g.invited
        ? `${g.email} is invited as ${g.role}: Cognito has emailed a temporary password for the staff sign-in, where they set their own and an authenticator app.`
        : `${g.email} is now in ${g.group}; it shows at their next staff sign-in.`;
      staffSaid.className = 'message';
      staffForm.reset();
      await loadStaff();
    } catch (err) { staffSaid.textContent = refusal(err); staffSaid.className = 'error-text'; }
  });
  const staffBody = el('tbody', {});
  const ROLE_NAMES = { admin: 'Admin', agent: 'Call-centre agent', marketing: 'Marketing' };
  const loadStaff = async () => {
    try {
      const { items } = await api('/admin/staff');
      staffBody.replaceChildren(...items.map((m) => el('tr', { 'data-testid': 'staff-member', 'data-email': m.email },
        el('td', {}, m.name || '—', el('br'), el('span', { class: 'muted' }, m.email)),
        el('td', {}, m.status === 'FORCE_CHANGE_PASSWORD' ? 'Invited, not signed in yet' : 'Active'),
        el('td', {}, ...m.roles.map((r) => el('button', { type: 'button', class: 'btn secondary', 'data-testid': 'staff-revoke',
          'data-role': r, 'aria-label': `Take ${ROLE_NAMES[r] || r} from ${m.email}`, onclick: async () => {
            if (!window.confirm(`Take the role ${ROLE_NAMES[r] || r} from ${m.email}? Their session loses it within the hour.`)) return;
            try {
              await api(`/admin/staff/${encodeURIComponent(m.username)}/roles/${encodeURIComponent(r)}`, { method: 'DELETE' });
              staffSaid.textContent = `${m.email} no longer has the role ${ROLE_NAMES[r] || r}.`;
              staffSaid.className = 'message';
              await loadStaff();
            } catch (err) { staffSaid.textContent = refusal(err); staffSaid.className = 'error-text'; }
          } }, `${ROLE_NAMES[r] || r} ✕`))))));
      if (!items.length) staffBody.append(el('tr', {}, el('td', { colspan: 3, class: 'muted' }, 'No staff yet.')));
    } catch (err) { staffSaid.textContent = refusal(err); staffSaid.className = 'error-text'; }
  };
  const audit = auditPanel({ api, el });
  const cats = categoriesPanel({ api, el });
  const desk = ordersPanel({ api, el, showHistory: audit.show });
  const brands = brandsPanel({ api, el });
  showPage('Admin',
    el('section', { class: 'bo-panel', 'aria-labelledby': 'make-h' }, el('h2', { id: 'make-h' }, 'Make a merchant'),
      el('p', { class: 'muted' }, 'Merchants sign in with a staff account, which needs an authenticator app. Someone without one is '
        + 'invited by email.'), form, said),
    el('section', { class: 'bo-panel', 'aria-labelledby': 'staff-h' }, el('h2', { id: 'staff-h' }, 'Add a member of staff'),
      el('p', { class: 'muted' }, 'Agents, marketing and admins sign in with a staff account and an authenticator app. Someone '
        + 'without an account is invited by email; an admin can do everything here, so grant it with care.'), staffForm, staffSaid,
      el('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': 'Staff' },
        el('table', { class: 'orders-table', 'data-testid': 'admin-staff' },
          el('thead', {}, el('tr', {}, ['Member', 'Account', 'Roles (select to take one away)'].map((h) => el('th', { scope: 'col' }, h)))),
          staffBody))),
    el('section', { class: 'bo-panel', 'aria-labelledby': 'merchants-h' }, el('h2', { id: 'merchants-h' }, 'Merchants'),
      el('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': 'Merchants' },
        el('table', { class: 'orders-table', 'data-testid': 'admin-merchants' },
          el('thead', {}, el('tr', {}, ['Merchant', 'Account', 'Since', 'Standing', ''].map((h) => el('th', { scope: 'col' }, h)))), body))),
    desk, cats.panel, brands.panel, audit.panel);
  await Promise.all([load(), loadStaff(), cats.load(), brands.load(), audit.load()]);
}
