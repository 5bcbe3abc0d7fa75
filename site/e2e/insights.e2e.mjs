// Marketing sees what visitors did: a visitor searches (once for something the catalog has, once for something it
// has not) and opens a product, then the marketing demo user signs in, opens Insights from the account menu and finds that term in the
// search-terms and zero-results insights, with their charts drawn and the tables equal to the API's numbers; the page
// also works on a phone. BASE_URL names the shop.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { BASE_URL, SHOTS, launch, run, step, staffSignIn } from './harness.mjs';
const url = (path) => new URL(path, BASE_URL).href;

const { browser, page, consoleErrors } = await launch({ width: 1280, height: 900 });
const letters = () => Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
const term = `zq${letters()} teapot`;

async function searchFor(q) {
  await page.locator('#q').fill(q);
  await page.locator('#q').press('Enter');
  await page.waitForURL((u) => u.searchParams.get('q') === q);
  // the heading and the count are written together, once this search has answered (the count alone may still be the
  // previous search's)
  await page.locator('#results-heading').filter({ hasText: q }).waitFor();
  await page.locator('#result-count').filter({ hasText: /\d/ }).waitFor();
}

/** The table rows of one insight as [first cell, second cell] pairs, once it has loaded. */
async function rows(id) {
  await page.waitForFunction((sel) => {
    const body = document.querySelector(sel);
    return body && !/Loading/.test(body.textContent);
  }, `[data-testid="insight-${id}"] .insight-body`);
  return page.locator(`[data-testid="insight-${id}"] tbody tr`).evaluateAll((trs) => trs.map((tr) =>
    [tr.children[0].textContent.trim(), tr.children[1].textContent.trim()]));
}

await run('insights', browser, async () => {
  await step('a visitor searches for something the shop has and for something it has not', async () => {
    await page.goto(url('/'));
    await searchFor('bamboo');
    await page.locator('#grid a').first().click();
    await page.locator('#product').waitFor();
    await searchFor(term);
    assert.equal((await page.locator('#result-count').textContent()).trim(), '0 products');
  });

  await step('marketing signs in (password and authenticator code) and opens Insights from the account menu with the keyboard', async () => {
    await staffSignIn(page, 'marketing@verdant.local', 'Verdant-Marketing-1');
    await page.goto(url('/'));
    await page.getByTestId('account-button').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('insights-link').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.searchParams.get('view') === 'insights');
    await page.getByRole('heading', { name: 'Insights' }).waitFor();
  });

  await step('the term searched earlier is there, with its chart drawn', async () => {
    const deadline = Date.now() + 20_000;
    let found;
    let zero;
    // each table is its own request: wait for both (the page's panels answer in any order)
    for (;;) {
      found = (await rows('search-terms')).find(([t]) => t === term);
      zero = (await rows('zero-results')).find(([t]) => t === term);
      if ((found && zero) || Date.now() > deadline) break;
      await page.waitForTimeout(1000);
      await page.reload();
    }
    assert.ok(found, `the term "${term}" is listed under search terms`);
    assert.equal(found[1], '1');
    assert.ok(zero, 'and under searches that found nothing');
    for (const id of ['search-terms', 'zero-results', 'funnel']) {
      const chart = page.getByTestId(`chart-${id}`);
      await page.waitForFunction((sel) => document.querySelector(sel)?.dataset.drawn === 'true', `[data-testid="chart-${id}"]`);
      const box = await chart.boundingBox();
      assert.ok(box && box.width > 100 && box.height > 100, `${id} chart has a size`);
    }
  });

  await step('the tables say what the API says', async () => {
    const token = await page.evaluate(() => JSON.parse(localStorage.getItem('verdant.session')).idToken);
    const from = await page.getByTestId('insights-from').inputValue();
    const to = await page.getByTestId('insights-to').inputValue();
    const api = await (await fetch(url(`/api/insights/zero-results?from=${from}&to=${to}&interval=day`),
      { headers: { Authorization: `Bearer ${token}` } })).json();
    const shown = await rows('zero-results');
    assert.deepEqual(shown, api.terms.map((t) => [t.term, String(t.count)]));
  });

  await step('on a phone the page fits the screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByTestId('chart-search-terms').waitFor();
    const overflow = await page.evaluate(() => document.scrollingElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `no sideways scrolling (overflow ${overflow}px)`);
    await page.screenshot({ path: join(SHOTS, 'insights-phone.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.reload();
    await page.getByTestId('chart-funnel').waitFor();
    await page.screenshot({ path: join(SHOTS, 'insights.png'), fullPage: true });
    assert.deepEqual(consoleErrors, []);
  });
});
