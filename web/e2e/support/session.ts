import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

import { readStack } from "./e2eEnv";

/** The demo sign-ins (server/src/db/seed/demo.seed.ts DEMO_LOGINS); all share one password. */
export const demoUsers = {
  admin: "admin@example.com",
  manager: "manager@example.com",
  sdr: "sdr@example.com",
  sdr2: "sdr2@example.com",
  mdr: "mdr@example.com",
} as const;

export type DemoUser = keyof typeof demoUsers;

export const demoPassword = "demo1234";

let connection: Promise<Browser> | undefined;

/** This test file's connection to the run's shared Chromium. */
export function sharedBrowser(): Promise<Browser> {
  connection ??= chromium.connect(readStack().wsEndpoint);
  return connection;
}

/** Call from afterAll: closes this file's connection (the browser itself lives until the teardown). */
export async function disconnectBrowser(): Promise<void> {
  const current = connection;
  connection = undefined;
  if (current) {
    await (await current).close();
  }
}

export interface PageOptions {
  /** Browser language; decides the app's locale (default en-US → English). */
  readonly locale?: string;
  /** Another API process serving the app (default: the run's API). */
  readonly baseUrl?: string;
}

/** A fresh browser context (own cookies and storage) with a page on the app. */
export async function newAppPage(options: PageOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const browser = await sharedBrowser();
  const context = await browser.newContext({
    baseURL: options.baseUrl ?? readStack().baseUrl,
    locale: options.locale ?? "en-US",
    viewport: { width: 1400, height: 900 },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  return { context, page };
}

/** The login page's labels in the language the browser's locale picks (es-* → es-MX, else English). */
const loginLabels = {
  en: { email: "Email", password: "Password", signIn: "Sign in", signOut: "Sign out" },
  es: { email: "Correo electrónico", password: "Contraseña", signIn: "Entrar", signOut: "Cerrar sesión" },
} as const;

/** Signs in through the login page and waits for the signed-in shell; `locale` is the page's browser locale. */
export async function signIn(page: Page, user: DemoUser, locale = "en-US"): Promise<void> {
  const labels = locale.toLowerCase().startsWith("es") ? loginLabels.es : loginLabels.en;
  await page.goto("/login");
  await page.getByLabel(labels.email).fill(demoUsers[user]);
  await page.getByLabel(labels.password).fill(demoPassword);
  await page.getByRole("button", { name: labels.signIn }).click();
  await page.getByRole("button", { name: labels.signOut }).waitFor();
}

/**
 * Runs `body` with a signed-in page in its own context; on failure saves a full-page screenshot
 * into the run's artifacts (which also keeps the API log) and rethrows.
 */
export async function asUser(user: DemoUser, body: (page: Page) => Promise<void>, options: PageOptions = {}): Promise<void> {
  const { context, page } = await newAppPage(options);
  try {
    await signIn(page, user, options.locale);
    await body(page);
  } catch (error) {
    const name = `${expect.getState().currentTestName ?? "test"}`.replace(/[^\w-]+/g, "_").slice(0, 120);
    await page.screenshot({ path: join(readStack().artifactsDir, `${name}-${user}.png`), fullPage: true }).catch(() => undefined);
    throw error;
  } finally {
    await context.close();
  }
}
