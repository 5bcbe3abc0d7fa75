// Drives the storefront in the running local shop like a visitor: search, filter by brand and price,
// sort, page, open a product, go back. BASE_URL points at the shop; CHROMIUM at Debian's chromium.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { BASE_URL, SHOTS, launch, run, step } from './harness.mjs';
const euros = (text) => Math.round(Number(text.replace(/[^0-9.,]/g, '').replace(',', '')) * 100);

const { browser, page, consoleErrors } = await launch({ width: 1366, height: 900 });

const cards = () => page.locator('[data-testid="product-card"]');
const cardPrices = async () => (await page.locator('[data-testid="product-card"] .price').evaluateAll(
  (els) => els.map((e) => Number(e.dataset.amount))));
const settle = async (urlPart) => {
  if (urlPart) await page.waitForURL((u) => u.href.includes(urlPart));
  await page.waitForFunction(() => !document.querySelector('#grid[aria-busy]'));
};

await run('storefront', browser, async () => {
  await step('the storefront opens with products, departments and facets', async () => {
    await page.goto(BASE_URL);
    await cards().first().waitFor();
    assert.ok(await cards().count() >= 12, 'a full first page of products');
    assert.ok(await page.locator('#departments a').count() >= 6);
    assert.match(await page.locator('#result-count').innerText(), /^\d+ products$/);
  });

  let total = 0;
  await step('searching "bamboo" puts the query in the URL and shows matching products', async () => {
    await page.getByLabel('Search products').fill('bamboo');
    await page.getByRole('button', { name: 'Search' }).click();
    await settle('q=bamboo');
    assert.equal(await page.locator('#results-heading').innerText(), 'Results for “bamboo”');
    total = Number((await page.locator('#result-count').innerText()).split(' ')[0]);
    assert.ok(total > 20, `many bamboo products, got ${total}`);
  });

  let brand = '';
  await step('choosing a brand filters to it and the count equals its facet count', async () => {
    const facet = page.locator('[data-facet="brand"] label').first();
    brand = (await facet.locator('span').nth(0).innerText()).trim();
    const facetCount = Number(await facet.locator('.count').innerText());
    await facet.locator('input').check();
    await settle('brand=');
    const shown = Number((await page.locator('#result-count').innerText()).split(' ')[0]);
    assert.equal(shown, facetCount);
    const brands = await page.locator('[data-testid="product-card"] .brand').allInnerTexts();
    assert.ok(brands.length > 0 && brands.every((b) => b.toLowerCase() === brand.toLowerCase()), `${brands} all ${brand}`);
  });

  await step('a price range keeps only prices inside it, and the facet counts still add up', async () => {
    await page.locator('#min-price').fill('5');
    await page.locator('#max-price').fill('30');
    await page.locator('#max-price').press('Enter');
    await settle('maxPrice=');
    const prices = await cardPrices();
    assert.ok(prices.length > 0, 'some products in range');
    assert.ok(prices.every((p) => p >= 500 && p <= 3099), `prices in range: ${prices}`);
    const shown = Number((await page.locator('#result-count').innerText()).split(' ')[0]);
    const brandCount = Number(await page.locator('[data-facet="brand"] label', { has: page.locator('input:checked') })
      .locator('.count').innerText());
    assert.equal(shown, brandCount);
  });

  await step('sorting by price puts the cheapest first and the URL keeps every choice', async () => {
    await page.getByLabel('Sort by').selectOption('price_asc');
    await settle('sort=price_asc');
    const prices = await cardPrices();
    assert.deepEqual(prices, [...prices].sort((a, b) => a - b));
    const url = new URL(page.url());
    for (const key of ['q', 'brand', 'minPrice', 'maxPrice', 'sort']) assert.ok(url.searchParams.get(key), key);
    await page.screenshot({ path: join(SHOTS, 'storefront-search.png'), fullPage: false });
  });

  await step('a shared URL reproduces the same results', async () => {
    const names = await page.locator('[data-testid="product-card"] .name').allInnerTexts();
    const other = await browser.newPage();
    await other.goto(page.url());
    await other.locator('[data-testid="product-card"]').first().waitFor();
    assert.deepEqual(await other.locator('[data-testid="product-card"] .name').allInnerTexts(), names);
    await other.close();
  });

  let name = '';
  await step('opening a product shows its page with image, price and related products', async () => {
    const first = cards().first();
    name = await first.locator('.name').innerText();
    const listPrice = await first.locator('.price').innerText();
    await first.click();
    await page.waitForURL(/product=/);
    await page.locator('.product h1').waitFor();
    assert.equal(await page.locator('.product h1').innerText(), name);
    assert.equal(await page.locator('.product .big-price').innerText(), listPrice);
    await page.waitForFunction(() => {
      const img = document.querySelector('.gallery img');
      return img && img.complete && img.naturalWidth > 0;
    });
    assert.ok(await page.locator('.related [data-testid="product-card"]').count() > 0);
    assert.ok(await page.locator('.breadcrumb a').count() >= 2);
    await page.screenshot({ path: join(SHOTS, 'storefront-product.png'), fullPage: false });
  });

  await step('Back returns to the same filtered, sorted results', async () => {
    await page.goBack();
    await settle('sort=price_asc');
    assert.ok(!(await page.locator('#listing').isHidden()));
    assert.equal(await page.locator('#sort').inputValue(), 'price_asc');
    assert.equal(await cards().first().locator('.name').innerText(), name);
  });

  await step('paging follows the cursor and an edited cursor is refused politely', async () => {
    await page.goto(new URL('?q=bamboo', BASE_URL).href);
    await cards().first().waitFor();
    const firstPage = await page.locator('[data-testid="product-card"] .name').allInnerTexts();
    await page.getByRole('link', { name: 'Next page »' }).click();
    await settle('cursor=');
    const secondPage = await page.locator('[data-testid="product-card"] .name').allInnerTexts();
    assert.ok(secondPage.length > 0 && !secondPage.some((n) => firstPage.includes(n)), 'no repeats across pages');
    const tampered = new URL(page.url());
    tampered.searchParams.set('cursor', tampered.searchParams.get('cursor').replace(/^./, 'Z'));
    await page.goto(tampered.href);
    await page.locator('#message.error').waitFor();
    assert.match(await page.locator('#message').innerText(), /cursor/);
  });

  await step('on a phone the filters fold behind a button', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(new URL('?category=kitchen', BASE_URL).href);
    await cards().first().waitFor();
    assert.ok(await page.locator('#facets').isHidden());
    await page.getByRole('button', { name: 'Filters' }).click();
    assert.ok(await page.locator('#facets').isVisible());
    await page.screenshot({ path: join(SHOTS, 'storefront-mobile.png') });
  });

  await step('no script errors on any page', async () => {
    assert.deepEqual(consoleErrors.filter((e) => !/status of 400/.test(e)), []);
  });
});
