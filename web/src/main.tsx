import { ApolloProvider } from "@apollo/client/react";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router";

import { App } from "./App";
import { ErrorBoundary } from "./components/ErrorBoundary";
import { ToastProvider } from "./components/Toast";
import { preloadCrmView } from "./features/crm/views";
import { createApolloClient } from "./lib/apollo";
import { config } from "./lib/config";
import { I18nProvider } from "./lib/I18nProvider";
import "./styles.css";

const rootElement = document.getElementById("root");
if (!rootElement) {
  throw new Error("index.html has no #root element");
}

const client = createApolloClient({ uri: config.graphqlUrl });

// The CRM view in the URL downloads alongside the session check instead of after it.
if (window.location.pathname === "/") {
  preloadCrmView(window.location.search);
}

createRoot(rootElement).render(
  <StrictMode>
    <I18nProvider>
      <ErrorBoundary>
        <ToastProvider>
          <ApolloProvider client={client}>
            <BrowserRouter>
              <App />
            </BrowserRouter>
          </ApolloProvider>
        </ToastProvider>
      </ErrorBoundary>
    </I18nProvider>
  </StrictMode>,
);
