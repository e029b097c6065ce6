import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { gzipTotal, measureBundle } from "./web-bundle";

/** A dist folder shaped like vite's: index.html, an entry, a preload, a shared chunk and lazy chunks. */
function writeDist(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "web-bundle-"));
  mkdirSync(join(dir, "assets"));
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/** Text that gzip cannot shrink much, so the gzipped sizes follow the raw ones. */
function noise(count: number): string {
  return Array.from({ length: count }, (_, i) => ((i * 7919) % 10007).toString(36)).join(",");
}

const indexHtml = `<!doctype html><html><head>
<script type="module" crossorigin src="/assets/main-a1.js"></script>
<link rel="modulepreload" crossorigin href="/assets/runtime-b2.js">
<link rel="stylesheet" crossorigin href="/assets/main-c3.css">
</head><body><div id="root"></div></body></html>`;

describe("measureBundle", () => {
  let dist: string;

  beforeEach(() => {
    dist = writeDist({
      "index.html": indexHtml,
      "assets/main-a1.js": `import{a as e}from"./runtime-b2.js";import{b}from"./vendor-d4.js";const f=()=>import(\`./Calendar-e5.js\`);console.log("main", e, b, f);`,
      "assets/runtime-b2.js": `export const a = 1;`,
      "assets/vendor-d4.js": `export*from"./shared-f6.js";export const b = "${noise(400)}";`,
      "assets/shared-f6.js": `export const s = 2;`,
      "assets/Calendar-e5.js": `import"./calendar-lib-g7.js";const h=()=>import("./Deeper-h8.js");export const c = 3;`,
      "assets/calendar-lib-g7.js": `export const lib = "${noise(800)}";`,
      "assets/Deeper-h8.js": `export const d = 4;`,
      "assets/playground-i9.js": `import "graphiql.js"; export const p = 5;`,
      "assets/main-c3.css": `body { margin: 0 }`,
    });
  });

  afterEach(() => rmSync(dist, { recursive: true, force: true }));

  it("should count the entry, its preloads and their static imports as initial, never a lazy chunk", () => {
    const sizes = measureBundle(dist);

    expect(sizes.initial.map((chunk) => chunk.file).sort()).toEqual(["assets/main-a1.js", "assets/runtime-b2.js", "assets/shared-f6.js", "assets/vendor-d4.js"]);
    expect(sizes.initialCss.map((chunk) => chunk.file)).toEqual(["assets/main-c3.css"]);
  });

  it("should follow dynamic imports transitively for the app, and list every JS file for all", () => {
    const sizes = measureBundle(dist);

    expect(sizes.app.map((chunk) => chunk.file).sort()).toEqual([
      "assets/Calendar-e5.js",
      "assets/Deeper-h8.js",
      "assets/calendar-lib-g7.js",
      "assets/main-a1.js",
      "assets/runtime-b2.js",
      "assets/shared-f6.js",
      "assets/vendor-d4.js",
    ]);
    expect(sizes.all).toHaveLength(8);
    expect(gzipTotal(sizes.initial)).toBeLessThan(gzipTotal(sizes.app));
    expect(gzipTotal(sizes.app)).toBeLessThan(gzipTotal(sizes.all));
  });

  it("should sort chunks largest (gzipped) first", () => {
    const { initial } = measureBundle(dist);

    expect(initial.map((chunk) => chunk.gzipBytes)).toEqual([...initial.map((chunk) => chunk.gzipBytes)].sort((a, b) => b - a));
    expect(initial[0]?.file).toBe("assets/vendor-d4.js");
  });

  it("should follow the chunks vite lists in __vite__mapDeps as part of the app", () => {
    writeFileSync(
      join(dist, "assets/main-a1.js"),
      `const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["assets/Calendar-e5.js","assets/main-c3.css"])))=>i.map(i=>d[i]);import{a}from"./runtime-b2.js";`,
    );

    expect(measureBundle(dist).app.map((chunk) => chunk.file)).toContain("assets/calendar-lib-g7.js");
  });

  it("should fail, naming the file, when a chunk an import names is missing", () => {
    rmSync(join(dist, "assets/shared-f6.js"));

    expect(() => measureBundle(dist)).toThrow(/assets\/shared-f6\.js is referenced/);
  });

  it("should fail when index.html has no module entry script", () => {
    writeFileSync(join(dist, "index.html"), "<html><body>dev page</body></html>");

    expect(() => measureBundle(dist)).toThrow(/no <script type="module" src>/);
  });
});
