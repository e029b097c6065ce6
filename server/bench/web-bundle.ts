import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { gzipSync } from "node:zlib";

/**
 * Sizes of the built web app (web/dist), as a browser loading the CRM page meets them: the entry
 * script, what index.html preloads and what those chunks import statically are the initial load;
 * chunks reached only through import() are lazy. Gzip at level 9, as a server compressing static
 * files ahead of time would (nginx gzip_static, a CDN).
 */

export interface ChunkSize {
  /** Path under the dist folder, e.g. assets/main-Cd4chm97.js. */
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface BundleSizes {
  /** JS the CRM page needs before its first render, largest first. */
  initial: ChunkSize[];
  /** Every JS chunk the CRM page can ever load (initial plus lazy, transitively), largest first. */
  app: ChunkSize[];
  /** Every JS file of the dist folder (also the separate GraphQL playground page). */
  all: ChunkSize[];
  /** Stylesheets index.html links (not part of the JS figure). */
  initialCss: ChunkSize[];
}

export const GZIP_LEVEL = 9;

const scriptSrc = /<script\b[^>]*\btype=["']module["'][^>]*\bsrc=["']([^"']+)["']/gi;
const linkTag = /<link\b[^>]*>/gi;
// Static: `import{a}from"./x.js"`, `export*from"./x.js"`, `import"./x.js"`; never `import("./x.js")`.
// Rolldown writes some strings as template literals, hence the backquote.
const staticImport = /(?:\bfrom\s*|\bimport\s*)["'`]([^"'`]+\.js)["'`]/g;
const dynamicImport = /\bimport\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g;
// Vite lists a lazy chunk's own preloads as dist-relative strings ("assets/x.js") in __vite__mapDeps.
const mapDeps = /__vite__mapDeps\s*=\s*\([^)]*?\bm\.f\s*\|\|\s*\(m\.f\s*=\s*\[([^\]]*)\]/g;

function attribute(tag: string, name: string): string | null {
  return new RegExp(`\\b${name}=["']([^"']+)["']`, "i").exec(tag)?.[1] ?? null;
}

function matches(pattern: RegExp, text: string): string[] {
  return [...text.matchAll(pattern)].map((match) => match[1] as string);
}

/** Only the bundle's own files ("./x.js", "../x.js", "/assets/x.js"), never a bare package name in a string. */
function ownUrls(pattern: RegExp, text: string): string[] {
  return matches(pattern, text).filter((url) => /^\.{0,2}\//.test(url));
}

/** A URL of index.html ("/assets/x.js") or of a chunk ("./x.js", relative to it) as a dist path. */
function toDistPath(distDir: string, url: string, from: string | null): string {
  const clean = url.split(/[?#]/)[0] as string;
  const absolute = clean.startsWith("/") ? join(distDir, clean) : resolve(from ? dirname(join(distDir, from)) : distDir, clean);
  return relative(distDir, absolute);
}

export function chunkSize(distDir: string, file: string): ChunkSize {
  const content = readFileSync(join(distDir, file));
  return { file, bytes: content.length, gzipBytes: gzipSync(content, { level: GZIP_LEVEL }).length };
}

function bySizeDesc(chunks: ChunkSize[]): ChunkSize[] {
  return chunks.sort((a, b) => b.gzipBytes - a.gzipBytes || a.file.localeCompare(b.file));
}

/** The chunks reachable from `roots` through static imports (and dynamic ones when `lazy`). */
function closure(distDir: string, roots: readonly string[], lazy: boolean): string[] {
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file)) {
      continue;
    }
    if (!existsSync(join(distDir, file))) {
      throw new Error(`${file} is referenced in ${distDir} but missing: a stale or partial build?`);
    }
    seen.add(file);
    const code = readFileSync(join(distDir, file), "utf8");
    for (const url of ownUrls(staticImport, code)) {
      queue.push(toDistPath(distDir, url, file));
    }
    if (lazy) {
      for (const url of ownUrls(dynamicImport, code)) {
        queue.push(toDistPath(distDir, url, file));
      }
      for (const list of matches(mapDeps, code)) {
        for (const url of matches(/["'`]([^"'`]+\.js)["'`]/g, list)) {
          queue.push(toDistPath(distDir, `/${url}`, null));
        }
      }
    }
  }
  return [...seen];
}

function jsFiles(distDir: string, folder = ""): string[] {
  return readdirSync(join(distDir, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = folder ? `${folder}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      return jsFiles(distDir, path);
    }
    return entry.name.endsWith(".js") ? [path] : [];
  });
}

/** Reads `<distDir>/index.html` and sizes its initial JS, the whole app and every chunk. */
export function measureBundle(distDir: string): BundleSizes {
  const html = readFileSync(join(distDir, "index.html"), "utf8");
  const entries = matches(scriptSrc, html).map((url) => toDistPath(distDir, url, null));
  if (entries.length === 0) {
    throw new Error(`${join(distDir, "index.html")} has no <script type="module" src>: is it a built page?`);
  }
  const links = html.match(linkTag) ?? [];
  const preloads = links.filter((tag) => attribute(tag, "rel") === "modulepreload").map((tag) => toDistPath(distDir, attribute(tag, "href") ?? "", null));
  const styles = links.filter((tag) => attribute(tag, "rel") === "stylesheet").map((tag) => toDistPath(distDir, attribute(tag, "href") ?? "", null));
  const roots = [...entries, ...preloads];
  return {
    initial: bySizeDesc(closure(distDir, roots, false).map((file) => chunkSize(distDir, file))),
    app: bySizeDesc(closure(distDir, roots, true).map((file) => chunkSize(distDir, file))),
    all: bySizeDesc(jsFiles(distDir).map((file) => chunkSize(distDir, file))),
    initialCss: styles.map((file) => chunkSize(distDir, file)),
  };
}

export function gzipTotal(chunks: readonly ChunkSize[]): number {
  return chunks.reduce((sum, chunk) => sum + chunk.gzipBytes, 0);
}

export function kilobytes(bytes: number): number {
  return Math.round((bytes / 1024) * 10) / 10;
}
