// A visitor fills a cart, signs up (the confirmation code comes from the local shop's mailbox), sees the
// cart merged, places an order and finds it in the order history; the unpaid order then expires (the test
// shop runs with a shortened reservation) and its stock comes back. BASE_URL points at the shop.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { BASE_URL, SHOTS, available, launch, run, step } from './harness.mjs';
const url = (path) => new URL(path, BASE_URL).href;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));


const { browser, page, consoleErrors } = await launch({ width: 1280, height: 900 });

const email = `shopper-${Date.now()}@example.com`;
const password = 'Green-Basket-2026!';
let productId;
let stockBefore;
let orderId;
await run('shopping', browser, async () => {
  await step('a visitor puts two of a product in the cart', async () => {
    await page.goto(url('/?sort=price_desc'));
    const card = page.locator('[data-testid="product-card"]').first();
    await card.waitFor();
    await card.click();
    await page.waitForURL((u) => u.search.includes('product='));
    productId = new URL(page.url()).searchParams.get('product');
    stockBefore = await available(productId);
    assert.ok(stockBefore >= 2, `needs stock, has ${stockBefore}`);
    await page.locator('#buy-qty').selectOption('2');
    await page.getByTestId('add-to-cart').click();
    await page.getByText('Added to your cart.').waitFor();
    assert.equal(await page.locator('#cart-count').innerText(), '2');
    assert.ok(await page.evaluate(() => localStorage.getItem('verdant.cartToken')), 'the visitor cart token is kept');
  });

  await step('the cart shows the line repriced by the server', async () => {
    await page.getByTestId('cart-link').click();
    await page.getByTestId('cart-line').first().waitFor();
    assert.equal(await page.getByTestId('cart-line').count(), 1);
    assert.match(await page.getByTestId('cart-subtotal').innerText(), /€/);
    assert.match(await page.getByTestId('checkout').innerText(), /Sign in to check out/);
    await page.getByTestId('line-qty').selectOption('3');
    await page.waitForFunction(() => document.querySelector('#cart-count').textContent === '3');
    await page.getByTestId('line-qty').selectOption('2');
    await page.waitForFunction(() => document.querySelector('#cart-count').textContent === '2');
  });

  await step('the visitor signs up, confirms with the mailed code and is signed in', async () => {
    await page.getByTestId('checkout').click();
    await page.getByTestId('sign-up-link').click();
    await page.locator('#signup-email').fill(email);
    await page.locator('#signup-password').fill(password);
    await page.locator('#signup-password2').fill(password);
    await page.getByTestId('sign-up-submit').click();
    await page.waitForURL((u) => u.search.includes('view=confirm'));
    let code;
    for (let i = 0; i < 50 && !code; i++) {
      const box = await (await fetch(url(`/local/mailbox?email=${encodeURIComponent(email)}`))).json();
      code = box.codes[0];
      if (!code) await sleep(100);
    }
    assert.ok(code, 'a confirmation code was "sent"');
    await page.locator('#confirm-code').fill(code);
    await page.getByTestId('confirm-submit').click();
    await page.getByTestId('account-button').waitFor();
    assert.match(await page.getByTestId('account-button').innerText(), new RegExp(email.replace(/[.+]/g, '\\$&')));
  });

  await step('the anonymous cart was merged into the new account', async () => {
    await page.waitForURL((u) => u.search.includes('view=checkout'));
    await page.getByTestId('place-order').waitFor();
    assert.equal(await page.locator('#cart-count').innerText(), '2');
    assert.equal(await page.evaluate(() => localStorage.getItem('verdant.cartToken')), null, 'the visitor token is spent');
    await page.screenshot({ path: join(SHOTS, 'checkout.png') });
  });

  await step('the customer places the order and stock is reserved', async () => {
    await page.locator('#ship-name').fill('Robin Green');
    await page.locator('#ship-line1').fill('12 Orchard Road');
    await page.locator('#ship-postcode').fill('3511 AB');
    await page.locator('#ship-city').fill('Utrecht');
    // the server prices each destination: Germany's VAT is 19 %, and a Dutch postcode is not a German one
    await page.getByTestId('ship-country').selectOption('DE');
    await page.waitForFunction(() => /19%/.test(document.querySelector('[data-testid="checkout-vat"]')?.textContent || ''));
    await page.getByTestId('place-order').click();
    await page.getByText(/not a postcode in Germany/).waitFor();
    await page.getByTestId('ship-country').selectOption('NL');
    await page.waitForFunction(() => /21%/.test(document.querySelector('[data-testid="checkout-vat"]')?.textContent || ''));
    const shown = await page.getByTestId('checkout-total').innerText();
    assert.ok((await page.getByTestId('place-order').innerText()).includes(shown), 'the button charges the total shown');
    await page.getByTestId('place-order').click();
    await page.waitForURL((u) => u.search.includes('view=order') && u.search.includes('placed=1'));
    orderId = new URL(page.url()).searchParams.get('id');
    await page.locator('[data-status="PENDING_PAYMENT"]').waitFor();
    assert.equal(await page.getByTestId('order-total').innerText(), shown, 'the order charges what checkout showed');
    assert.match(await page.getByTestId('order-vat').innerText(), /Includes VAT 21%/);
    assert.equal(await available(productId), stockBefore - 2);
    assert.equal(await page.locator('#cart-count').innerText(), '0', 'ordered products left the cart');
    await page.screenshot({ path: join(SHOTS, 'order-placed.png') });
  });

  await step('the order is in the order history, newest first', async () => {
    await page.getByTestId('account-button').click();
    await page.getByRole('menuitem', { name: 'My orders' }).click();
    await page.getByTestId('order-row').first().waitFor();
    assert.equal(await page.getByTestId('order-row').first().getAttribute('data-order'), orderId);
  });

  await step('a product saved to the wishlist moves to the cart', async () => {
    const list = await (await fetch(url('/api/products?sort=name&limit=20'))).json();
    let wished;
    for (const item of list.items) {
      if (item.id !== productId && await available(item.id) >= 5) { wished = item.id; break; }
    }
    assert.ok(wished, 'a product with stock to wish for');
    await page.goto(url(`/?product=${wished}`));
    await page.getByTestId('add-to-wishlist').click();
    await page.getByText('Saved to your wishlist.').waitFor();
    await page.getByTestId('account-button').click();
    await page.getByRole('menuitem', { name: 'Wishlist' }).click();
    await page.getByTestId('wishlist-item').first().waitFor();
    await page.getByRole('button', { name: 'Move to cart' }).first().click();
    await page.getByText('Nothing saved yet.').waitFor();
    await page.waitForFunction(() => document.querySelector('#cart-count').textContent === '1');
  });

  await step('left unpaid, the order expires and its stock comes back', async () => {
    let status;
    for (let i = 0; i < 60 && status !== 'EXPIRED'; i++) {
      await sleep(500);
      await page.goto(url(`/?view=order&id=${orderId}`));
      status = await page.locator('[data-status]').first().getAttribute('data-status');
    }
    assert.equal(status, 'EXPIRED');
    assert.equal(await page.getByTestId('payment-panel').count(), 0, 'an expired order offers no payment');
    await page.getByTestId('reorder').waitFor();
    assert.equal(await available(productId), stockBefore);
    await page.screenshot({ path: join(SHOTS, 'order-expired.png') });
  });

  await step('an expiring session is refreshed with the refresh token', async () => {
    const before = await page.evaluate(() => JSON.parse(localStorage.getItem('verdant.session')));
    await page.evaluate(() => {
      const s = JSON.parse(localStorage.getItem('verdant.session'));
      s.expiresAt = Date.now() + 5_000;
      localStorage.setItem('verdant.session', JSON.stringify(s));
    });
    await page.goto(url('/?view=orders'));
    await page.getByTestId('order-row').first().waitFor();
    const after = await page.evaluate(() => JSON.parse(localStorage.getItem('verdant.session')));
    assert.notEqual(after.idToken, before.idToken);
    assert.ok(after.expiresAt > Date.now() + 60_000, 'a fresh id token');
    assert.equal(after.refreshToken, before.refreshToken);
  });

  await step('signing out forgets the session', async () => {
    await page.getByTestId('account-button').click();
    await page.getByTestId('sign-out').click();
    await page.getByTestId('sign-in-link').waitFor();
    assert.equal(await page.evaluate(() => localStorage.getItem('verdant.session')), null);
  });

  await step('no script errors on any page', async () => {
    assert.deepEqual(consoleErrors.filter((e) => !/status of (400|401|404|409)/.test(e)), []);
  });
});
