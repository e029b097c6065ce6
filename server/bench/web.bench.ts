import { join } from "node:path";

import type { BenchContext, BenchSuite, Figure, SuiteResult } from "./bench-suite";
import { percentile, round } from "./stats";
import { fullBoardFilter } from "./web-board-filter";
import { GZIP_LEVEL, gzipTotal, kilobytes, measureBundle, type BundleSizes } from "./web-bundle";
import { BoardBrowser, measureBoards, type BoardFilter, type RenderSample } from "./web-render";

/** Issue 10's targets. */
const INITIAL_JS_TARGET_KB = 300;
const FULL_BOARD_TARGET_MS = 1_500;
/** The full board shows about this many accounts (all of them when the volume is smaller). */
const FULL_BOARD_ACCOUNTS = 10_000;

function bundleFigures(sizes: BundleSizes): { figures: Figure[]; notes: string[] } {
  const initial = gzipTotal(sizes.initial);
  const app = gzipTotal(sizes.app);
  const all = gzipTotal(sizes.all);
  const top = sizes.initial
    .slice(0, 6)
    .map((chunk) => `\`${chunk.file}\` ${kilobytes(chunk.gzipBytes)} KB (${kilobytes(chunk.bytes)} KB raw)`)
    .join(", ");
  const lazy = sizes.app
    .filter((chunk) => !sizes.initial.some((initialChunk) => initialChunk.file === chunk.file))
    .slice(0, 5)
    .map((chunk) => `\`${chunk.file}\` ${kilobytes(chunk.gzipBytes)} KB`)
    .join(", ");
  return {
    figures: [
      {
        key: "web.initialJsGzip",
        label: "Initial JS of the CRM page, gzipped",
        value: kilobytes(initial),
        unit: "KB",
        baseline: { label: "every JS chunk the CRM page can load (initial + lazy)", value: kilobytes(app), unit: "KB" },
        target: { text: `≤ ${INITIAL_JS_TARGET_KB} KB`, met: kilobytes(initial) <= INITIAL_JS_TARGET_KB },
      },
      { key: "web.allJsGzip", label: "All JS of web/dist (also the admin GraphQL playground page), gzipped", value: kilobytes(all), unit: "KB" },
    ],
    notes: [
      `**Bundle** (web/dist as built): index.html's entry script, its modulepreloads and their static imports, each gzipped with node:zlib at level ${GZIP_LEVEL} and summed: ` +
        `${kilobytes(initial)} KB in ${sizes.initial.length} chunks, ${round((initial / app) * 100)} % of the ${kilobytes(app)} KB the CRM page can ever load ` +
        `(${sizes.app.length} chunks; ${round((initial / all) * 100)} % of all ${sizes.all.length} JS files, ${kilobytes(all)} KB). ` +
        `Initial chunks: ${top}. Largest lazy chunks: ${lazy || "none"}. ` +
        `Initial CSS: ${kilobytes(gzipTotal(sizes.initialCss))} KB gzipped (not in the JS figure).`,
    ],
  };
}

/** Where a board's load goes, p50 of each part: "document 85 · until the Board request 300 · Board request 200 · render 40". */
function breakdown(samples: readonly RenderSample[]): string {
  const p50 = (values: number[]) => (values.length > 0 ? `${round(percentile(values, 50), 0)} ms` : "n/a");
  const timed = samples.flatMap((sample) => (sample.boardRequest ? [{ ...sample, boardRequest: sample.boardRequest }] : []));
  return [
    `DOMContentLoaded ${p50(samples.map((sample) => sample.domContentLoaded))}`,
    `Board request sent at ${p50(timed.map((sample) => sample.boardRequest.start))}`,
    `answered in ${p50(timed.map((sample) => sample.boardRequest.end - sample.boardRequest.start))}`,
    `rendered ${p50(timed.map((sample) => sample.ready - sample.boardRequest.end))} after its response`,
  ].join(", ");
}

