/**
 * The team workspace, with several people at once against `npm start`'s server (its own SQLite folder): Ana
 * makes the first account (she owns the workspace) and invites Ben (analyst) and Vic (viewer). Ben watches Ana's
 * article appear; Ben corrects a figure offline and Ana sees it once he is back; both change one field offline
 * and the Review queue shows the conflict with both values; Vic cannot add or edit, and the server answers 403
 * when his page is tampered with.
 */
import { readFileSync, mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addArticleText, settled } from './browser';
import { PASSWORD, useWorkspace, type Person } from './workspace-browser';

const SHOTS = 'test-results/workspace';
mkdirSync(SHOTS, { recursive: true });

/** A test article, not news: one casualty rate. */
const ARTICLE = {
  body: readFileSync('e2e/fixtures/casualty-rate-article.txt', 'utf8'),
  published: '2025-03-06',
  publisher: 'Test Wire',
  title: 'Russian losses climb as spring offensive builds',
};

const workspaceButton = (page: Page) =>
  page.getByRole('banner').getByRole('button', { name: 'Workspace', exact: true });
const syncState = (page: Page) => workspaceButton(page).locator('.workspace-control__state').innerText();

async function openMenu(page: Page, item: 'Sign in' | 'Sign out' | 'Members' | 'Activity' | 'Review queue') {
  await workspaceButton(page).click();
  await page.getByRole('banner').getByRole('button', { name: item, exact: true }).click();
}

