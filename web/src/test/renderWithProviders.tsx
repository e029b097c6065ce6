import { ApolloLink, type ApolloClient } from "@apollo/client";
import { ApolloProvider } from "@apollo/client/react";
import { MockLink } from "@apollo/client/testing";
import { render, type RenderResult } from "@testing-library/react";
import { OperationTypeNode } from "graphql";
import type { ComponentProps, ReactNode } from "react";
import { MemoryRouter } from "react-router";
import { NEVER } from "rxjs";

import { ToastProvider } from "../components/Toast";
import { createApolloClient } from "../lib/apollo";
import type { Locale } from "../lib/i18n";
import { I18nProvider } from "../lib/I18nProvider";

interface RenderOptions {
  readonly mocks?: ReadonlyArray<MockLink.MockedResponse>;
  /** Overrides `mocks` with a hand-made link. */
  readonly link?: ApolloLink;
  /** Answers subscriptions (the CRM page's live changes); by default they stay open and silent. */
  readonly realtime?: ApolloLink;
  /** The starting location: a path, or a path with router state. */
  readonly route?: NonNullable<ComponentProps<typeof MemoryRouter>["initialEntries"]>[number];
  readonly locale?: Locale;
}

export interface RenderWithProvidersResult extends RenderResult {
  readonly client: ApolloClient;
}

/** Renders UI with the app's Apollo client over a MockLink, a memory router and the given locale. */
export function renderWithProviders(ui: ReactNode, options: RenderOptions = {}): RenderWithProvidersResult {
  const requests = options.link ?? new MockLink(options.mocks ?? [], { showWarnings: false });
  const link = ApolloLink.split(({ operationType }) => operationType === OperationTypeNode.SUBSCRIPTION, options.realtime ?? silentRealtime, requests);
  // The app's own client (cache policies, error link); only the transport is mocked.
  const client = createApolloClient({ uri: "/graphql", link });
  const result = render(
    <I18nProvider initialLocale={options.locale ?? "en"}>
      <ToastProvider>
        <ApolloProvider client={client}>
          <MemoryRouter initialEntries={[options.route ?? "/"]}>{ui}</MemoryRouter>
        </ApolloProvider>
      </ToastProvider>
    </I18nProvider>,
  );
  return { ...result, client };
}

/** A subscription transport that never delivers: the tests of other features do not see live events. */
const silentRealtime = new ApolloLink(() => NEVER);
