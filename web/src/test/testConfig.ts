import type { WebConfig } from "../lib/config";

/** Stands in for lib/config.ts under Jest (see jest.config.cjs), which cannot parse import.meta. */
export const config: WebConfig = Object.freeze({ graphqlUrl: "/graphql", isDev: false });
