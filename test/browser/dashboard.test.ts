// The dashboard (scripts/dashboard) in Debian's Chromium, driven by playwright-core: the page is served
// by its own static server with `Content-Security-Policy: script-src 'self'` and talks cross-origin to
// the simulated controller on another port. It lists the seeded cluster, spawns a resource, follows a
// change made behind its back, deletes the resource, reacts to a node event from the simulator's event
// stream at once, and reports no CSP violation or console error.
// Needs /usr/bin/chromium (CI installs it with apt-get install -y chromium): fails without it under CI,
// skips with a printed reason otherwise. Screenshot: test-output/browser/dashboard.png.

import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { buildDashboard } from '../../scripts/dashboard/build';
import { DASHBOARD_SEED } from '../../scripts/dashboard/seed';
import {
  CONTENT_SECURITY_POLICY,
  type StaticServer,
  startStaticServer,
} from '../../scripts/dashboard/static-server';
import { type RunningSimulator, startSimulator } from '../../src/testing';
import { nodeEventHub } from '../../src/testing/node-events';

const CHROMIUM = '/usr/bin/chromium';
/** This machine's network is closed: without these Chromium keeps trying (and failing) to phone home. */
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const repoRoot = path.resolve(__dirname, '..', '..');
const SCREENSHOT = path.join(repoRoot, 'test-output', 'browser', 'dashboard.png');
/** Upper bound for anything the page has to show; the page refreshes every POLL_MS. */
const UI_TIMEOUT_MS = 20_000;
const POLL_MS = 500;
const SPAWNED = 'dash-test';

const inCi = Boolean(process.env.CI) && !['0', 'false'].includes(String(process.env.CI).toLowerCase());
const haveChromium = existsSync(CHROMIUM);

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

