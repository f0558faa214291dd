import { createRequire } from 'node:module';
import fs from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';

/** What every page a journey reaches must satisfy, checked the same way on all of them: no serious or critical
 * accessibility fault found by axe-core, an h1 (a screen reader's way to the page's subject), and at a viewport at
 * most 400 px wide no sideways scrolling, neither of the page itself nor of a table inside its own box (on a phone
 * a list shows as cards, or only the columns that matter with the rest a tap away). */

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** Faults of these impacts fail a journey; those below are left to review. */
const FAILING_IMPACTS = ['serious', 'critical'];
/** Rules that fail whatever axe rates them. */
const REQUIRED_RULES = ['page-has-heading-one'];
export const NARROW_WIDTH = 400;
/** How long the page must stay still (no change to the document, no animation, no request) before it is checked. */
const QUIET_MS = 300;
/** At most this many elements are listed per fault. */
const LISTED_NODES = 8;

export type Finding = { rule: string; impact: string; help: string; nodes: { target: string; text: string }[] };
export type PageReport = { findings: Finding[]; mutated: boolean };

/** Counts the page's requests in flight, so that a page still loading is not judged (set on each new context). */
export async function trackRequests(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { __khoiRequests: number };
    w.__khoiRequests = 0;
    const original = window.fetch.bind(window);
    window.fetch = (...args: Parameters<typeof fetch>) => {
      w.__khoiRequests++;
      return original(...args).finally(() => w.__khoiRequests--);
    };
  });
}

/** Waits, up to `timeoutMs`, until the page has been still for QUIET_MS; true if it has. */
async function waitQuiet(page: Page, timeoutMs: number): Promise<boolean> {
  return page.evaluate(
    async ({ quietMs, timeoutMs }) => {
      let last = performance.now();
      const observer = new MutationObserver(() => (last = performance.now()));
      observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      const busy = () =>
        ((window as unknown as { __khoiRequests?: number }).__khoiRequests ?? 0) > 0 ||
        // Nothing rendered yet: the app's code (or a page's, loaded when opened) is still on its way.
        document.getElementById('root')?.childElementCount === 0 ||
        // A spinner (antd's, or the app's own page-wide one, marked aria-busy).
        document.querySelector('.ant-spin-spinning, .ant-skeleton-active, [aria-busy="true"]') !== null ||
        document
          .getAnimations()
          .some((a) => a.playState === 'running' && a.effect?.getTiming().iterations !== Infinity);
      const deadline = performance.now() + timeoutMs;
      try {
        while (performance.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 50));
          if (busy()) last = performance.now();
          else if (performance.now() - last >= quietMs) return true;
        }
        return false;
      } finally {
        observer.disconnect();
      }
    },
    { quietMs: QUIET_MS, timeoutMs },
  );
}

/** The check running on each page: axe refuses a second run while one is under way (a journey's own check beside
 * the watcher's), so a page's checks wait their turn. */
const checking = new WeakMap<Page, Promise<unknown>>();

/** Runs the checks on the page as it is now. `mutated`: the document changed while they ran (the journey went on),
 * so the findings may be of no single state of the page. */
export function checkPage(page: Page): Promise<PageReport> {
  const previous = checking.get(page) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(() => runChecks(page));
  checking.set(page, run);
  return run;
}

async function runChecks(page: Page): Promise<PageReport> {
  // A page that loads a new document between axe's injection and the run has no axe: injected again.
  for (let attempt = 1; attempt <= 3; attempt++) {
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
    const report = await axeRun(page);
    if (report) return report;
  }
  throw new Error('axe-core could not be loaded into the page');
}

