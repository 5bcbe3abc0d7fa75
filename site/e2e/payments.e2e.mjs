// A signed-in customer pays: a declined card says why and can be retried, a good card makes the order PAID
// (the Stripe stand-in's webhook reaches the shop) and sells the stock; cash on delivery confirms at once; an
// order that is not paid offers its items back. EMAIL and PASSWORD name a confirmed customer; BASE_URL the shop.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { BASE_URL, SHOTS, available, launch, run, step } from './harness.mjs';
const url = (path) => new URL(path, BASE_URL).href;


const { browser, page, consoleErrors } = await launch({ width: 1280, height: 900 });

/** Puts one of the product in the cart, checks out to the Netherlands and lands on the new order's page. */
async function order(productId) {
  await page.goto(url(`/?product=${productId}`));
  await page.getByTestId('add-to-cart').click();
  await page.getByText('Added to your cart.').waitFor();
  await page.goto(url('/?view=checkout'));
  await page.getByTestId('place-order').waitFor();
  await page.locator('#ship-name').fill('Sam Payer');
  await page.locator('#ship-line1').fill('3 Mill Street');
  await page.locator('#ship-postcode').fill('1012 AB');
  await page.locator('#ship-city').fill('Amsterdam');
  await page.getByTestId('ship-country').selectOption('NL');
  await page.waitForFunction(() => !document.querySelector('[data-testid="place-order"]').disabled);
  await page.getByTestId('place-order').click();
  await page.waitForURL((u) => u.search.includes('view=order') && u.search.includes('placed=1'));
  await page.locator('[data-status="PENDING_PAYMENT"]').waitFor();
  return new URL(page.url()).searchParams.get('id');
}

let productId;
await run('payments', browser, async () => {
  await step('the customer signs in', async () => {
    await page.goto(url('/?view=signin'));
    await page.locator('#signin-email').fill(process.env.EMAIL);
    await page.locator('#signin-password').fill(process.env.PASSWORD);
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('account-button').waitFor();
    const list = await (await fetch(url('/api/products?sort=price_asc&limit=40'))).json();
    for (const item of list.items) {
      if (await available(item.id) >= 5) { productId = item.id; break; }
    }
    assert.ok(productId, 'a product with stock');
  });

  await step('a declined card says why, nothing is charged, and another card pays the order', async () => {
    const before = await available(productId);
    const orderId = await order(productId);
    assert.match(await page.getByTestId('order-headline').innerText(), /reserved until/);
    await page.getByTestId('pay-card').click();
    await page.getByTestId('test-card-pm_card_chargeDeclinedInsufficientFunds').check();
    await page.getByTestId('pay-confirm').click();
    await page.getByText(/insufficient funds\. Nothing was charged/).waitFor();
    assert.equal(await available(productId), before - 1, 'still reserved after the decline');
    await page.screenshot({ path: join(SHOTS, 'payment-declined.png') });
    await page.getByTestId('test-card-pm_card_visa').check();
    await page.getByTestId('pay-confirm').click();
    await page.locator('[data-status="PAID"]').waitFor({ timeout: 15_000 });
    assert.match(await page.getByTestId('order-headline').innerText(), /payment was received/);
    assert.equal(await page.getByTestId('payment-panel').count(), 0, 'nothing left to pay');
    await page.locator('[data-status="shipment-PENDING"]').waitFor();
    assert.match(await page.getByTestId('shipments').innerText(), /Being prepared/);
    const o = await page.evaluate(async (id) => {
      const s = JSON.parse(localStorage.getItem('verdant.session'));
      return (await fetch(`/api/orders/${id}`, { headers: { Authorization: `Bearer ${s.idToken}` } })).json();
    }, orderId);
    assert.equal(o.status, 'PAID');
    assert.equal(await available(productId), before - 1, 'sold, not released');
    await page.screenshot({ path: join(SHOTS, 'order-paid.png') });
  });

  await step('cash on delivery confirms the order at once', async () => {
    await order(productId);
    await page.getByTestId('pay-cod').click();
    await page.locator('[data-status="CONFIRMED"]').waitFor();
    assert.match(await page.getByTestId('order-headline').innerText(), /pay the courier on delivery/);
  });

  await step('a cancelled order offers to put its items back in the cart', async () => {
    await order(productId);
    await page.getByTestId('cancel-order').click();
    await page.locator('[data-status="CANCELLED"]').waitFor();
    assert.equal(await page.getByTestId('payment-panel').count(), 0, 'a cancelled order cannot be paid');
    await page.getByTestId('reorder').click();
    await page.waitForURL((u) => u.search.includes('view=cart'));
    await page.getByTestId('cart-line').first().waitFor();
    assert.equal(await page.locator('#cart-count').innerText(), '1');
  });

  await step('no script errors on any page', async () => {
    assert.deepEqual(consoleErrors.filter((e) => !/status of (400|401|402|404|409)/.test(e)), []);
  });
});