if (!haveChromium && inCi) {
  describe('dashboard in Chromium', () => {
    it('has Debian chromium installed', () => {
      throw new Error(`${CHROMIUM} is missing; CI must install it first: apt-get install -y chromium`);
    });
  });
} else if (!haveChromium) {
  console.log(
    `[test/browser] skipped: ${CHROMIUM} not found (install Debian's chromium: apt-get install -y chromium)`,
  );
  describe.skip('dashboard in Chromium (no /usr/bin/chromium)', () => {
    it('runs the dashboard', () => undefined);
  });
} else {
  describe('dashboard in Chromium', () => {
    let buildDir: string;
    let profileDir: string;
    let sim: RunningSimulator;
    let server: StaticServer;
    let context: BrowserContext;
    let page: Page;
    /** whether this simulator serves GET /v1/events/nodes as server-sent events */
    let simHasNodeEvents = false;
    const problems: string[] = [];
    /** the script files the page loaded (app.js, then the chunks of the SDK's method families) */
    const scriptsLoaded: string[] = [];

    beforeAll(async () => {
      buildDir = mkdtempSync(path.join(os.tmpdir(), 'linstor-dashboard-'));
      profileDir = mkdtempSync(path.join(os.tmpdir(), 'linstor-chromium-'));
      const [built, simulator] = await Promise.all([
        buildDashboard(buildDir),
        startSimulator({ port: 0, seed: DASHBOARD_SEED }),
      ]);
      sim = simulator;
      server = await startStaticServer({ root: built.outDir, port: 0 });
      simHasNodeEvents = await servesEventStream(`${sim.url}/v1/events/nodes`);

      const { chromium } = await import('playwright-core');
      context = await chromium.launchPersistentContext(profileDir, {
        executablePath: CHROMIUM,
        headless: true,
        args: CHROMIUM_FLAGS,
        viewport: { width: 1280, height: 900 },
      });
      // Runs before each page's own script (and is not itself subject to the page's CSP).
      await context.addInitScript(() => {
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', (e) =>
          window.__cspViolations?.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline/eval'}`),
        );
      });
      page = context.pages()[0] ?? (await context.newPage());
      watch(page);
    }, 60_000);

    /** Collects the console errors and warnings and uncaught exceptions of a page. */
    const watch = (p: Page) => {
      p.on('console', (m) => {
        if (m.type() !== 'error' && m.type() !== 'warning') return;
        const line = `${m.type()}: ${m.text()} (${m.location().url})`;
        problems.push(line);
      });
      p.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
      p.on('requestfinished', (r) => {
        if (r.resourceType() === 'script') scriptsLoaded.push(new URL(r.url()).pathname.slice(1));
      });
    };

    afterAll(async () => {
      await context?.close();
      await server?.close();
      await sim?.close();
      for (const dir of [buildDir, profileDir]) if (dir) rmSync(dir, { recursive: true, force: true });
    });

    const text = async (selector: string) => ((await page.textContent(selector)) ?? '').trim();
    /** Waits for the outcome line of an action (`<action>: done` or `<action> failed: …`). */
    const actionOutcome = async (action: string) => {
      await page.waitForFunction(
        (prefix) => document.getElementById('action-result')?.textContent?.startsWith(prefix) === true,
        action,
        { timeout: UI_TIMEOUT_MS },
      );
      return text('#action-result');
    };
    const allTexts = (selector: string) => page.locator(selector).allTextContents();

    it('loads under the strict CSP from another origin and lists the seeded cluster', async () => {
      expect(new URL(server.url).origin).not.toBe(new URL(sim.url).origin);
      const response = await page.goto(
        `${server.url}/?controller=${encodeURIComponent(sim.url)}&poll=${POLL_MS}`,
      );
      expect(response?.status()).toBe(200);
      expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      await page.waitForSelector('body[data-loaded="true"]', { timeout: UI_TIMEOUT_MS });
      // the SDK's method families came as chunks fetched after app.js (allowed by script-src 'self')
      expect(scriptsLoaded[0]).toBe('app.js');
      expect(scriptsLoaded.filter((name) => name.startsWith('chunk-')).length).toBeGreaterThan(0);

      expect(await page.getAttribute('#connection', 'data-state')).toBe('ok');
      expect(await text('#connection')).toContain(`connected to ${sim.url}`);
      // the generated ajv validators ran in the page (no eval under this CSP) and accepted every reply
      expect(await page.getAttribute('#schema-check', 'data-state')).toBe('ok');

      // nodes with their connection status
      expect(await allTexts('#nodes tbody tr td:first-child')).toEqual([
        'alpha',
        'bravo',
        'charlie',
        'delta',
      ]);
      expect(await text('#nodes tr[data-node="alpha"] .connection')).toBe('ONLINE');
      expect(await text('#nodes tr[data-node="delta"] .connection')).toBe('OFFLINE');

      // storage pools with free space (KiB from the controller, shown in binary units)
      expect(await text('#pools tr[data-pool="alpha/ssd"] .free')).toBe('16.0 GiB'); // 20 GiB minus pg-main's 4 GiB
      expect(await text('#pools tr[data-pool="charlie/DfltStorPool"] .free')).toBe('50 GiB');

      // resources: diskful replicas with device paths and disk states, the diskless tie-breaker
      expect(await allTexts('#resources tbody tr td:first-child')).toEqual(['pg-main', 'www-data']);
      const diskful = await allTexts('#resources tr[data-resource="www-data"] .diskful li');
      expect(diskful).toHaveLength(2);
      for (const line of diskful) expect(line).toMatch(/^(alpha|bravo|charlie) \/dev\/drbd\d+ UpToDate$/);
      expect(await allTexts('#resources tr[data-resource="www-data"] .diskless li')).toEqual([
        expect.stringMatching(/^\w+ \/dev\/drbd\d+ tie-breaker$/),
      ]);
      expect(await text('#resources tr[data-resource="www-data"] .state')).toBe('2 × UpToDate');

      // live updates: the simulator serves the node event stream, so the page follows it instead of
      // polling. The page says 'events' once the stream is open (until then 'starting'); a node change
      // nothing on the page shows (an Aux property) then sends an event the page names.
      expect(simHasNodeEvents).toBe(true);
      const hub = nodeEventHub(sim.state);
      while (hub.subscribers === 0) await new Promise((resolve) => setTimeout(resolve, 20));
      await page.waitForFunction((expected) => document.body.dataset.live === expected, 'events', {
        timeout: UI_TIMEOUT_MS,
      });
      expect(await text('#live-mode')).toMatch(/^live: node events \+ refresh every/);
      const alpha = sim.state.node('alpha');
      if (!alpha) throw new Error('seeded node alpha missing');
      alpha.props['Aux/dashboard-test'] = 'event';
      sim.state.changed();
      await page.waitForFunction(
        () => document.getElementById('live-mode')?.textContent?.includes('node-modified alpha') === true,
        undefined,
        { timeout: UI_TIMEOUT_MS },
      );
      expect(await page.getAttribute('body', 'data-live')).toBe('events');
    });

    it('spawns a resource from a resource group and shows it', async () => {
      await page.selectOption('#spawn-group', 'web');
      await page.fill('#spawn-name', SPAWNED);
      await page.fill('#spawn-size', '64MiB');
      await page.click('#spawn-button');

      expect(await actionOutcome(`spawn ${SPAWNED} from web`)).toBe(`spawn ${SPAWNED} from web: done`);
      const row = `#resources tr[data-resource="${SPAWNED}"]`;
      await page.waitForSelector(row, { timeout: UI_TIMEOUT_MS });
      expect(sim.state.resourceDefinition(SPAWNED)?.resourceGroup).toBe('web');
      expect(await text(`${row} td.num`)).toBe('64 MiB');
      const diskful = await allTexts(`${row} .diskful li`);
      expect(diskful).toHaveLength(2); // the group's place_count
      for (const line of diskful) expect(line).toMatch(/ \/dev\/drbd\d+ UpToDate$/);

      mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
      await page.screenshot({ path: SCREENSHOT, fullPage: true });
    });

    it('follows changes made elsewhere without a reload', async () => {
      sim.state.setNodeOnline('delta', true);
      await page.waitForFunction(
        () => document.querySelector('#nodes tr[data-node="delta"] .connection')?.textContent === 'ONLINE',
        undefined,
        { timeout: UI_TIMEOUT_MS },
      );
    });

    it('deletes the resource and stops showing it', async () => {
      const dialogs: string[] = [];
      page.once('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.accept();
      });
      await page.click(`#resources button[data-delete="${SPAWNED}"]`);
      expect(await actionOutcome(`delete ${SPAWNED}`)).toBe(`delete ${SPAWNED}: done`);
      await page.waitForSelector(`#resources tr[data-resource="${SPAWNED}"]`, {
        state: 'detached',
        timeout: UI_TIMEOUT_MS,
      });
      expect(dialogs).toEqual([expect.stringContaining(SPAWNED)]);
      expect(sim.state.resourceDefinition(SPAWNED)).toBeUndefined();
      expect(await allTexts('#resources tbody tr td:first-child')).toEqual(['pg-main', 'www-data']);
    });

    it('refreshes at once on a node event from the simulator', async () => {
      const hub = nodeEventHub(sim.state);
      const listening = hub.subscribers;
      const eventsPage = await context.newPage();
      watch(eventsPage);
      const charlie = '#nodes tr[data-node="charlie"] .connection';
      try {
        // a poll period far beyond the test's time: only the event can bring the change in time
        await eventsPage.goto(`${server.url}/?controller=${encodeURIComponent(sim.url)}&poll=600000`);
        await eventsPage.waitForSelector('body[data-loaded="true"]', { timeout: UI_TIMEOUT_MS });
        // the new page's stream is subscribed on the simulator (the first page keeps its own)
        while (hub.subscribers <= listening) await new Promise((resolve) => setTimeout(resolve, 20));
        expect(await eventsPage.textContent(charlie)).toBe('ONLINE');

        // setNodeOnline makes the simulator send node-modified
        sim.state.setNodeOnline('charlie', false);
        await eventsPage.waitForFunction(
          (selector) => document.querySelector(selector)?.textContent === 'OFFLINE',
          charlie,
          { timeout: UI_TIMEOUT_MS },
        );
        expect(await eventsPage.getAttribute('body', 'data-live')).toBe('events');
        expect(await eventsPage.textContent('#live-mode')).toContain('node-modified charlie');
        expect(await eventsPage.evaluate(() => window.__cspViolations)).toEqual([]);
      } finally {
        await eventsPage.close();
        sim.state.setNodeOnline('charlie', true);
      }
    });

    it('reported no CSP violation and no console error', async () => {
      expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
      expect(problems).toEqual([]);

      // Controls: this CSP really refuses eval in the page's own scripts (DevTools' evaluate is exempt,
      // so the probe is a same-origin script file) and inline scripts, and the detectors see both.
      writeFileSync(
        path.join(buildDir, 'eval-probe.js'),
        "try { new Function('return 1')(); document.body.dataset.evalProbe = 'ran'; }\n" +
          'catch (e) { document.body.dataset.evalProbe = e.name; }\n',
      );
      await page.evaluate(() => {
        const probe = document.createElement('script');
        probe.src = 'eval-probe.js';
        const inline = document.createElement('script');
        inline.textContent = "document.body.dataset.inlineRan = 'yes';";
        document.head.append(probe, inline);
      });
      await page.waitForFunction(() => document.body.dataset.evalProbe !== undefined, undefined, {
        timeout: UI_TIMEOUT_MS,
      });
      expect(await page.getAttribute('body', 'data-eval-probe')).toBe('EvalError');
      expect(await page.getAttribute('body', 'data-inline-ran')).toBeNull();
      await page.waitForFunction(() => (window.__cspViolations?.length ?? 0) >= 2, undefined, {
        timeout: UI_TIMEOUT_MS,
      });
      const violations = (await page.evaluate(() => window.__cspViolations)) ?? [];
      expect(violations).toHaveLength(2);
      for (const v of violations) expect(v).toMatch(/^script-src/);
      expect(problems.some((p) => /Content Security Policy/i.test(p))).toBe(true);
    });
  });
}

/** true when `url` answers with a text/event-stream body (the request is aborted right after the headers). */
async function servesEventStream(url: string): Promise<boolean> {
  const abort = new AbortController();
  try {
    const reply = await fetch(url, { headers: { accept: 'text/event-stream' }, signal: abort.signal });
    return reply.ok && /^text\/event-stream\b/i.test(reply.headers.get('content-type') ?? '');
  } catch {
    return false;
  } finally {
    abort.abort();
  }
}
