// Marketing's insights: the five aggregations of the insights API for a date range, each as a chart (Chart.js,
// installed from npm and served by the shop at /vendor/, never from a CDN) with the same numbers in a table under it.
import { loadCharts } from './charts.js';

const INSIGHTS = [
  { id: 'search-terms', title: 'What visitors search for', empty: 'No searches with words in this range.' },
  { id: 'zero-results', title: 'Searches that found nothing', empty: 'Every search in this range found something.' },
  { id: 'top-viewed', title: 'Most viewed products', empty: 'No product was viewed in this range.' },
  { id: 'filters', title: 'Filters used in searches', empty: 'No search used a filter in this range.' },
  { id: 'funnel', title: 'From view to paid', empty: '' },
];
const STEP_LABELS = { product_view: 'Viewed a product', cart_add: 'Added to cart', checkout_started: 'Started checkout', order_paid: 'Paid' };
const FILTER_LABELS = { category: 'Category', brand: 'Brand', colour: 'Colour', price: 'Price range' };
const GREEN = '#4f7d4a';
const CLAY = '#b5593a';
const number = new Intl.NumberFormat('en-GB');
/** "1 search", "2 searches": a count with its noun. */
const count = (n, one, many) => `${number.format(n)} ${n === 1 ? one : many}`;

const isoDay = (d) => d.toISOString().slice(0, 10);

/** A category label short enough for a phone's axis; the table under the chart has it whole. */
function shortLabel(value) {
  const label = String(this.getLabelForValue(value));
  return label.length > 20 ? `${label.slice(0, 19)}…` : label;
}

function table(el, caption, headings, rows) {
  // wide tables scroll inside their card on a phone, never the page
  return el('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': `${caption}, as a table` }, el('table', { class: 'insight-table' },
    el('caption', { class: 'visually-hidden' }, caption),
    el('thead', {}, el('tr', {}, headings.map((h, i) => el('th', { scope: 'col', class: i ? 'num' : null }, h)))),
    el('tbody', {}, rows.map((r) => el('tr', {}, r.map((c, i) => (i ? el('td', { class: 'num' }, c) : el('th', { scope: 'row' }, c))))))));
}

/** Labels, datasets and table rows for one insight's answer. */
function shape(id, data) {
  switch (id) {
    case 'search-terms':
    case 'zero-results':
      return {
        labels: data.terms.map((t) => t.term),
        datasets: [{ label: 'Searches', data: data.terms.map((t) => t.count), backgroundColor: id === 'zero-results' ? CLAY : GREEN }],
        headings: ['Term', 'Searches', 'Visitors'],
        rows: data.terms.map((t) => [t.term, number.format(t.count), number.format(t.visitors)]),
        summary: `${count(data.searches, 'search', 'searches')} by ${count(data.visitors, 'visitor', 'visitors')}`,
        horizontal: true,
      };
    case 'top-viewed':
      return {
        labels: data.products.map((p) => p.name || p.productId),
        datasets: [
          { label: 'Views', data: data.products.map((p) => p.views), backgroundColor: GREEN },
          { label: 'Added to cart', data: data.products.map((p) => p.cartAdds), backgroundColor: CLAY },
        ],
        headings: ['Product', 'Views', 'Viewers', 'To cart', 'View → cart'],
        rows: data.products.map((p) => [p.name || p.productId, number.format(p.views), number.format(p.viewers),
          number.format(p.cartAdds), `${p.viewToCartPercent}%`]),
        summary: count(data.views, 'product view', 'product views'),
        horizontal: true,
      };
    case 'filters':
      return {
        labels: data.filters.map((f) => FILTER_LABELS[f.name] || f.name.replace(/^attr\./, '')),
        datasets: [{ label: 'Searches using it', data: data.filters.map((f) => f.searches), backgroundColor: GREEN }],
        headings: ['Filter', 'Searches', 'Share of searches', 'Top values'],
        rows: data.filters.map((f) => [FILTER_LABELS[f.name] || f.name.replace(/^attr\./, ''), number.format(f.searches),
          `${f.percentOfSearches}%`, f.values.map((v) => `${v.value} (${number.format(v.count)})`).join(', ') || '—']),
        summary: `${number.format(data.filtered)} of ${count(data.searches, 'search', 'searches')} used a filter`,
        horizontal: true,
      };
    default:
      return {
        labels: data.steps.map((s) => STEP_LABELS[s.step] || s.step),
        datasets: [{ label: 'Visitors who did every step so far', data: data.steps.map((s) => s.throughPrevious), backgroundColor: GREEN }],
        headings: ['Step', 'Visitors', 'Did every step before', 'Rate'],
        rows: data.steps.map((s) => [STEP_LABELS[s.step] || s.step, number.format(s.visitors), number.format(s.throughPrevious),
          `${s.percentOfPrevious}%`]),
        summary: `${count(data.steps[0].throughPrevious, 'visitor', 'visitors')} viewed a product; ${number.format(data.steps[data.steps.length - 1].throughPrevious)} of them went on to pay`,
        horizontal: false,
      };
  }
}

