// The admins' pages in the browser: the demo admin signs in to the staff sign-in (password, then authenticator code),
// opens "Admin" from the account menu, makes someone new a merchant (an invitation to the staff pool) and finds the
// change on the audit log; the new merchant takes up the invitation (their own password, an authenticator set up from
// the key the page shows), finds "Your shop" in their menu and opens their empty back office.
import assert from 'node:assert/strict';
import { launch, run, step, staffSignIn, firstStaffSignIn } from './harness.mjs';

const { browser, page } = await launch({ width: 1280, height: 900 });

const merchantEmail = `willow-${Date.now()}@example.com`;

await run('admin', browser, async () => {
  await step('the admin opens the admin pages from the account menu', async () => {
    await staffSignIn(page, 'admin@verdant.local', 'Verdant-Admin-1');
    await page.goto(new URL('/', page.url()).href);
    await page.getByTestId('account-button').click();
    await page.getByTestId('admin-link').click();
    await page.getByRole('heading', { name: 'Make a merchant' }).waitFor();
  });

  await step('someone new is made a merchant, invited to the staff sign-in, and listed', async () => {
    await page.getByTestId('admin-email').fill(merchantEmail);
    await page.getByTestId('admin-name').fill('Willow & Wool');
    await page.getByTestId('admin-make').click();
    await page.getByTestId('admin-said').filter({ hasText: 'staff invitation' }).waitFor();
    await page.locator('[data-testid="admin-merchant"][data-id^="merchant-willow-wool-"]').waitFor();
  });

  await step('the admin adds a call-centre agent to the staff, who is invited by email and listed with the role', async () => {
    const agentEmail = `agent-${Date.now()}@example.com`;
    await page.getByTestId('staff-email-input').fill(agentEmail);
    await page.getByTestId('staff-name').fill('Ada Lovelace');
    await page.getByTestId('staff-role').selectOption('agent');
    await page.getByTestId('staff-invite').click();
    await page.getByTestId('staff-said').filter({ hasText: `${agentEmail} is invited as agent` }).waitFor();
    const { temporaryPassword } = await (await fetch(new URL(`/local/mailbox?email=${encodeURIComponent(agentEmail)}`, page.url()).href)).json();
    assert.ok(temporaryPassword, 'the invitation is in the mailbox');
    // listed with the role, which an admin can take away again
    const member = page.locator(`[data-testid="staff-member"][data-email="${agentEmail}"]`);
    await member.waitFor();
    assert.match(await member.textContent(), /Invited, not signed in yet/);
    await member.locator('[data-testid="staff-revoke"][data-role="agent"]').waitFor();
  });

  await step('the admin adds a category to the tree, finds it counted, and deletes it again', async () => {
    const name = `Refill Station ${Date.now() % 100000}`;
    const add = page.getByTestId('cat-add');
    await add.locator('input[name="name"]').fill(name);
    await add.getByRole('button', { name: 'Add' }).click();
    // every row's menus name every category: find the row by its own name
    const row = page.getByTestId('cat-row').filter({ has: page.getByTestId('cat-name').filter({ hasText: name }) });
    await row.waitFor();
    assert.match(await row.getByTestId('cat-counts').textContent(), /0 products, 0 sub/);
    await row.getByRole('button', { name: 'Delete' }).click();
    await page.getByTestId('cat-said').filter({ hasText: `${name} deleted` }).waitFor();
    assert.equal(await page.getByTestId('cat-name').filter({ hasText: name }).count(), 0);
  });

  await step('the audit viewer shows the promotion: the new merchant, created by the admin, field by field', async () => {
    await page.getByTestId('audit-entity').selectOption('merchant');
    const made = page.locator('[data-testid="audit-entry"][data-id^="merchant-willow-wool-"]').filter({ hasText: 'created by admin' });
    for (let i = 0; i < 40 && !(await made.count()); i++) {
      await page.getByTestId('audit-show').click();
      await page.waitForTimeout(250);
    }
    const summary = made.first().locator('summary');
    await summary.focus();
    await page.keyboard.press('Enter');   // the diff opens from the keyboard
    const diff = made.first().getByTestId('audit-diff');
    await diff.waitFor();
    assert.match(await diff.textContent(), /displayName.*Willow & Wool/s);
    assert.match(await diff.textContent(), new RegExp(`email.*${merchantEmail.replace(/[.+]/g, '\\$&')}`, 's'));
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `the audit log fits a phone (${overflow} px of sideways scrolling)`);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  await step('the new merchant takes up the invitation, sets up an authenticator and opens their own, empty back office', async () => {
    await page.getByTestId('account-button').click();
    await page.getByTestId('sign-out').click();
    await firstStaffSignIn(page, merchantEmail, 'Willow-And-Wool-2026!');
    await page.getByTestId('account-button').click();
    await page.getByTestId('back-office-link').click();
    await page.waitForURL((u) => u.searchParams.get('view') === 'merchant');
    await page.getByText('No product matches').waitFor();
    assert.equal(await page.getByTestId('bo-product').count(), 0, 'nobody else\'s products');
  });
});
