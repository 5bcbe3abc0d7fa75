// Chart.js, loaded once from the shop itself (/vendor/, installed from npm; never a CDN), for the insights and the
// merchant's sales: a page that cannot load it still shows every number in its tables.
let chartLibrary;

export function loadCharts(fallback = 'The chart library did not load; the tables below still show every number.') {
  chartLibrary = chartLibrary || new Promise((resolve, reject) => {
    if (window.Chart) { resolve(window.Chart); return; }
    const s = document.createElement('script');
    s.src = '/vendor/chart.umd.js';
    s.onload = () => resolve(window.Chart);
    s.onerror = () => { chartLibrary = null; reject(new Error(fallback)); };
    document.head.append(s);
  });
  return chartLibrary;
}
