// Build-time variables the web reads (only in lib/config.ts).
interface ImportMetaEnv {
  /** GraphQL endpoint; defaults to /graphql (same origin, or the Vite dev proxy). */
  readonly VITE_GRAPHQL_URL?: string;
}