async function renderFigures(ctx: BenchContext): Promise<{ figures: Figure[]; notes: string[] }> {
  const { filter: full, withSalesman, expected } = await fullBoardFilter(ctx.api, FULL_BOARD_ACCOUNTS);
  // The same filter, created from a year no account is: same query shape, nothing matches.
  const empty: BoardFilter = { params: { ...full.params, from: "2099-01-01" }, description: "the same filter with created from 2099-01-01" };
  ctx.log(`full board = ${full.description}: ${expected.toLocaleString("en-US")} accounts`);

  const runs = ctx.quick ? 3 : 7;
  const browser = await BoardBrowser.open({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", baseUrl: ctx.api.url, signIn: ctx.api.signIn });
  try {
    const boards = await measureBoards(browser, full, empty, runs);
    await browser.load(empty, false);
    const emptyState = await browser.state();
    await browser.load(full, true);
    const fullState = await browser.state();
    const scroll = await browser.scrollLargestColumn(ctx.quick ? 60 : 150, 400);
    if (emptyState.totalCount !== 0) {
      throw new Error(`the empty board's filter matched ${emptyState.totalCount} accounts`);
    }
    const ratio = boards.full.p50 / boards.empty.p50;
    const fullP50 = round(boards.full.p50, 0);
    const longFrames = scroll.frames.filter((frame) => frame > 50).length;
    return {
      figures: [
        {
          key: "web.board.full.p50",
          label: `Kanban first render (first card), ${fullState.totalCount.toLocaleString("en-US")} matching accounts, p50 of ${runs}`,
          value: fullP50,
          unit: "ms",
          baseline: { label: "empty board (no account matches), p50", value: round(boards.empty.p50, 0), unit: "ms" },
          target: { text: `≤ ${FULL_BOARD_TARGET_MS} ms (a guide)`, met: fullP50 <= FULL_BOARD_TARGET_MS },
        },
        { key: "web.board.ratio", label: "Kanban first render, full ÷ empty board (p50)", value: round(ratio, 2), unit: "×" },
        { key: "web.board.totalCount", label: "Accounts matching the full board's filter", value: fullState.totalCount, unit: "count" },
        { key: "web.board.domCards", label: "Card elements in the DOM after the full board's first render", value: fullState.domCards, unit: "count" },
        { key: "web.board.scrollDomCards", label: `Most card elements in the DOM while scrolling a column to card ${scroll.reachedCard}`, value: scroll.maxDomCards, unit: "count" },
      ],
      notes: [
        `**Board render**: headless Chromium (${process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"}), 1400×900, signed in as ${ctx.api.signIn.email}; ` +
          `a full page load of \`/?view=kanban&…\` each run, ${runs} runs of each board alternating after one warm-up each. A MutationObserver installed before the app's scripts ` +
          `marks (performance.mark, from navigation start) when the first card enters the DOM (full board) or the first column (empty board). ` +
          `Full board: ${full.description} — the board reports ${fullState.totalCount.toLocaleString("en-US")} accounts (of ${withSalesman.toLocaleString("en-US")} with a salesman), ` +
          `${fullState.columns} columns, ${fullState.domCards} card elements in the DOM. Samples (ms): full ${boards.full.samples.map((sample) => round(sample.ready, 0)).join(", ")}; ` +
          `empty ${boards.empty.samples.map((sample) => round(sample.ready, 0)).join(", ")}. ` +
          `Full board (p50 from navigation start): ${breakdown(boards.full.samples)}. Empty board: ${breakdown(boards.empty.samples)}.`,
        `**Virtualization**: scrolling the largest column ${scroll.frames.length} frames × 400 px (its next pages load on the way) reached card ${scroll.reachedCard} ` +
          `with at most ${scroll.maxDomCards} card elements in the whole board's DOM; frame time p50 ${round(percentile(scroll.frames, 50), 0)} ms, ` +
          `p95 ${round(percentile(scroll.frames, 95), 0)} ms, ${longFrames} frame(s) over 50 ms (a shared 2-core machine; a guide only).`,
      ],
    };
  } finally {
    await browser.close();
  }
}

/** Issue 10's web figures: the initial JS the CRM page loads, and the Kanban's first render. */
export const webSuite: BenchSuite = {
  id: "web",
  title: "Web: initial bundle and Kanban first render",
  async run(ctx: BenchContext): Promise<SuiteResult> {
    const distDir = join(ctx.root, "web", "dist");
    ctx.log(`sizing ${distDir}`);
    const bundle = bundleFigures(measureBundle(distDir));
    const render = await renderFigures(ctx);
    return { figures: [...bundle.figures, ...render.figures], notes: [...bundle.notes, ...render.notes] };
  },
};
