import { AccountOrderField, OrderDirection } from "../accounts/account.inputs";
import type { AccountExportRequest } from "./account-export.service";
import { ExportLinks, redactExportLink } from "./export-link";

const request: AccountExportRequest = {
  filter: { search: "Ana", createdAt: { from: new Date("2026-01-01T00:00:00.000Z"), to: null } },
  orderBy: { field: AccountOrderField.NAME, direction: OrderDirection.ASC },
  columns: ["name", "email"],
};
const now = new Date("2026-11-27T01:00:00.000Z");

describe("ExportLinks", () => {
  const links = new ExportLinks("a-session-secret-of-16+", 300);

  it("should give back the user and the request (dates as Dates) when the link is intact", () => {
    const { token, expiresAt } = links.sign(7, request, now);
    expect(expiresAt.toISOString()).toBe("2026-11-27T01:05:00.000Z");
    const verified = links.verify(token, new Date(now.getTime() + 299_000));
    expect(verified?.userId).toBe(7);
    expect(verified?.request).toEqual(request);
    expect(verified?.request.filter?.createdAt?.from).toBeInstanceOf(Date);
  });

  it("should refuse the link when it has expired", () => {
    const { token } = links.sign(7, request, now);
    expect(links.verify(token, new Date(now.getTime() + 300_000))).toBeNull();
  });

  it("should refuse the link when its payload is changed (another user) or its signature is not ours", () => {
    const { token } = links.sign(7, request, now);
    const [body, mac] = token.split(".");
    const payload = JSON.parse(Buffer.from(body!, "base64url").toString("utf8")) as { u: number };
    payload.u = 8;
    const forged = `${Buffer.from(JSON.stringify(payload)).toString("base64url")}.${mac}`;
    expect(links.verify(forged, now)).toBeNull();
    expect(new ExportLinks("another-secret-of-16-chars", 300).verify(token, now)).toBeNull();
    expect(links.verify(`${body}.${mac}x`, now)).toBeNull();
    expect(links.verify("garbage", now)).toBeNull();
    expect(links.verify(`${body}.${mac}.extra`, now)).toBeNull();
  });
});

describe("redactExportLink", () => {
  it("should hide the signed link in a logged request's url and query, and leave other requests alone", () => {
    expect(redactExportLink({ url: "/api/exports/accounts?link=abc.def&x=1", query: { link: "abc.def", x: "1" }, method: "GET" })).toEqual({
      url: "/api/exports/accounts?link=[redacted]&x=1",
      query: { link: "[redacted]", x: "1" },
      method: "GET",
    });
    const other = { url: "/graphql", query: {} };
    expect(redactExportLink(other)).toBe(other);
  });
});
