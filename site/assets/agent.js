// The call centre (?view=agent): find the caller (by email or phone) or take a new caller's details, find products
// with their price and stock, build the order with a running subtotal, take the delivery address, place it cash on
// delivery, and read the summary back to the caller. One Idempotency-Key per order: a double click or a retry after
// a dropped connection places nothing twice. The server prices and checks everything again; this page only helps.
const euros = (minor) => new Intl.NumberFormat('en-IE', { style: 'currency', currency: 'EUR' }).format(minor / 100);

function refusal(err) {
  const fields = err.problem && err.problem.errors ? err.problem.errors.map((e) => `${e.field}: ${e.message}`) : [];
  return fields.length ? fields.join(' ') : err.message;
}

export async function viewAgent({ api, el, showPage }) {
  let caller = null;           // {customerId, name, email, phone} or {new: true, ...}
  const lines = new Map();     // productId → {product, quantity}
  let key = crypto.randomUUID();

  // 1. the caller
  const who = el('p', { role: 'status', class: 'muted', 'data-testid': 'agent-caller' }, 'No caller chosen yet.');
  const matches = el('ul', { class: 'agent-matches', 'data-testid': 'agent-matches' });
  const lookup = el('form', { class: 'agent-lookup', role: 'search', 'aria-label': 'Find the caller' },
    el('label', {}, 'Email or phone', el('input', { name: 'who', required: true, autocomplete: 'off', 'data-testid': 'agent-who' })),
    el('button', { type: 'submit', class: 'btn secondary' }, 'Find'));
  const choose = (c) => {
    caller = c;
    const contact = `${c.email}${c.phone ? `, ${c.phone}` : ''}`;
    who.textContent = c.customerId ? `Ordering for ${c.name ? `${c.name} (${contact})` : contact}.`
      : `New caller: ${c.name} (${c.email}); their account is made with the order.`;
    who.className = 'message';
    const f = address.elements;
    if (!f.name.value) f.name.value = c.name || '';
  };
  lookup.addEventListener('submit', async (e) => {
    e.preventDefault();
    const q = lookup.elements.who.value.trim();
    const param = q.includes('@') ? `email=${encodeURIComponent(q)}` : `phone=${encodeURIComponent(q)}`;
    try {
      const found = await api(`/agent/customers?${param}`);
      matches.replaceChildren(...found.items.map((c) => el('li', {},
        el('button', { type: 'button', class: 'btn secondary', 'data-testid': 'agent-choose', onclick: () => choose(c) },
          `${c.name || '(no name)'} · ${c.email}${c.phone ? ` · ${c.phone}` : ''}`))));
      if (!found.items.length) matches.append(el('li', { class: 'muted' }, 'No customer with that. Take their details below as a new caller.'));
    } catch (err) { matches.replaceChildren(el('li', { class: 'error-text' }, refusal(err))); }
  });
  const newCaller = el('form', { class: 'agent-new', 'aria-label': 'A new caller' },
    el('label', {}, 'Name', el('input', { name: 'name', required: true, minlength: 2, maxlength: 80, autocomplete: 'off' })),
    el('label', {}, 'Email', el('input', { name: 'email', type: 'email', required: true, autocomplete: 'off' })),
    el('label', {}, 'Phone (international)', el('input', { name: 'phone', type: 'tel', placeholder: '+31 6 1234 5678', autocomplete: 'off' })),
    el('button', { type: 'submit', class: 'btn secondary' }, 'Use these details'));
  newCaller.addEventListener('submit', (e) => {
    e.preventDefault();
    const f = newCaller.elements;
    choose({ new: true, name: f.name.value.trim(), email: f.email.value.trim(), phone: f.phone.value.trim() || undefined });
  });

  // 2. the products
  const results = el('ul', { class: 'agent-results', 'data-testid': 'agent-results' });
  const search = el('form', { class: 'agent-search', role: 'search', 'aria-label': 'Find products' },
    el('label', {}, 'Product', el('input', { name: 'q', type: 'search', required: true, 'data-testid': 'agent-product-q' })),
    el('button', { type: 'submit', class: 'btn secondary' }, 'Search'));
  search.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const page = await api(`/products?q=${encodeURIComponent(search.elements.q.value.trim())}&limit=8`);
      results.replaceChildren(...page.items.map((p) => el('li', {},
        el('span', {}, `${p.name} — ${euros(p.price.amount)} `, el('span', { class: p.inStock ? 'muted' : 'error-text' }, p.inStock ? 'in stock' : 'out of stock')),
        el('button', { type: 'button', class: 'btn secondary', disabled: !p.inStock, 'data-testid': 'agent-add',
          'aria-label': `Add ${p.name}`, onclick: () => add(p) }, 'Add'))));
      if (!page.items.length) results.append(el('li', { class: 'muted' }, 'Nothing found.'));
    } catch (err) { results.replaceChildren(el('li', { class: 'error-text' }, refusal(err))); }
  });

  // 3. the order
  const body = el('tbody', {});
  const subtotal = el('p', { 'data-testid': 'agent-subtotal', 'aria-live': 'polite' });
  const render = () => {
    body.replaceChildren(...[...lines.values()].map(({ product, quantity }) => el('tr', { 'data-testid': 'agent-line' },
      el('th', { scope: 'row' }, product.name),
      el('td', {}, el('input', { type: 'number', min: 1, max: 10, value: quantity, 'aria-label': `Quantity of ${product.name}`,
        onchange: (e) => { const q = Math.max(1, Math.min(10, Number(e.target.value) || 1)); lines.get(product.id).quantity = q; render(); } })),
      el('td', { class: 'num' }, euros(product.price.amount * quantity)),
      el('td', {}, el('button', { type: 'button', class: 'btn secondary', 'aria-label': `Remove ${product.name}`,
        onclick: () => { lines.delete(product.id); render(); } }, 'Remove')))));
    const sum = [...lines.values()].reduce((s, l) => s + l.product.price.amount * l.quantity, 0);
    subtotal.textContent = lines.size ? `Subtotal ${euros(sum)}; delivery is added when the order is placed.` : 'No products yet.';
  };
  const add = (p) => {
    const line = lines.get(p.id);
    if (line) line.quantity = Math.min(10, line.quantity + 1); else lines.set(p.id, { product: p, quantity: 1 });
    render();
  };
  render();

  // 4. delivery, and placing it
  const address = el('form', { class: 'form agent-address', 'aria-label': 'Delivery address' },
    ...[['name', 'Name'], ['line1', 'Street and number'], ['city', 'City'], ['postcode', 'Postcode']]
      .map(([n, l]) => el('label', {}, l, el('input', { name: n, required: true, autocomplete: 'off', 'data-testid': `agent-${n}` }))),
    el('label', {}, 'Country', el('select', { name: 'country' }, [['NL', 'Netherlands'], ['BE', 'Belgium'], ['DE', 'Germany'], ['FR', 'France']]
      .map(([v, l]) => el('option', { value: v }, l)))),
    el('button', { type: 'submit', class: 'btn', 'data-testid': 'agent-place' }, 'Place order (cash on delivery)'));
  const said = el('div', { role: 'status', 'data-testid': 'agent-said' });
  address.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!caller) { said.replaceChildren(el('p', { class: 'error-text' }, 'Choose the caller first, or take their details.')); return; }
    if (!lines.size) { said.replaceChildren(el('p', { class: 'error-text' }, 'Add at least one product.')); return; }
    const f = address.elements;
    const customer = caller.customerId ? { customerId: caller.customerId } : { name: caller.name, email: caller.email, phone: caller.phone };
    try {
      const o = await api('/agent/orders', { method: 'POST', headers: { 'Idempotency-Key': key }, body: {
        customer, lines: [...lines.values()].map((l) => ({ productId: l.product.id, quantity: l.quantity })),
        shipTo: { name: f.name.value.trim(), line1: f.line1.value.trim(), city: f.city.value.trim(), postcode: f.postcode.value.trim(), country: f.country.value } } });
      said.replaceChildren(el('div', { class: 'message', 'data-testid': 'agent-summary' },
        el('h2', {}, `Order ${o.orderId.slice(-8).toUpperCase()} placed`),
        el('p', {}, 'Read this back to the caller:'), el('blockquote', { 'data-testid': 'agent-readback' }, o.readBack),
        o.signedUp ? el('p', {}, `An account was made for ${o.customer.email}; tell the caller to choose "Forgot your password?" at sign-in, with this email, to see their order.`) : null,
        el('button', { type: 'button', class: 'btn secondary', onclick: () => viewAgent({ api, el, showPage }) }, 'Next call')));
      key = crypto.randomUUID();
    } catch (err) {
      said.replaceChildren(el('p', { class: 'error-text' }, err.status === 409 ? `${err.message} Change the order and place it again.` : refusal(err)));
    }
  });

  showPage('Phone orders',
    el('section', { class: 'bo-panel', 'aria-labelledby': 'caller-h' }, el('h2', { id: 'caller-h' }, '1. The caller'), lookup, matches,
      el('details', {}, el('summary', {}, 'A new caller'), newCaller), who),
    el('section', { class: 'bo-panel', 'aria-labelledby': 'products-h' }, el('h2', { id: 'products-h' }, '2. What they order'), search, results,
      el('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': 'The order' },
        el('table', { class: 'orders-table' }, el('thead', {}, el('tr', {}, ['Product', 'Quantity', 'Amount', ''].map((h) => el('th', { scope: 'col' }, h)))), body)),
      subtotal),
    el('section', { class: 'bo-panel', 'aria-labelledby': 'deliver-h' }, el('h2', { id: 'deliver-h' }, '3. Where it goes'), address, said));
}
