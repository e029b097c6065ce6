/**
 * The only reader of `import.meta.env` in the web app. Everything else imports `config`.
 * Vite inlines `VITE_*` variables at build time, so these are fixed per build.
 */
export interface WebConfig {
  /** GraphQL endpoint; relative by default so the dev proxy and the single-port server both work. */
  readonly graphqlUrl: string;
  readonly isDev: boolean;
}

function readConfig(env: ImportMetaEnv): WebConfig {
  const graphqlUrl = env.VITE_GRAPHQL_URL?.trim() ?? "";
  return Object.freeze({
    graphqlUrl: graphqlUrl === "" ? "/graphql" : graphqlUrl,
    isDev: env.DEV === true,
  });
}

export const config: WebConfig = readConfig(import.meta.env);
