import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { e2eOverrides, publishStack } from "./e2eEnv";
import { e2eRespondioToken, startFakeRespondio } from "./fakeRespondio";
import { assertChromium, buildWeb, launchBrowserServer, startApi } from "./stack";
import { setRunningStack } from "./runningStack";

/** Builds the app, starts the API over a fresh demo database and one Chromium; torn down by globalTeardown. */
export default async function globalSetup(): Promise<void> {
  const overrides = e2eOverrides();
  assertChromium(overrides.chromiumPath);
  const workDir = mkdtempSync(join(tmpdir(), "crm-e2e-"));
  const webDist = join(workDir, "dist");
  const artifactsDir = join(workDir, "artifacts");
  mkdirSync(artifactsDir);
  buildWeb(webDist);
  const respondio = await startFakeRespondio();
  // A fake left listening would keep jest from exiting after the failure it reports.
  const api = await startApi({
    databaseUrl: overrides.databaseUrl ?? `sqlite:${join(workDir, "crm.sqlite")}`,
    webDist,
    logFile: join(workDir, "api.log"),
    serverDir: overrides.serverDir,
    respondio: { url: respondio.url, token: e2eRespondioToken },
  }).catch(async (error: unknown) => {
    await respondio.close();
    throw error;
  });
  try {
    const browserServer = await launchBrowserServer(overrides.chromiumPath);
    setRunningStack({ api, browserServer, workDir, respondio });
    publishStack({ baseUrl: api.baseUrl, wsEndpoint: browserServer.wsEndpoint(), artifactsDir, webDist });
  } catch (error) {
    api.process.kill("SIGTERM");
    await respondio.close();
    throw error;
  }
}
