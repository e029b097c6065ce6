import { chromium, type Browser, type Page, type Request } from "playwright-core";

import { percentile } from "./stats";

/**
 * Time to first render of the Kanban board in headless Chromium, full (≈10,000 matching accounts)
 * against empty (none match) in the same run. The page marks, from a MutationObserver installed
 * before any app script, when the board's first card (full) or its first column (empty) enters the
 * DOM; performance marks count from the navigation start, so the figure covers the document, the
 * JS chunks, the sign-in check, the board query and React's render.
 *
 * The browser-side code is passed as strings: the server's TypeScript has no DOM types.
 */

/** Flags for a quiet, sandbox-free headless Chromium (as the web's browser tests use). */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface Credentials {
  email: string;
  password: string;
}

export interface BoardFilter {
  /** CRM page query parameters (the filter bar's URL state), without view=kanban. */
  params: Record<string, string>;
  /** What a reader calls it, for the notes. */
  description: string;
}

export interface RenderSample {
  /** ms from navigation start to the board's first card (full) or first column (empty) in the DOM. */
  ready: number;
  /** ms from navigation start to the first column (the board query answered and React committed). */
  columns: number;
  /** ms from navigation start to DOMContentLoaded (document and initial chunks run). */
  domContentLoaded: number;
  /** The Board GraphQL request: ms from navigation start to its start and to its response's end. */
  boardRequest: { start: number; end: number } | null;
}

export interface BoardState {
  /** The board's own total (its hidden data-testid), i.e. the accounts matching the filter. */
  totalCount: number;
  columns: number;
  /** Card elements in the DOM after the first render (the columns are virtualized). */
  domCards: number;
}

export interface ScrollProbe {
  /** Most card elements in the DOM at any frame while the largest column scrolls down. */
  maxDomCards: number;
  /** The card index reached at the bottom of the scrolled column. */
  reachedCard: number;
  frames: number[];
}

