import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { printCrmSchema, SCHEMA_FILE } from "./print-schema";

const ROOT = resolve(__dirname, "../../..");

describe("contract files", () => {
  it("should have schema.graphql equal to the schema the code builds (run npm run schema)", async () => {
    expect(readFileSync(SCHEMA_FILE, "utf8")).toBe(await printCrmSchema());
  });

  it("should have web/src/__generated__ equal to what codegen makes from schema.graphql (run npm run codegen)", () => {
    const output = execFileSync(process.execPath, [resolve(__dirname, "../../test/codegen-output.mjs")], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    const files = JSON.parse(output) as Array<{ filename: string; content: string }>;
    expect(files.map((f) => f.filename)).toEqual(expect.arrayContaining(["web/src/__generated__/graphql.ts", "web/src/__generated__/possible-types.ts"]));
    for (const file of files) {
      expect({ file: file.filename, content: readFileSync(resolve(ROOT, file.filename), "utf8") }).toEqual({ file: file.filename, content: file.content });
    }
  });
});
