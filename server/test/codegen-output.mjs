// Prints, as JSON, what GraphQL Code Generator would write from codegen.ts (nothing is written).
// Run from the repository root; the contract test compares it with the committed files.
import { generate, loadCodegenConfig } from "@graphql-codegen/cli";

const { config } = await loadCodegenConfig({ configFilePath: "codegen.ts" });
const files = await generate({ ...config, silent: true }, false);
process.stdout.write(JSON.stringify(files.map(({ filename, content }) => ({ filename, content }))));
