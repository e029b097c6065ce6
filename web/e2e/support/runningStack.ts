import type { BrowserServer } from "playwright-core";

import type { RunningFakeRespondio } from "./fakeRespondio";
import type { RunningApi } from "./stack";

export interface RunningStack {
  readonly api: RunningApi;
  readonly browserServer: BrowserServer;
  readonly respondio: RunningFakeRespondio;
  readonly workDir: string;
}

// Jest runs globalSetup and globalTeardown in the same process: a global carries the handles across.
const slot = globalThis as typeof globalThis & { __crmE2eStack?: RunningStack };

export function setRunningStack(stack: RunningStack): void {
  slot.__crmE2eStack = stack;
}

export function takeRunningStack(): RunningStack | undefined {
  const stack = slot.__crmE2eStack;
  delete slot.__crmE2eStack;
  return stack;
}
