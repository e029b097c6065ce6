import type { IncomingMessage } from "node:http";
import { clientIpOf, foreignOrigin, sessionCookieOf } from "./ws-request";

const request = (headers: Record<string, string>, remoteAddress = "127.0.0.1") => ({ headers, socket: { remoteAddress } }) as unknown as IncomingMessage;
const loopback = (address: string) => address === "127.0.0.1" || address === "::1";

describe("sessionCookieOf", () => {
  it("should read the named cookie among others, decoded", () => {
    expect(sessionCookieOf(request({ cookie: "a=1; crm_session=abc%2Fdef; b=2" }), "crm_session")).toBe("abc/def");
  });

  it("should be undefined when the cookie is absent or only a prefix matches", () => {
    expect(sessionCookieOf(request({ cookie: "crm_session_old=x" }), "crm_session")).toBeUndefined();
    expect(sessionCookieOf(request({}), "crm_session")).toBeUndefined();
  });
});

describe("foreignOrigin", () => {
  it("should accept no Origin (not a browser) and an Origin on the Host", () => {
    expect(foreignOrigin(request({ host: "crm.example.com" }))).toBe(false);
    expect(foreignOrigin(request({ host: "crm.example.com:8080", origin: "https://CRM.example.com:8080" }))).toBe(false);
  });

  it("should refuse another host, another port and an unreadable Origin", () => {
    expect(foreignOrigin(request({ host: "crm.example.com", origin: "https://evil.example" }))).toBe(true);
    expect(foreignOrigin(request({ host: "crm.example.com:8080", origin: "https://crm.example.com" }))).toBe(true);
    expect(foreignOrigin(request({ host: "crm.example.com", origin: "null" }))).toBe(true);
  });
});

describe("clientIpOf", () => {
  it("should take the socket's address when it is not a trusted proxy (X-Forwarded-For ignored)", () => {
    expect(clientIpOf(request({ "x-forwarded-for": "1.2.3.4" }, "203.0.113.9"), loopback)).toBe("203.0.113.9");
  });

  it("should take the nearest untrusted hop behind a trusted proxy", () => {
    expect(clientIpOf(request({ "x-forwarded-for": "1.2.3.4, 198.51.100.7" }, "127.0.0.1"), loopback)).toBe("198.51.100.7");
    expect(clientIpOf(request({}, "127.0.0.1"), loopback)).toBe("127.0.0.1");
  });
});
