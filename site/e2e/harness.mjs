// What the browser tests share: where the shop and Chromium are, a named-step runner, and the launch flags
// this machine needs (Debian's chromium, no background networking: the network is closed).
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const BASE_URL = process.env.BASE_URL || 'http://127.0.0.1:8080/';
export const SHOTS = process.env.SCREENSHOT_DIR || join(dirname(fileURLToPath(import.meta.url)), 'screenshots');
mkdirSync(SHOTS, { recursive: true });

const executablePath = process.env.CHROMIUM || execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'])
  .toString().trim();

const results = [];

/** What can still be ordered of a product, read live through a fresh visitor cart (never cached). */
export async function available(productId) {
  const res = await fetch(new URL('/api/cart/items', BASE_URL).href, { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ productId, quantity: 1 }) });
  const cart = await res.json();
  if (res.status !== 200) throw new Error(`cart: ${res.status} ${JSON.stringify(cart)}`);
  return cart.lines[0].available;
}

/** Runs one named step, prints ok/FAIL, and rethrows a failure so the script stops there. */
/**
 * Signs in on the sign-in page; signing in lands on the cart (after merging a visitor cart), and only then does the
 * next navigation stay.
 */
export async function signIn(page, email, password) {
  await page.goto(new URL('/?view=signin', BASE_URL).href);
  await page.locator('#signin-email').fill(email);
  await page.locator('#signin-password').fill(password);
  await page.getByTestId('sign-in-submit').click();
  await page.waitForURL((u) => u.searchParams.get('view') === 'cart');
  await page.getByTestId('account-button').waitFor();
}

/** What the local shop's mailbox holds for an address: codes, a staff invitation's password, the authenticator's code. */
export async function mailbox(email) {
  return (await fetch(new URL(`/local/mailbox?email=${encodeURIComponent(email)}`, BASE_URL).href)).json();
}

/** The authenticator's current code, as soon as there is an authenticator (its key is stored when the page shows it). */
async function authenticatorCode(email) {
  for (const end = Date.now() + 10_000; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
    const { authenticatorCode: code } = await mailbox(email);
    if (code) return code;
  }
  throw new Error(`no authenticator for ${email}`);
}

/**
 * Signs a member of staff in on the staff sign-in page: the password, then the authenticator's code (the local shop
 * shows it as the app would); lands on their page (or {@code next}).
 */
export async function staffSignIn(page, email, password, next) {
  await page.goto(new URL(`/?view=staff-signin${next ? `&next=${encodeURIComponent(next)}` : ''}`, BASE_URL).href);
  await page.locator('#staff-email').fill(email);
  await page.locator('#staff-password').fill(password);
  await page.getByTestId('staff-sign-in-submit').click();
  await page.getByTestId('mfa-code').fill(await authenticatorCode(email));
  await page.getByTestId('mfa-submit').click();
  await page.getByTestId('account-button').waitFor();
}

/**
 * The first sign-in of an invited member of staff: the invitation's temporary password, their own password, then an
 * authenticator set up from the key the page shows, and its first code.
 */
export async function firstStaffSignIn(page, email, password) {
  const { temporaryPassword } = await mailbox(email);
  if (!temporaryPassword) throw new Error(`no invitation for ${email}`);
  await page.goto(new URL('/?view=staff-signin', BASE_URL).href);
  await page.locator('#staff-email').fill(email);
  await page.locator('#staff-password').fill(temporaryPassword);
  await page.getByTestId('staff-sign-in-submit').click();
  await page.locator('#new-password').fill(password);
  await page.locator('#new-password2').fill(password);
  await page.getByTestId('new-password-submit').click();
  await page.locator('[data-testid="mfa-secret"][data-secret]').waitFor();
  await page.locator('[data-testid="mfa-qr"] svg').waitFor();   // the QR code to scan, drawn from the same key
  await page.screenshot({ path: join(SHOTS, 'staff-authenticator-setup.png'), fullPage: true });
  await page.getByTestId('mfa-code').fill(await authenticatorCode(email));
  await page.getByTestId('mfa-submit').click();
  await page.getByTestId('account-button').waitFor();
}

export async function step(name, fn) {
  try {
    await fn();
    results.push([name, true]);
    console.log(`ok   ${name}`);
  } catch (e) {
    results.push([name, false]);
    console.log(`FAIL ${name}\n     ${e.stack || e}`);
    throw e;
  }
}

/** A headless Chromium page that records script errors in {@code consoleErrors}. */
export async function launch(viewport) {
  const browser = await chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const page = await browser.newPage({ viewport });
  const consoleErrors = [];
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  return { browser, page, consoleErrors };
}

/** Runs the steps, closes the browser, prints the summary line the Java test checks, and exits. */
export async function run(label, browser, steps) {
  let exitCode = 0;
  try {
    await steps();
  } catch {
    exitCode = 1;
  } finally {
    await browser.close();
  }
  const passed = results.filter((r) => r[1]).length;
  console.log(`${label}: ${passed} passed, ${results.length - passed} failed`);
  process.exit(exitCode);
}
