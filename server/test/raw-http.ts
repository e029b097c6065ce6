import { connect, type Socket } from "node:net";

/** One HTTP/1.1 response read off a raw socket. */
export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * An HTTP/1.1 connection the test writes requests onto itself, so it can keep a request in flight
 * and pipeline another behind it on the same socket (what a drain does to a busy keep-alive
 * connection is otherwise not observable). `ended` resolves with everything the server sent.
 */
export class RawHttpConnection {
  readonly ended: Promise<string>;
  private readonly socket: Socket;

  constructor(baseUrl: string) {
    const { hostname, port } = new URL(baseUrl);
    this.socket = connect(Number(port), hostname);
    let received = "";
    this.socket.on("data", (chunk: Buffer) => (received += chunk.toString("latin1")));
    this.ended = new Promise((resolve) => {
      this.socket.once("close", () => resolve(received));
      this.socket.once("error", () => undefined);
    });
  }

  /** Writes one request; `body` is sent with its Content-Length. */
  send(method: string, path: string, headers: Record<string, string>, body = ""): void {
    const lines = [`${method} ${path} HTTP/1.1`, "host: 127.0.0.1", ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
    if (body) {
      lines.push(`content-length: ${Buffer.byteLength(body)}`);
    }
    this.socket.write(`${lines.join("\r\n")}\r\n\r\n${body}`);
  }

  close(): void {
    this.socket.destroy();
  }
}

/** Splits what a server sent on one connection into its responses (Content-Length or chunked bodies). */
export function parseResponses(raw: string): RawResponse[] {
  const responses: RawResponse[] = [];
  let rest = Buffer.from(raw, "latin1");
  while (rest.length > 0) {
    const headEnd = rest.indexOf("\r\n\r\n");
    if (headEnd < 0) {
      throw new Error(`incomplete response head: ${rest.toString("latin1").slice(0, 200)}`);
    }
    const [statusLine = "", ...headerLines] = rest.subarray(0, headEnd).toString("latin1").split("\r\n");
    const headers = Object.fromEntries(headerLines.map((line) => [line.slice(0, line.indexOf(":")).toLowerCase(), line.slice(line.indexOf(":") + 1).trim()]));
    let body = rest.subarray(headEnd + 4);
    let content: Buffer;
    if (headers["transfer-encoding"] === "chunked") {
      const parts: Buffer[] = [];
      for (;;) {
        const lineEnd = body.indexOf("\r\n");
        const size = parseInt(body.subarray(0, lineEnd).toString("latin1"), 16);
        body = body.subarray(lineEnd + 2);
        if (size === 0) {
          body = body.subarray(2);
          break;
        }
        parts.push(body.subarray(0, size));
        body = body.subarray(size + 2);
      }
      content = Buffer.concat(parts);
    } else {
      const length = Number(headers["content-length"] ?? 0);
      content = body.subarray(0, length);
      body = body.subarray(length);
    }
    responses.push({ status: Number(statusLine.split(" ")[1]), headers, body: content.toString("utf8") });
    rest = body;
  }
  return responses;
}