/** Runs axe and the narrow-screen checks; null when the document has no axe. */
function axeRun(page: Page): Promise<PageReport | null> {
  return page.evaluate(
    async ({ failing, required, narrow, listed }) => {
      const axe = (window as unknown as { axe?: typeof import('axe-core') }).axe;
      if (!axe) return null;
      let mutated = false;
      const observer = new MutationObserver(() => (mutated = true));
      observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      const selectorOf = (el: Element) =>
        el.tagName.toLowerCase() + (el.className ? `.${String(el.className).split(/\s+/).join('.')}` : '');
      const textOf = (selector: string) => {
        const el = document.querySelector(selector);
        // The whole page's text says nothing about a fault of the page (a missing title).
        const text = el === document.documentElement ? '' : ((el as HTMLElement | null)?.innerText ?? '');
        const name = el?.getAttribute('aria-label') ?? el?.getAttribute('placeholder') ?? '';
        return (text.replace(/\s+/g, ' ').trim() || name).slice(0, 60);
      };
      try {
        const results = await axe.run(document, { resultTypes: ['violations'] });
        // An open antd Select puts an unnamed role="listbox" in its dropdown, which the library gives no way to name;
        // the combobox that opened it is named (and checked), so only that finding is passed over.
        // Its scrolling list holder takes no focus either: the keyboard moves through the options from the combobox
        // (aria-activedescendant), so a scroll region there is not out of the keyboard's reach.
        const inSelectDropdown = (n: { target: unknown[] }, what: string) =>
          document.querySelector(n.target.map(String).join(' '))?.matches(`.ant-select-dropdown ${what}`) === true;
        const passedOver: Record<string, string> = {
          'aria-input-field-name': '[role="listbox"]',
          'scrollable-region-focusable': '*',
        };
        const findings = results.violations
          .map((v) => {
            const what = passedOver[v.id];
            return what ? { ...v, nodes: v.nodes.filter((n) => !inSelectDropdown(n, what)) } : v;
          })
          .filter((v) => v.nodes.length > 0)
          .filter((v) => failing.includes(v.impact ?? '') || required.includes(v.id))
          .map((v) => {
            const nodes = v.nodes.slice(0, listed).map((n) => {
              const target = n.target.map(String).join(' >>> ');
              const why = n.any[0]?.message ?? n.all[0]?.message ?? n.none[0]?.message ?? '';
              return { target, text: `"${textOf(target)}"${why ? ` — ${why}` : ''}` };
            });
            const more = v.nodes.length - nodes.length;
            if (more > 0) nodes.push({ target: `… and ${more} more`, text: '' });
            return { rule: v.id, impact: v.impact ?? '', help: v.help, nodes };
          });
        const width = window.innerWidth;
        const scrollWidth = document.documentElement.scrollWidth;
        if (width <= narrow && scrollWidth > width) {
          // The outermost elements that stick out past the right edge, to say what to fix.
          const wide = [...document.body.querySelectorAll('*')]
            .filter((el) => el.getBoundingClientRect().right > width + 1)
            .filter((el) => !el.parentElement || el.parentElement.getBoundingClientRect().right <= width + 1)
            .slice(0, listed);
          findings.push({
            rule: 'narrow-screen-scroll',
            impact: 'serious',
            help: `The page scrolls sideways at ${width} px (its width is ${scrollWidth} px)`,
            nodes: wide.map((el) => ({
              target: selectorOf(el),
              text: `"${(el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60)}" — right edge at ${Math.round(el.getBoundingClientRect().right)} px`,
            })),
          });
        }
        if (width <= narrow) {
          // A table's scrolling box: AntD's, or any element scrolling sideways that holds a table.
          const boxes = new Set<Element>(document.querySelectorAll('.ant-table-content, .ant-table-body'));
          for (const table of document.querySelectorAll('table')) {
            for (let el = table.parentElement; el && el !== document.body; el = el.parentElement) {
              if (['auto', 'scroll'].includes(getComputedStyle(el).overflowX)) boxes.add(el);
            }
          }
          const scrolling = [...boxes].filter((el) => el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1);
          if (scrolling.length) {
            findings.push({
              rule: 'narrow-table-scroll',
              impact: 'serious',
              help: `A table scrolls sideways at ${width} px (what does not fit is out of sight)`,
              nodes: scrolling.slice(0, listed).map((el) => {
                const name =
                  el.querySelector('table')?.getAttribute('aria-label') ??
                  el.closest('[aria-label]')?.getAttribute('aria-label') ??
                  (el.querySelector('th')?.textContent ?? '').trim();
                return {
                  target: selectorOf(el),
                  text: `"${name.replace(/\s+/g, ' ').slice(0, 60)}" — ${el.scrollWidth} px wide in a ${el.clientWidth} px box`,
                };
              }),
            });
          }
        }
        return { findings, mutated };
      } finally {
        observer.disconnect();
      }
    },
    { failing: FAILING_IMPACTS, required: REQUIRED_RULES, narrow: NARROW_WIDTH, listed: LISTED_NODES },
  );
}

/** A page's address as a route: ids (numbers, UUIDs) stand for any id, so a page is checked once, not once per
 * record. The query is left out. */
