// The call centre in the browser: the demo agent signs in, opens "Phone orders" from the account menu, finds the
// caller (EMAIL) by their address, finds a product and adds two, sees the running subtotal, enters the delivery
// address and places the order cash on delivery, and reads the summary back; the customer (EMAIL/PASSWORD) then finds
// the order in their history, marked as placed by phone. Works on a phone too.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { BASE_URL, SHOTS, launch, run, step, signIn as signInAs, staffSignIn } from './harness.mjs';

const url = (path) => new URL(path, BASE_URL).href;
const { browser, page } = await launch({ width: 1280, height: 900 });
let fullOrderId;
let orderId;

const signIn = (email, password) => signInAs(page, email, password);

await run('agent', browser, async () => {
  await step('the agent signs in and opens phone orders from the account menu', async () => {
    await staffSignIn(page, 'agent@verdant.local', 'Verdant-Agent-1');
    await page.getByTestId('account-button').click();
    await page.getByTestId('agent-link').click();
    await page.waitForURL((u) => u.searchParams.get('view') === 'agent');
    await page.getByRole('heading', { name: 'Phone orders' }).waitFor();
  });

  await step('the caller is found by their email address and chosen', async () => {
    await page.getByTestId('agent-who').fill(process.env.EMAIL);
    await page.getByTestId('agent-who').press('Enter');
    await page.getByTestId('agent-choose').first().click();
    await page.getByTestId('agent-caller').filter({ hasText: process.env.EMAIL }).waitFor();
  });

  await step('a product is found, added twice, and the subtotal follows', async () => {
    await page.getByTestId('agent-product-q').fill('bamboo');
    await page.getByTestId('agent-product-q').press('Enter');
    const add = page.locator('[data-testid="agent-add"]:not([disabled])').first();
    await add.click();
    await add.click();
    await page.getByTestId('agent-line').waitFor();
    assert.equal(await page.getByTestId('agent-line').locator('input').inputValue(), '2');
    assert.match(await page.getByTestId('agent-subtotal').textContent(), /Subtotal €\d/);
  });

  await step('placing it without an address is refused in place; with one it is placed and read back', async () => {
    await page.getByTestId('agent-place').click();
    assert.equal(await page.locator('[data-testid="agent-name"]:invalid').count(), 1, 'the browser asks for the name first');
    await page.getByTestId('agent-name').fill('Dee Caller');
    await page.getByTestId('agent-line1').fill('2 Linden Lane');
    await page.getByTestId('agent-city').fill('Leiden');
    await page.getByTestId('agent-postcode').fill('2311 AB');
    await page.getByTestId('agent-place').click();
    await page.getByTestId('agent-summary').waitFor();
    const readBack = await page.getByTestId('agent-readback').textContent();
    assert.match(readBack, /2 x .*cash on delivery to Dee Caller, 2 Linden Lane, Leiden/);
    orderId = (/order ([0-9A-F]{8}):/.exec(readBack) || [])[1];
    assert.ok(orderId, 'the summary names the order');
    assert.match(await page.getByTestId('agent-summary').locator('h2').textContent(), new RegExp(`Order ${orderId} placed`),
      'the heading and the read-back name the order alike');
    await page.screenshot({ path: join(SHOTS, 'agent-phone-order.png'), fullPage: true });
  });

  await step('on a phone the order page fits the screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `no sideways scrolling (${overflow} px)`);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  await step('the customer finds the order in their history, placed by phone', async () => {
    await page.getByTestId('account-button').click();
    await page.getByTestId('sign-out').click();
    await signIn(process.env.EMAIL, process.env.PASSWORD);
    await page.goto(url('/?view=orders'));
    const row = page.locator(`[data-testid="order-row"][data-order$="${orderId.toLowerCase()}"]`);
    await row.waitFor();
    assert.match(await row.textContent(), /Placed by phone/);
    fullOrderId = await row.getAttribute('data-order');
  });

  await step('an admin finds the phone order on the audit log, created by the agent', async () => {
    await page.getByTestId('account-button').click();
    await page.getByTestId('sign-out').click();
    await staffSignIn(page, 'admin@verdant.local', 'Verdant-Admin-1');
    await page.goto(url('/?view=admin'));
    await page.getByTestId('audit-entity').selectOption('order');
    await page.getByTestId('audit-id').fill(fullOrderId);
    const created = page.locator(`[data-testid="audit-entry"][data-id="${fullOrderId}"]`).filter({ hasText: 'created by agent' });
    // the change feed writes the log within moments; the admin asks again until it is there
    for (let i = 0; i < 40 && !(await created.count()); i++) {
      await page.getByTestId('audit-show').click();
      await page.waitForTimeout(250);
    }
    await created.first().locator('summary').click();
    const diff = created.first().getByTestId('audit-diff');
    assert.match(await diff.textContent(), /placedBy.*agent:/s, 'the entry shows the order as the agent placed it');
    await page.screenshot({ path: join(SHOTS, 'admin-audit-phone-order.png'), fullPage: true });
  });
});
