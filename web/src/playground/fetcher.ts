import type { ComponentProps } from "react";
import type { GraphiQL } from "graphiql";

type Fetcher = ComponentProps<typeof GraphiQL>["fetcher"];

/**
 * GraphiQL's fetcher: POSTs to /graphql with the session cookie (same origin) and whatever
 * headers the Headers tab holds (e.g. `Authorization: Bearer <token>`). JSON content-type
 * satisfies the API's CSRF prevention.
 */
export function createFetcher(url = "/graphql"): Fetcher {
  return async (params, options) => {
    const response = await fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json", accept: "application/json", ...(options?.headers ?? {}) },
      body: JSON.stringify(params),
    });
    return response.json();
  };
}
