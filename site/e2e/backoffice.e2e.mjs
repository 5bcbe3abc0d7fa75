// The merchant back office in the browser: the demo merchant signs in, opens "Your shop" from the account menu with
// the keyboard, is told inline what a new product lacks, creates and publishes it, restocks it, finds it in the
// storefront's search (with the picture the merchant uploaded), ships the customer's order (ORDER_ID, placed cash on delivery by the Java test) and reads the
// sales dashboard; the customer (EMAIL/PASSWORD) then sees the parcel on its way with its timeline, and has the email.
// Works on a phone.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { BASE_URL, SHOTS, launch, run, step, signIn as signInAs, staffSignIn } from './harness.mjs';

const url = (path) => new URL(path, BASE_URL).href;
const { browser, page, consoleErrors } = await launch({ width: 1280, height: 900 });
const word = `zq${Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('')}`;
const name = `Hemp Tote ${word}`;
const orderId = process.env.ORDER_ID;
let productId;

const signIn = (email, password) => signInAs(page, email, password);

await run('back office', browser, async () => {
  await step('the merchant signs in and opens the back office from the account menu with the keyboard', async () => {
    await staffSignIn(page, 'merchant@verdant.local', 'Verdant-Merchant-1');
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

  await step('a picture goes up with a progress bar, is checked and shown first; a file that is no picture is told why', async () => {
    // a WebP the browser itself encodes (the shop takes JPEG, PNG and WebP, and serves JPEG renditions)
    const webp = await page.evaluate(async () => {
      const c = document.createElement('canvas');
      c.width = 640;
      c.height = 480;
      const g = c.getContext('2d');
      g.fillStyle = '#4f7d4a';
      g.fillRect(0, 0, 640, 480);
      g.fillStyle = '#f3ead7';
      g.fillRect(200, 90, 240, 300);
      const blob = await new Promise((r) => c.toBlob(r, 'image/webp', 0.8));
      return btoa(String.fromCharCode(...new Uint8Array(await blob.arrayBuffer())));
    });
    await page.getByTestId('bo-picture-file').setInputFiles({ name: 'tote.webp', mimeType: 'image/webp', buffer: Buffer.from(webp, 'base64') });
    await page.getByTestId('bo-picture').locator('img[src*="/images/products/"][src$="/320.jpg"]').waitFor();
    await page.getByTestId('bo-pictures').getByText('Shown in lists').waitFor();
    await page.getByText('tote.webp: added.').waitFor();
    await page.getByTestId('bo-picture-file').setInputFiles({ name: 'not-a-photo.jpg', mimeType: 'image/jpeg',
      buffer: Buffer.from('MZ this is a program, not a photo') });
    await page.getByText('not-a-photo.jpg: The file is not a picture').waitFor();
    assert.equal(await page.getByTestId('bo-picture').count(), 1, 'the refused file added nothing');
    await page.getByTestId('bo-pictures').screenshot({ path: join(SHOTS, 'back-office-pictures.png') });
    await page.locator('#pictures-heading').locator('..').screenshot({ path: join(SHOTS, 'back-office-pictures-panel.png') });
  });

  await step('shoppers find it in the storefront search', async () => {
    // the index follows the Products stream; a shopper's browser keeps a search answer 30 s, so the page is opened once
    // the shop answers with it (asked without any cache), as a shopper searching after the merchant published would
    const started = Date.now();
    for (;;) {
      const answer = await (await fetch(url(`/api/products?q=${word}`))).json();
      if (answer.items.some((i) => i.id === productId && /\/images\/products\//.test(i.image || ''))) break;
      assert.ok(Date.now() - started < 10_000, 'the published product is searchable within 10 s');
      await new Promise((r) => setTimeout(r, 100));
    }
    console.log(`     searchable ${Date.now() - started} ms after publishing and restocking`);
    await page.goto(url(`/?q=${word}`));
    await page.locator(`#grid a[href*="${productId}"]`).waitFor();
    assert.match(await page.locator('#grid').textContent(), /€18\.50/);
    const tile = page.locator(`#grid a[href*="${productId}"] img`);
    assert.match(await tile.getAttribute('srcset'), /320\.jpg 320w, .*800\.jpg 800w/, 'the tile picks its rendition');
  });

  await step('a 50-row CSV with 3 bad rows: checked, its problems listed, the rest imported with a progress bar', async () => {
    const tree = (await (await fetch(url('/api/categories'))).json()).categories;
    const leaf = (n) => (n.children && n.children.length ? leaf(n.children[0]) : n.categoryId);
    const category = leaf(tree[0]);
    const lines = ['SKU,Name,Description,Price,Category,Stock'];
    for (let i = 0; i < 50; i++) {
      const price = i === 7 ? 'free' : i === 19 ? '-2' : '6.50';
      lines.push(`CSV-${word}-${i},"Sisal brush ""${word}"" ${i}","Stiff, for pots",${price},${i === 33 ? 'nowhere' : category},${i % 5}`);
    }
    await page.goto(url('/?view=merchant&tab=import'));
    await page.getByTestId('bo-import-file').setInputFiles({ name: 'products.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\r\n')) });
    await page.getByTestId('bo-import-form').getByRole('button', { name: 'Check the file' }).click();
    const problems = page.getByTestId('bo-import-problems');
    await problems.waitFor();
    const rows = await problems.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => `${tr.children[0].textContent} ${tr.children[1].textContent}`));
    assert.deepEqual(rows, ['9 price', '21 price', '35 category']);
    assert.match(await page.getByTestId('bo-import-status').textContent(), /nothing is imported yet/);
    await page.getByTestId('bo-import-run').click();
    await page.getByTestId('bo-import-status').filter({ hasText: 'Done.' }).waitFor({ timeout: 30_000 });
    assert.equal(await page.getByTestId('bo-import-progress').getAttribute('value'), '100');
    assert.match(await page.getByTestId('bo-import-report').textContent(), /Created47/);
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('bo-import-errors').click()]);
    assert.equal(file.suggestedFilename().endsWith('-errors.csv'), true);
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
    // and the email that said so, with the tracking number, is in the (local) mailbox
    let mail;
    for (const end = Date.now() + 10_000; !mail && Date.now() < end; await page.waitForTimeout(200)) {
      const box = await (await fetch(url(`/local/mailbox?email=${encodeURIComponent(process.env.EMAIL)}`))).json();
      mail = box.messages.find((m) => m.subject.startsWith('Your Verdant parcel is on its way') && m.subject.includes(orderId.slice(-8)));
    }
    assert.ok(mail, 'the shipped email arrived');
    assert.match(mail.text, /3SVERDANT0042/);
    assert.deepEqual(consoleErrors, []);
  });
});