/** Runs before any app script on every navigation: marks when the board's parts first appear. */
const markScript = `(() => {
  const selectors = { card: "[data-account-id]", column: ".kanban-column" };
  const done = new Set();
  const observer = new MutationObserver(() => {
    for (const [name, selector] of Object.entries(selectors)) {
      if (!done.has(name) && document.querySelector(selector)) {
        done.add(name);
        performance.mark("bench:" + name);
      }
    }
    if (done.size === Object.keys(selectors).length) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

function markTime(name: string): string {
  return `performance.getEntriesByName("bench:${name}")[0]?.startTime ?? null`;
}

export class BoardBrowser {
  private constructor(
    private readonly browser: Browser,
    readonly page: Page,
  ) {}

  /** Launches Chromium (never downloads one) and signs in through the login page. */
  static async open(options: { executablePath: string; baseUrl: string; signIn: Credentials }): Promise<BoardBrowser> {
    const browser = await chromium.launch({ executablePath: options.executablePath, headless: true, chromiumSandbox: false, args: CHROMIUM_ARGS });
    try {
      const context = await browser.newContext({ baseURL: options.baseUrl, locale: "en-US", timezoneId: "UTC", viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      page.setDefaultTimeout(60_000);
      await page.goto("/login");
      await page.getByLabel("Email").fill(options.signIn.email);
      await page.getByLabel("Password").fill(options.signIn.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByRole("button", { name: "Sign out" }).waitFor();
      await context.addInitScript({ content: markScript });
      return new BoardBrowser(browser, page);
    } catch (error) {
      await browser.close();
      throw error;
    }
  }

  static url(filter: BoardFilter): string {
    return `/?${new URLSearchParams({ view: "kanban", ...filter.params }).toString()}`;
  }

  /** One full page load of the board; `expectCards` waits for a card, else for the (empty) columns. */
  async load(filter: BoardFilter, expectCards: boolean): Promise<RenderSample> {
    const mark = expectCards ? "card" : "column";
    const boardRequests: Request[] = [];
    const onRequest = (request: Request) => {
      if (request.method() === "POST" && request.url().endsWith("/graphql") && /"operationName":"Board"/.test(request.postData() ?? "")) {
        boardRequests.push(request);
      }
    };
    this.page.on("requestfinished", onRequest);
    try {
      await this.page.goto(BoardBrowser.url(filter), { waitUntil: "commit" });
      await this.page.waitForFunction(`(${markTime(mark)}) !== null`, undefined, { polling: 50 });
    } finally {
      this.page.off("requestfinished", onRequest);
    }
    const times = (await this.page.evaluate(`({
      ready: ${markTime(mark)},
      columns: ${markTime("column")},
      domContentLoaded: performance.getEntriesByType("navigation")[0]?.domContentLoadedEventEnd ?? null,
      timeOrigin: performance.timeOrigin,
    })`)) as Omit<RenderSample, "boardRequest"> & { timeOrigin: number };
    const timing = boardRequests[0]?.timing();
    const boardRequest = timing ? { start: timing.startTime - times.timeOrigin, end: timing.startTime - times.timeOrigin + timing.responseEnd } : null;
    return { ready: times.ready, columns: times.columns, domContentLoaded: times.domContentLoaded, boardRequest };
  }

  /** What the loaded board shows: its total, its columns and how many card elements it holds. */
  async state(): Promise<BoardState> {
    return (await this.page.evaluate(`({
      totalCount: Number(document.querySelector('[data-testid="kanban-total"]')?.textContent ?? NaN),
      columns: document.querySelectorAll(".kanban-column").length,
      domCards: document.querySelectorAll("[data-account-id]").length,
    })`)) as BoardState;
  }

  /**
   * Scrolls the column holding the most accounts down, `step` pixels a frame for `frames` frames
   * (its next pages load on the way), and tracks the card elements in the DOM and the frame times.
   */
  async scrollLargestColumn(frames: number, step: number): Promise<ScrollProbe> {
    return (await this.page.evaluate(`(async () => {
      const columns = [...document.querySelectorAll(".kanban-column")];
      const count = (column) => Number(column.querySelector('[data-testid="kanban-column-count"]')?.textContent ?? 0);
      const column = columns.sort((a, b) => count(b) - count(a))[0];
      const scroller = column?.querySelector(".kanban-column__cards");
      if (!scroller) return { maxDomCards: 0, reachedCard: 0, frames: [] };
      let maxDomCards = 0;
      const times = [];
      let last = performance.now();
      for (let i = 0; i < ${frames}; i += 1) {
        scroller.scrollTop += ${step};
        await new Promise((done) => requestAnimationFrame(() => done()));
        const now = performance.now();
        times.push(now - last);
        last = now;
        maxDomCards = Math.max(maxDomCards, document.querySelectorAll("[data-account-id]").length);
      }
      // The virtual list places each card at style.top = index × pitch.
      const tops = [...scroller.querySelectorAll("[data-account-id]")].map((card) => parseFloat(card.style.top) || 0).sort((a, b) => a - b);
      const pitch = tops.length > 1 ? tops[1] - tops[0] : 1;
      return { maxDomCards, reachedCard: tops.length > 0 ? Math.round(tops[tops.length - 1] / pitch) + 1 : 0, frames: times };
    })()`)) as ScrollProbe;
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}

export interface RenderSeries {
  samples: RenderSample[];
  p50: number;
}

export function series(samples: RenderSample[]): RenderSeries {
  return { samples, p50: percentile(samples.map((sample) => sample.ready), 50) };
}

/** Loads both boards `runs` times each, alternating so a slower minute of the machine hits both. */
export async function measureBoards(browser: BoardBrowser, full: BoardFilter, empty: BoardFilter, runs: number): Promise<{ full: RenderSeries; empty: RenderSeries }> {
  // A warm-up of each: the browser's HTTP cache and the API's first-query costs are not the figure.
  await browser.load(full, true);
  await browser.load(empty, false);
  const fullSamples: RenderSample[] = [];
  const emptySamples: RenderSample[] = [];
  for (let run = 0; run < runs; run += 1) {
    fullSamples.push(await browser.load(full, true));
    emptySamples.push(await browser.load(empty, false));
  }
  return { full: series(fullSamples), empty: series(emptySamples) };
}
