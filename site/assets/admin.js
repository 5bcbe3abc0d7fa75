// The admins' pages (?view=admin): the shop's merchants, and making a user a merchant (they sign up first; their next
// sign-in opens the back office); the audit log, with each change's fields before and after. The API decides what an
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
  return { panel: el('section', { class: 'bo-panel', 'aria-labelledby': 'audit-h' }, el('h2', { id: 'audit-h' }, 'Audit log'),
    el('p', { class: 'muted' }, 'Every change to products, orders, payments, shipments, merchants, categories and brands: who made it, and each field before and after.'),
    form, said, list, more), load: () => fetchPage(false) };
}

export async function viewAdmin({ api, el, showPage }) {
  const body = el('tbody', {});
  const said = el('p', { role: 'status', class: 'muted', 'data-testid': 'admin-said' });
  const load = async () => {
    try {
      const page = await api('/admin/merchants');
      body.replaceChildren(...page.items.map((m) => el('tr', { 'data-testid': 'admin-merchant', 'data-id': m.merchantId },
        el('th', { scope: 'row' }, m.displayName, el('div', { class: 'muted' }, m.merchantId)),
        el('td', {}, m.email), el('td', {}, new Date(m.createdAt).toLocaleDateString('en-GB')))));
      if (!page.items.length) body.append(el('tr', {}, el('td', { colspan: 3, class: 'muted' }, 'No merchants made here yet.')));
    } catch (err) { said.textContent = err.status === 403 ? `These pages are for admins: ${err.message}` : refusal(err); said.className = 'error-text'; }
  };
  const form = el('form', { class: 'form', 'aria-label': 'Make a user a merchant', 'data-testid': 'admin-make-merchant' },
    el('label', {}, 'Their account\'s email', el('input', { name: 'email', type: 'email', required: true, autocomplete: 'off', 'data-testid': 'admin-email' })),
    el('label', {}, 'Shop name shoppers see', el('input', { name: 'displayName', required: true, minlength: 2, maxlength: 60, 'data-testid': 'admin-name' })),
    el('button', { type: 'submit', class: 'btn', 'data-testid': 'admin-make' }, 'Make merchant'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = form.elements;
    try {
      const m = await api('/admin/merchants', { method: 'POST', body: { email: f.email.value.trim(), displayName: f.displayName.value.trim() } });
      said.textContent = `${m.displayName} (${m.merchantId}) is a merchant. ${m.email} sees "Your shop" after signing in again.`;
      said.className = 'message';
      form.reset();
      await load();
    } catch (err) { said.textContent = refusal(err); said.className = 'error-text'; }
  });
  const audit = auditPanel({ api, el });
  showPage('Admin',
    el('section', { class: 'bo-panel', 'aria-labelledby': 'make-h' }, el('h2', { id: 'make-h' }, 'Make a user a merchant'),
      el('p', { class: 'muted' }, 'The person signs up in the shop first; then enter the email of their account.'), form, said),
    el('section', { class: 'bo-panel', 'aria-labelledby': 'merchants-h' }, el('h2', { id: 'merchants-h' }, 'Merchants'),
      el('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': 'Merchants' },
        el('table', { class: 'orders-table', 'data-testid': 'admin-merchants' },
          el('thead', {}, el('tr', {}, ['Merchant', 'Account', 'Since'].map((h) => el('th', { scope: 'col' }, h)))), body))),
    audit.panel);
  await Promise.all([load(), audit.load()]);
}
