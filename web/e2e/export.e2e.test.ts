import type { Download } from "playwright-core";

import { allAccounts, E2eApi, type AccountSummary } from "./support/api";
import { CrmPage } from "./support/crmPage";
import { asUser, demoUsers, disconnectBrowser } from "./support/session";

/** RFC 4180 records (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ",") {
      record.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i += 1;
    } else {
      field += c;
    }
  }
  return records;
}

/** The downloaded file's text (the browser runs remotely: read its stream). */
async function contentOf(download: Download): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

const unquote = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

describe("CSV export in the browser", () => {
  let everyone: AccountSummary[];

  beforeAll(async () => {
    everyone = await allAccounts(await E2eApi.as("manager"));
  });

  afterAll(disconnectBrowser);

  it("should download every account the SDR sees, and only those, with the list's visible columns", async () => {
    const own = everyone.filter((a) => a.createdBy.email === demoUsers.sdr || a.salesman?.email === demoUsers.sdr);
    expect(own.length).toBeGreaterThan(0);
    expect(own.length).toBeLessThan(everyone.length);

    await asUser("sdr", async (page) => {
      const crm = new CrmPage(page);
      await crm.open();
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export all (CSV)" }).click()]);
      expect(download.suggestedFilename()).toMatch(/^accounts-\d{4}-\d{2}-\d{2}\.csv$/);
      const text = await contentOf(download);
      expect(text.charCodeAt(0)).toBe(0xfeff);
      const [header, ...rows] = parseCsv(text.slice(1));
      expect(header).toEqual(["name", "company_name", "type", "follow_up_status", "salesman_email", "country", "last_activity_at", "created_at"]);
      expect(rows.map((r) => unquote(r[0]!)).sort()).toEqual(own.map((a) => a.name).sort());
    });
  });

  it("should export only the accounts of the current filter", async () => {
    const clients = everyone.filter((a) => a.type === "CLIENT");
    expect(clients.length).toBeGreaterThan(0);

    await asUser("manager", async (page) => {
      const crm = new CrmPage(page);
      await crm.open();
      await crm.pickFilter("Type", "Client");
      await crm.waitForTotal(clients.length);
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export all (CSV)" }).click()]);
      const [, ...rows] = parseCsv((await contentOf(download)).slice(1));
      expect(rows.map((r) => unquote(r[1]!)).sort()).toEqual(clients.map((a) => a.companyName).sort());
    });
  });
});