export function routeOf(url: string): string {
  const { protocol, pathname } = new URL(url);
  if (protocol === 'data:' || protocol === 'about:') return protocol;
  return pathname
    .split('/')
    .map((s) => (/^\d+$|^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s) ? ':id' : s))
    .join('/');
}

export function formatFindings(where: string, findings: Finding[]): string {
  const lines = [`${where}:`];
  for (const f of findings) {
    lines.push(`  ${f.rule} (${f.impact}): ${f.help}`);
    for (const n of f.nodes) lines.push(`    ${n.target}${n.text ? `  ${n.text}` : ''}`);
  }
  return lines.join('\n');
}

/** Quiet wait while the journey runs: a page that never keeps still this long is checked when the journey ends. */
const QUIET_TIMEOUT_MS = 15_000;
/** The page still moving when the journey ends is checked after at most this long anyway. */
const FINAL_QUIET_TIMEOUT_MS = 5_000;
/** A check the journey disturbed (the document changed while it ran) is made again at most this many times. */
const ATTEMPTS = 3;

/** Errors that only mean the page went away or on under the check (a new document, a closed page). */
const GONE =
  /Execution context was destroyed|Target page, context or browser has been closed|Target closed|navigation/i;

/**
 * Checks every page a journey reaches, once per route and viewport width. After each navigation of a watched page
 * (a new document or a route change in the app), the check waits in the background until the page keeps still, and
 * then runs on whatever route the page is on then (a page passed through on the way, the sign-in form's redirect,
 * is not judged). The journey is never waited for; `flush()`, at its end, checks the pages not yet checked, waits
 * for the checks under way and throws the list of faults.
 */
export class PageChecks {
  private readonly checked = new Set<string>();
  private readonly pages = new Set<Page>();
  private readonly running = new Map<Page, Promise<void>>();
  private readonly dirty = new Set<Page>();
  private failures: string[] = [];

  watch(page: Page): void {
    this.pages.add(page);
    page.on('close', () => this.pages.delete(page));
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) this.kick(page);
    });
  }

  private keyOf(page: Page): { key: string; where: string } {
    const width = page.viewportSize()?.width ?? 0;
    const route = routeOf(page.url());
    return { key: `${route} ${width}`, where: `${route} at ${width} px` };
  }

  private kick(page: Page): void {
    this.dirty.add(page);
    if (this.running.has(page)) return;
    const run = (async () => {
      while (this.dirty.delete(page)) await this.checkWhenQuiet(page, QUIET_TIMEOUT_MS, false);
    })().finally(() => this.running.delete(page));
    this.running.set(page, run);
  }

  /** Checks the page's current route if it has not been, once the page keeps still; `anyway`: also if it never
   * does within `timeoutMs`, and even if the journey disturbs each attempt. */
  private async checkWhenQuiet(page: Page, timeoutMs: number, anyway: boolean): Promise<void> {
    try {
      for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
        if (page.isClosed() || this.checked.has(this.keyOf(page).key)) return;
        const quiet = await waitQuiet(page, timeoutMs);
        if (!quiet && !anyway) return;
        const { key, where } = this.keyOf(page);
        if (this.checked.has(key)) return;
        const report = await checkPage(page);
        if (this.keyOf(page).key !== key) continue;
        if (report.mutated && (attempt < ATTEMPTS || !anyway)) continue;
        this.checked.add(key);
        if (report.findings.length) this.failures.push(formatFindings(where, report.findings));
        return;
      }
    } catch (err) {
      if (page.isClosed() || (err instanceof Error && GONE.test(err.message))) return;
      this.failures.push(`${this.keyOf(page).where}: the check itself failed: ${String(err)}`);
    }
  }

  /** Ends a journey's checks: the pages' current routes not yet checked are checked, and the faults found since the
   * last flush are thrown as one error. */
  async flush(): Promise<void> {
    await Promise.all(this.running.values());
    await Promise.all([...this.pages].map((page) => this.checkWhenQuiet(page, FINAL_QUIET_TIMEOUT_MS, true)));
    const failures = this.failures;
    this.failures = [];
    if (failures.length) {
      throw new Error(
        `What people see: ${failures.length} page(s) with faults (axe-core rules, narrow-screen-scroll or ` +
          `narrow-table-scroll):\n` +
          failures.join('\n'),
      );
    }
  }
}
