import { ApolloProvider } from "@apollo/client/react";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router";

import { App } from "./App";
import { ErrorBoundary } from "./components/ErrorBoundary";
import { createApolloClient } from "./lib/apollo";
import { config } from "./lib/config";
import { detectLocale, messagesByLocale, MessagesContext } from "./lib/i18n";
import "./styles.css";

const rootElement = document.getElementById("root");
if (!rootElement) {
  throw new Error("index.html has no #root element");
}

const locale = detectLocale();
document.documentElement.lang = locale;
const client = createApolloClient({ uri: config.graphqlUrl });

createRoot(rootElement).render(
  <StrictMode>
    <MessagesContext value={messagesByLocale[locale]}>
      <ErrorBoundary>
        <ApolloProvider client={client}>
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </ApolloProvider>
      </ErrorBoundary>
    </MessagesContext>
  </StrictMode>,
);
