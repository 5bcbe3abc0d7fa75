// The merchant back office in the browser: the demo merchant signs in, opens "Your shop" from the account menu with
// the keyboard, is told inline what a new product lacks, creates and publishes it, restocks it, finds it in the
// storefront's search, ships the customer's order (ORDER_ID, placed cash on delivery by the Java test) and reads the
// sales dashboard; the customer (EMAIL/PASSWORD) then sees the parcel on its way with its timeline. Works on a phone.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { BASE_URL, SHOTS, launch, run, step } from './harness.mjs';

const url = (path) => new URL(path, BASE_URL).href;
const { browser, page, consoleErrors } = await launch({ width: 1280, height: 900 });
const word = `zq${Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('')}`;
const name = `Hemp Tote ${word}`;
const orderId = process.env.ORDER_ID;
let productId;

async function signIn(email, password) {
  await page.goto(url('/?view=signin'));
  await page.locator('#signin-email').fill(email);
  await page.locator('#signin-password').fill(password);
  await page.getByTestId('sign-in-submit').click();
  await page.getByTestId('account-button').waitFor();
}

await run('back office', browser, async () => {
  await step('the merchant signs in and opens the back office from the account menu with the keyboard', async () => {
    await signIn('merchant@verdant.local', 'Verdant-Merchant-1');
    await page.getByTestId('account-button').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('back-office-link').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.searchParams.get('view') === 'merchant');
    await page.getByTestId('bo-product').first().waitFor();
  });

  await step('a new product missing its name and price is refused inline, field by field', async () => {
    await page.getByTestId('bo-new').click();
    await page.getByTestId('bo-form').waitFor();
    await page.getByTestId('bo-save').click();
    await page.locator('#f-name[aria-invalid="true"]').waitFor();
    assert.equal(await page.locator('#f-price').getAttribute('aria-invalid'), 'true');
    assert.ok((await page.locator('#err-name').textContent()).length > 0, 'the name says why');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'f-name', 'focus goes to the first field to fix');
  });

  await step('it is created as a draft, then published', async () => {
    await page.locator('#f-name').fill(name);
    await page.locator('#f-sku').fill(`TOTE-${word}`);
    await page.locator('#f-price').fill('18,50');
    await page.locator('#f-description').fill('A strong tote bag of hemp canvas, for the market and beyond.');
    await page.locator('#f-categoryId').selectOption({ index: 1 });
    await page.locator('#f-attr-material').fill('hemp');
    await page.getByTestId('bo-save').click();
    await page.waitForURL((u) => u.searchParams.get('id'));
    productId = new URL(page.url()).searchParams.get('id');
    await page.getByRole('heading', { name }).waitFor();
    await page.locator('#f-status').selectOption('ACTIVE');
    await page.getByTestId('bo-save').click();
    await page.getByTestId('bo-form-status').filter({ hasText: 'Saved.' }).waitFor();
  });

  await step('restocking shows the level and the movement', async () => {
    await page.getByTestId('bo-stock-amount').fill('12');
    await page.getByTestId('bo-stock').getByRole('button', { name: 'Adjust stock' }).click();
    await page.getByTestId('bo-stock-level').filter({ hasText: '12 available' }).waitFor();
    assert.match(await page.getByTestId('bo-movements').textContent(), /\+12 restock: 0 → 12/);
  });

  await step('shoppers find it in the storefront search', async () => {
    // the index follows the Products stream; a shopper's browser keeps a search answer 30 s, so the page is opened once
    // the shop answers with it (asked without any cache), as a shopper searching after the merchant published would
    const started = Date.now();
    for (;;) {
      const answer = await (await fetch(url(`/api/products?q=${word}`))).json();
      if (answer.items.some((i) => i.id === productId)) break;
      assert.ok(Date.now() - started < 10_000, 'the published product is searchable within 10 s');
      await new Promise((r) => setTimeout(r, 100));
    }
    console.log(`     searchable ${Date.now() - started} ms after publishing and restocking`);
    await page.goto(url(`/?q=${word}`));
    await page.locator(`#grid a[href*="${productId}"]`).waitFor();
    assert.match(await page.locator('#grid').textContent(), /€18\.50/);
  });

  await step('the merchant packs and ships the customer\'s order', async () => {
    await page.goto(url('/?view=merchant&tab=shipments&status=PENDING'));
    const card = page.locator(`[data-testid="bo-shipment"][data-order="${orderId}"]`);
    await card.waitFor();
    await card.getByRole('button', { name: 'Mark packed' }).click();
    const packed = page.locator(`[data-testid="bo-shipment"][data-order="${orderId}"]`);
    await packed.locator('.badge.parcel-packed').waitFor();
    await packed.getByLabel('Carrier').fill('PostNL');
    await packed.getByLabel('Tracking number').fill('3SVERDANT0042');
    await packed.getByRole('button', { name: 'Ship' }).click();
    await page.locator(`[data-testid="bo-shipment"][data-order="${orderId}"]`).filter({ hasText: 'PostNL 3SVERDANT0042' }).waitFor();
  });

  await step('the sales dashboard shows its figures and draws the chart', async () => {
    await page.goto(url('/?view=merchant&tab=dashboard'));
    await page.getByTestId('bo-revenue').waitFor();
    assert.match(await page.getByTestId('bo-orders').textContent(), /\d/);
    await page.waitForFunction(() => {
      const c = document.querySelector('[data-testid="bo-dashboard"] canvas');
      return c && c.width > 100 && c.height > 100;
    });
    await page.screenshot({ path: join(SHOTS, 'back-office-dashboard.png'), fullPage: true });
  });

  await step('on a phone the product list fits the screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(url('/?view=merchant'));
    await page.getByTestId('bo-product').first().waitFor();
    const overflow = await page.evaluate(() => document.scrollingElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `no sideways scrolling (overflow ${overflow}px)`);
    await page.screenshot({ path: join(SHOTS, 'back-office-phone.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  await step('the customer sees the parcel on its way, with its timeline', async () => {
    await page.getByTestId('account-button').click();
    await page.getByTestId('sign-out').click();
    await signIn(process.env.EMAIL, process.env.PASSWORD);
    await page.goto(url(`/?view=order&id=${orderId}`));
    const parcels = page.getByTestId('shipments');
    await parcels.filter({ hasText: 'On its way' }).waitFor();
    assert.match(await parcels.textContent(), /PostNL 3SVERDANT0042/);
    const steps = await page.getByTestId('parcel-timeline').locator('li').evaluateAll((lis) => lis.map((li) => li.dataset.step));
    assert.deepEqual(steps, ['PENDING', 'PACKED', 'SHIPPED']);
    assert.deepEqual(consoleErrors, []);
  });
});
