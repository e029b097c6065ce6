import type { CodegenConfig } from "@graphql-codegen/cli";

/**
 * schema.graphql (printed by the server) + the web's .graphql operations -> typed documents.
 * Named export for tests that call `generate()`; default export because the codegen CLI demands it.
 */
export const codegenConfig: CodegenConfig = {
  overwrite: true,
  schema: "schema.graphql",
  documents: ["web/src/**/*.graphql"],
  ignoreNoDocuments: false,
  generates: {
    "web/src/__generated__/": {
      preset: "client",
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTimeISO: "string" },
      },
      presetConfig: {
        fragmentMasking: false,
      },
    },
    "web/src/__generated__/possible-types.ts": {
      plugins: ["fragment-matcher"],
    },
  },
};

export default codegenConfig;