/** Creates an account in the "Sign in" dialog (opened from the menu, or already open after an invite link). */
async function createAccount(p: Person, alreadyOpen = false) {
  if (!alreadyOpen) await openMenu(p.page, 'Sign in');
  const dialog = p.page.getByRole('dialog', { name: 'Sign in' });
  await dialog.getByRole('textbox', { name: 'Email' }).fill(p.email);
  await dialog.getByLabel('Password').fill(PASSWORD);
  await dialog.getByRole('textbox', { name: 'Name' }).fill(p.name);
  await dialog.getByRole('button', { name: 'Create account' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await expect.poll(() => syncState(p.page)).toBe('Synced');
}

/** The owner's invite link for a role, made in "Members". */
async function inviteLink(owner: Page, role: 'analyst' | 'reviewer' | 'viewer'): Promise<string> {
  await openMenu(owner, 'Members');
  const dialog = owner.getByRole('dialog', { name: 'Members' });
  await dialog.getByLabel('Role for the invite').selectOption(role);
  await dialog.getByRole('button', { name: 'Invite link' }).click();
  const link = await dialog.getByRole('textbox', { name: /^Link to send/ }).inputValue();
  await owner.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  return new URL(link).search;
}

/** Joins with an invite link: the page asks to sign in, the person creates an account and is in. */
async function joinWith(p: Person, search: string) {
  await p.page.goto(new URL(p.page.url()).origin + '/' + search);
  await p.page.getByRole('dialog', { name: 'Sign in' }).waitFor();
  await createAccount(p, true);
}

/** The test article's figure card, found with the search. */
async function casualtyCard(page: Page) {
  await page.getByRole('region', { name: 'Filters' }).getByRole('searchbox').fill('1,500 soldiers');
  await settled(page);
  return page.getByRole('list', { name: 'Lead figures' }).getByRole('article').first();
}

/** Corrects the figure's value in its detail: "Edit", the value, "Save". */
async function correctValue(page: Page, value: string) {
  const card = await casualtyCard(page);
  await card.getByRole('button', { name: /^Quote and source/ }).click();
  const detail = page.getByRole('dialog').first();
  await detail.getByRole('button', { name: 'Edit', exact: true }).click();
  const form = detail.getByRole('form', { name: 'Edit this figure' });
  await form.getByRole('spinbutton', { name: 'Value', exact: true }).fill(value);
  await form.getByRole('button', { name: 'Save', exact: true }).click();
  await detail.getByText(/Saved as a new version/).waitFor();
  await page.keyboard.press('Escape');
  await detail.waitFor({ state: 'hidden' });
}

/** Waits until the service worker controls the page: then the app's code is there offline too. */
async function offlineReady(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
}

describe('team workspace', () => {
  const ws = useWorkspace();

  it('shares an article, an offline correction, a restart and a conflict; a viewer cannot change anything', async () => {
    // Offline, and the server restarting: the browser logs each request the network or the server refused.
    const offline = [/net::ERR_/, /Failed to load resource/];
    const ana = await ws.person('Ana', '/', offline);
    await settled(ana.page);
    await expect.poll(() => syncState(ana.page)).toMatch(/Signed out|Sign in/);
    await createAccount(ana);
    await ana.page.screenshot({ path: `${SHOTS}/signed-in-1440.png` });

    const ben = await ws.person('Ben', '/', offline);
    await settled(ben.page);
    await joinWith(ben, await inviteLink(ana.page, 'analyst'));

    // Ana adds an article; Ben, watching, sees its figure appear without reloading.
    await addArticleText(ana.page, ARTICLE);
    await expect.poll(async () => (await casualtyCard(ben.page)).innerText()).toContain('1,500');
    await ben.page.screenshot({ path: `${SHOTS}/ben-sees-article-1440.png` });

    // Ben corrects it offline: the control counts what waits; back online, Ana sees the new value.
    await offlineReady(ana.page);
    await offlineReady(ben.page);
    await ben.context.setOffline(true);
    await correctValue(ben.page, '1600');
    await expect.poll(() => syncState(ben.page)).toMatch(/^Offline — 1 change waiting$/);
    await ben.page.screenshot({ path: `${SHOTS}/ben-offline-1440.png` });
    await ben.context.setOffline(false);
    await expect.poll(() => syncState(ben.page)).toBe('Synced');
    await expect.poll(async () => (await casualtyCard(ana.page)).innerText()).toContain('1,600');

    // The server goes down (a restart): Ben's correction waits ("Sync failed — retrying"), then goes through.
    await ws.server().kill('SIGTERM');
    await correctValue(ben.page, '1650');
    await expect.poll(() => syncState(ben.page)).toMatch(/^Sync failed — retrying$|^Offline — 1 change waiting$/);
    await ws.server().restart();
    await expect.poll(() => syncState(ben.page), { timeout: 90_000 }).toBe('Synced');
    await expect.poll(async () => (await casualtyCard(ana.page)).innerText(), { timeout: 90_000 }).toContain('1,650');

    // Both change the same field offline: the Review queue keeps both values, with who set each.
    await ana.context.setOffline(true);
    await ben.context.setOffline(true);
    await correctValue(ana.page, '1700');
    await correctValue(ben.page, '1800');
    await ana.context.setOffline(false);
    await expect.poll(() => syncState(ana.page)).toBe('Synced');
    await ben.context.setOffline(false);
    await expect.poll(() => syncState(ben.page)).toBe('Synced');
    await openMenu(ana.page, 'Review queue');
    const queue = ana.page.getByRole('dialog', { name: 'Review queue' });
    await expect
      .poll(() => queue.innerText())
      .toMatch(/1,700[\s\S]*Ana[\s\S]*1,800[\s\S]*Ben|1,800[\s\S]*Ben[\s\S]*1,700[\s\S]*Ana/);
    await queue.screenshot({ path: `${SHOTS}/conflict-1440.png` });
    await queue.getByRole('button', { name: /^Keep 1,700/ }).click();
    await expect.poll(() => queue.innerText()).not.toMatch(/Keep 1,800/);
    await ana.page.keyboard.press('Escape');
    await expect.poll(async () => (await casualtyCard(ben.page)).innerText()).toContain('1,700');

    // Activity: the log, newest first, with who.
    await openMenu(ana.page, 'Activity');
    const activity = ana.page.getByRole('dialog', { name: 'Activity' });
    await expect.poll(() => activity.innerText()).toMatch(/Ben/);
    await activity.screenshot({ path: `${SHOTS}/activity-1440.png` });
    await ana.page.keyboard.press('Escape');

    // "Export workspace": the workspace's data with its whole change log, as a data file.
    await workspaceButton(ana.page).click();
    const [download] = await Promise.all([
      ana.page.waitForEvent('download'),
      ana.page.getByRole('banner').getByRole('link', { name: 'Export workspace' }).click(),
    ]);
    const file = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
      format: string;
      packs: unknown[];
      workspace: { history: { by: { name: string } }[] };
    };
    expect(file.format).toBe('geobrief-data');
    expect(file.packs).toHaveLength(1);
    expect(new Set(file.workspace.history.map((e) => e.by.name))).toEqual(new Set(['Ana', 'Ben']));

    // A viewer: "Add article" is not offered; a tampered page pushing a change gets 403 from the server.
    const vic = await ws.person('Vic', '/', [/403/, /Failed to load resource/]);
    await settled(vic.page);
    await joinWith(vic, await inviteLink(ana.page, 'viewer'));
    await expect.poll(() => vic.page.getByRole('button', { name: 'Add article' }).first().isDisabled()).toBe(true);
    const vicCard = await casualtyCard(vic.page);
    await vicCard.getByRole('button', { name: /^Quote and source/ }).click();
    const vicDetail = vic.page.getByRole('dialog').first();
    expect(await vicDetail.getByRole('button', { name: 'Edit', exact: true }).isDisabled()).toBe(true);
    await vic.page.keyboard.press('Escape');
    const status = await vic.page.evaluate(async () => {
      const res = await fetch('/api/workspace/changes', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          changes: [
            {
              id: 'tampered-1',
              at: new Date().toISOString(),
              type: 'approve',
              item: { kind: 'figure', id: 'some-figure' },
            },
          ],
        }),
      });
      return res.status;
    });
    expect(status).toBe(403);
    await vic.page.screenshot({ path: `${SHOTS}/viewer-1440.png` });
  }, 180_000);

  // Goes on from the journey above (same server): Ana's account and her article are there.
  it('works on a 360 px phone: the control, signing in, the review queue and approving', async () => {
    const ana = await ws.person('Ana');
    await settled(ana.page);
    await openMenu(ana.page, 'Sign in');
    const signIn = ana.page.getByRole('dialog', { name: 'Sign in' });
    await signIn.getByRole('textbox', { name: 'Email' }).fill(ana.email);
    await signIn.getByLabel('Password').fill(PASSWORD);
    await signIn.getByRole('button', { name: 'Sign in', exact: true }).click();
    await signIn.waitFor({ state: 'hidden' });
    await expect.poll(() => syncState(ana.page)).toBe('Synced');
    const link = await inviteLink(ana.page, 'reviewer');

    const rita = await ws.person('Rita', '/', [], true);
    await settled(rita.page);
    await rita.page.goto(new URL(rita.page.url()).origin + '/' + link);
    const dialog = rita.page.getByRole('dialog', { name: 'Sign in' });
    await dialog.waitFor();
    await rita.page.screenshot({ path: `${SHOTS}/sign-in-360.png` });
    await createAccount(rita, true);
    const noSideScroll = () => rita.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    expect(await noSideScroll()).toBe(true);
    await workspaceButton(rita.page).click();
    await rita.page.getByRole('banner').getByRole('button', { name: 'Review queue', exact: true }).waitFor();
    await rita.page.screenshot({ path: `${SHOTS}/menu-360.png` });
    await rita.page.getByRole('banner').getByRole('button', { name: 'Review queue', exact: true }).click();
    const queue = rita.page.getByRole('dialog', { name: 'Review queue' });
    // The article Ana added in the first journey waits for review; a reviewer approves its figure.
    const approve = queue.getByRole('button', { name: /^Approve Soldiers killed/ });
    await approve.waitFor();
    await queue.screenshot({ path: `${SHOTS}/review-queue-360.png` });
    expect(await noSideScroll()).toBe(true);
    await approve.click();
    await approve.waitFor({ state: 'detached' });
    await rita.page.keyboard.press('Escape');
    const card = await casualtyCard(rita.page);
    await card.getByRole('button', { name: /^Quote and source/ }).click();
    await rita.page
      .getByRole('dialog')
      .first()
      .getByText(/Approved by you on/)
      .waitFor();
    await rita.page.screenshot({ path: `${SHOTS}/approved-detail-360.png` });
  });
});
