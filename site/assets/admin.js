// The admins' pages (?view=admin): the shop's merchants, and making a user a merchant (they sign up first; their next
// sign-in opens the back office). The API decides what an admin may do; every refusal is shown as it says it.
function refusal(err) {
  const fields = err.problem && err.problem.errors ? err.problem.errors.map((e) => `${e.field}: ${e.message}`) : [];
  return fields.length ? fields.join(' ') : err.message;
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
  showPage('Admin',
    el('section', { class: 'bo-panel', 'aria-labelledby': 'make-h' }, el('h2', { id: 'make-h' }, 'Make a user a merchant'),
      el('p', { class: 'muted' }, 'The person signs up in the shop first; then enter the email of their account.'), form, said),
    el('section', { class: 'bo-panel', 'aria-labelledby': 'merchants-h' }, el('h2', { id: 'merchants-h' }, 'Merchants'),
      el('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': 'Merchants' },
        el('table', { class: 'orders-table', 'data-testid': 'admin-merchants' },
          el('thead', {}, el('tr', {}, ['Merchant', 'Account', 'Since'].map((h) => el('th', { scope: 'col' }, h)))), body))));
  await load();
}
