import { GraphiQL } from "graphiql";
import "graphiql/style.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createFetcher } from "./fetcher";

const DEFAULT_QUERY = `# CRM GraphQL playground (admins only).
# Requests use your session cookie; to try an API token, add in Headers:
#   { "Authorization": "Bearer crm_…" }
query Me {
  me { id name permissions }
}
`;

const root = document.getElementById("playground");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <GraphiQL fetcher={createFetcher()} defaultQuery={DEFAULT_QUERY} />
    </StrictMode>,
  );
}
