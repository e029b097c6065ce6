import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";

import { takeRunningStack } from "./runningStack";
import { stopApi } from "./stack";

/** Stops the browser and the API; keeps the work dir (API log, screenshots) when a test left a screenshot. */
export default async function globalTeardown(): Promise<void> {
  const stack = takeRunningStack();
  if (!stack) {
    return;
  }
  await stack.browserServer.close();
  await stopApi(stack.api);
  await stack.respondio.close();
  // Jest does not tell the teardown about results; failing tests leave a screenshot (see session.ts).
  const failed = readdirSync(join(stack.workDir, "artifacts")).length > 0;
  if (failed) {
    process.stderr.write(`\nBrowser tests failed: API log ${join(stack.workDir, "api.log")}, screenshots in ${join(stack.workDir, "artifacts")}\n`);
    return;
  }
  rmSync(stack.workDir, { recursive: true, force: true });
}