function why(err) {
  if (err.status === 403) return 'Insights are for the marketing team and admins. Sign in with such an account.';
  if (err.status === 503) return 'Insights are unavailable right now: the behaviour store did not answer. Try again in a minute.';
  if (err.status === 400 && err.problem && err.problem.errors) return err.problem.errors.map((e) => e.message).join(' ');
  return err.message || 'The insight could not be loaded.';
}

export async function viewInsights({ api, el, showPage, params, go, isCurrent }) {
  const today = new Date();
  const from = params.get('from') || isoDay(new Date(today.getTime() - 6 * 86_400_000));
  const to = params.get('to') || isoDay(today);
  const interval = params.get('interval') || 'day';
  const sections = INSIGHTS.map((i) => ({ ...i, body: el('div', { class: 'insight-body', 'aria-live': 'polite' }, el('p', { class: 'muted' }, 'Loading…')) }));
  const form = el('form', { class: 'insight-range', onsubmit: (e) => {
    e.preventDefault();
    const f = new FormData(e.target);
    go(new URLSearchParams({ view: 'insights', from: f.get('from'), to: f.get('to'), interval: f.get('interval') }));
  } },
  el('label', {}, 'From', el('input', { type: 'date', name: 'from', value: from, required: true, 'data-testid': 'insights-from' })),
  el('label', {}, 'To', el('input', { type: 'date', name: 'to', value: to, required: true, 'data-testid': 'insights-to' })),
  el('label', {}, 'Trend by', el('select', { name: 'interval' }, ['hour', 'day', 'week'].map((v) => el('option', { value: v, selected: v === interval }, v)))),
  el('button', { type: 'submit', class: 'btn' }, 'Show'));
  showPage('Insights', el('p', { class: 'muted' }, 'What visitors searched for, found nothing for, looked at, and bought — from the shop\'s own events, no third-party tracking.'),
    form,
    el('div', { class: 'insights' }, sections.map((s) => el('section', { class: 'insight', 'aria-labelledby': `insight-${s.id}`, 'data-testid': `insight-${s.id}` },
      el('h2', { id: `insight-${s.id}` }, s.title), s.body))));
  const query = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&interval=${encodeURIComponent(interval)}`;
  const charts = loadCharts().catch((e) => e);
  await Promise.all(sections.map(async (s) => {
    let data;
    try {
      data = await api(`/insights/${s.id}?${query}`);
    } catch (err) {
      if (isCurrent()) s.body.replaceChildren(el('p', { class: 'error-text', role: 'alert' }, why(err)));
      return;
    }
    if (!isCurrent()) return;
    const shaped = shape(s.id, data);
    if (!shaped.rows.length || (s.id === 'funnel' && !data.steps[0].visitors)) {
      s.body.replaceChildren(el('p', { class: 'muted' }, s.empty || 'No visitor in this range.'));
      return;
    }
    const canvas = el('canvas', { role: 'img', 'aria-label': `${s.title}: ${shaped.summary}`, 'data-testid': `chart-${s.id}` });
    s.body.replaceChildren(el('p', { class: 'muted', 'data-testid': `summary-${s.id}` }, shaped.summary),
      el('div', { class: 'chart-box' }, canvas), table(el, s.title, shaped.headings, shaped.rows));
    const Chart = await charts;
    if (Chart instanceof Error) { s.body.prepend(el('p', { class: 'warning' }, Chart.message)); return; }
    // eslint-disable-next-line no-new
    new Chart(canvas, {
      type: 'bar',
      data: { labels: shaped.labels, datasets: shaped.datasets },
      options: { indexAxis: shaped.horizontal ? 'y' : 'x', responsive: true, maintainAspectRatio: false, animation: false,
        plugins: { legend: { display: shaped.datasets.length > 1 } },
        scales: {
          x: { beginAtZero: true, ticks: shaped.horizontal ? { precision: 0 } : { callback: shortLabel } },
          y: { beginAtZero: true, ticks: shaped.horizontal ? { callback: shortLabel } : { precision: 0 } },
        } },
    });
    canvas.dataset.drawn = 'true';
  }));
}
