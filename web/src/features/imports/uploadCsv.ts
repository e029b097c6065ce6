import { config } from "../../lib/config";
import { codeForStatus } from "../../lib/errors";

/** The import as POST /api/imports answers it (202); `status` is the server's lower-case value. */
export interface UploadedImport {
  readonly id: string;
  readonly filename: string;
  readonly status: string;
  readonly totalRows: number;
  readonly unmappedColumns: readonly string[];
}

/**
 * The server would not take the file: `reason` says why when it is a file problem
 * (FILE_TOO_LARGE, MISSING_COLUMNS, …, README "CSV import"); `code` is the graph's error code
 * (BAD_USER_INPUT, UNAUTHENTICATED, FORBIDDEN, RATE_LIMITED, …); `serverMessage` the server's words,
 * null when the answer was not the API's (a proxy's error page).
 */
export class UploadRefusedError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly reason: string | null,
    readonly serverMessage: string | null,
  ) {
    super(serverMessage ?? `HTTP ${status}`);
    this.name = "UploadRefusedError";
  }
}

/** An /api/imports URL next to the GraphQL endpoint (same origin unless VITE_GRAPHQL_URL points elsewhere). */
export function importsApiUrl(path = ""): string {
  const graphql = new URL(config.graphqlUrl, window.location.href);
  return new URL(`/api/imports${path}`, graphql).toString();
}

export const templateUrl = (): string => importsApiUrl("/template.csv");

interface UploadOptions {
  /** Bytes sent so far of `total` (the multipart body, a little more than the file). */
  readonly onProgress?: (loaded: number, total: number) => void;
  readonly signal?: AbortSignal;
}

interface RefusalBody {
  readonly errors?: ReadonlyArray<{ readonly message?: string; readonly extensions?: { readonly code?: string; readonly reason?: string } }>;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/**
 * Sends a CSV file to POST /api/imports with the session cookie and the CSRF header, reporting
 * upload progress (why this is an XMLHttpRequest: fetch has no upload progress events). Resolves
 * with the new import; rejects with UploadRefusedError when the server answers, or a TypeError
 * when no answer arrives (lib/errors reads that as NETWORK_ERROR).
 */
export function uploadCsv(file: File, options: UploadOptions = {}): Promise<UploadedImport> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", importsApiUrl());
    xhr.withCredentials = true;
    xhr.setRequestHeader("apollo-require-preflight", "true");
    xhr.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) {
        options.onProgress?.(event.loaded, event.total);
      }
    });
    xhr.addEventListener("load", () => {
      const body = parseJson(xhr.responseText) as ({ data?: { csvImport?: UploadedImport } } & RefusalBody) | null;
      const created = body?.data?.csvImport;
      if (xhr.status >= 200 && xhr.status < 300 && created) {
        resolve(created);
        return;
      }
      const first = body?.errors?.[0];
      // Without the API's JSON (a proxy refused the body, a gateway error page) the status is all
      // there is: 413 is the file's size, anything else its generic code (never "HTTP 502" shown).
      const reason = first?.extensions?.reason ?? (xhr.status === 413 ? "FILE_TOO_LARGE" : null);
      reject(new UploadRefusedError(xhr.status, first?.extensions?.code ?? codeForStatus(xhr.status), reason, first?.message ?? null));
    });
    xhr.addEventListener("error", () => reject(new TypeError("The upload could not reach the server")));
    xhr.addEventListener("abort", () => reject(new DOMException("The upload was cancelled", "AbortError")));
    options.signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    const form = new FormData();
    form.append("file", file, file.name);
    xhr.send(form);
  });
}
