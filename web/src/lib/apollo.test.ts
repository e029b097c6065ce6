import { ApolloLink, gql } from "@apollo/client";

import { createApolloCache, createApolloClient, realtimeStatusOf } from "./apollo";

// The subscriptions' socket client, as a fake: these tests look at what the Apollo client asks of it.
const mockTerminate = jest.fn();
jest.mock("graphql-ws", () => ({
  createClient: () => ({ terminate: mockTerminate, dispose: jest.fn(), on: jest.fn(() => () => undefined), subscribe: jest.fn(() => () => undefined) }),
}));

const listFields = gql`
  fragment ListFields on Prospect {
    id
    followUpData {
      accountValue
    }
    phone {
      code
      number
    }
  }
`;

const panelFields = gql`
  fragment PanelFields on Prospect {
    id
    followUpData {
      annotations
    }
    phone {
      e164
    }
  }
`;

describe("createApolloCache", () => {
  it("should keep both queries' fields of an account's follow-up data and phone", () => {
    const cache = createApolloCache();
    const id = cache.identify({ __typename: "Prospect", id: "UHJvc3BlY3Q6MQ==" });
    cache.writeFragment({
      id,
      fragment: listFields,
      data: {
        __typename: "Prospect",
        id: "UHJvc3BlY3Q6MQ==",
        followUpData: { __typename: "FollowUpData", accountValue: 23000 },
        phone: { __typename: "Phone", code: "52", number: "5512345678" },
      },
    });
    cache.writeFragment({
      id,
      fragment: panelFields,
      data: {
        __typename: "Prospect",
        id: "UHJvc3BlY3Q6MQ==",
        followUpData: { __typename: "FollowUpData", annotations: "Buen Fin" },
        phone: { __typename: "Phone", e164: "+525512345678" },
      },
    });

    expect(cache.readFragment({ id, fragment: listFields })).toMatchObject({
      followUpData: { accountValue: 23000 },
      phone: { code: "52", number: "5512345678" },
    });
    expect(cache.readFragment({ id, fragment: panelFields })).toMatchObject({
      followUpData: { annotations: "Buen Fin" },
      phone: { e164: "+525512345678" },
    });
  });
});

describe("createApolloClient", () => {
  it("should close the subscriptions' socket when the store is cleared (logout), so the next user's subscriptions open their own", async () => {
    const client = createApolloClient({ uri: "/graphql" });
    expect(mockTerminate).not.toHaveBeenCalled();
    await client.clearStore();
    expect(mockTerminate).toHaveBeenCalledTimes(1);
  });

  it("should give the browser client a live status (idle until a subscription connects), and none to a client given its own link", () => {
    expect(realtimeStatusOf(createApolloClient({ uri: "/graphql" }))?.get()).toBe("idle");
    expect(realtimeStatusOf(createApolloClient({ uri: "/graphql", link: ApolloLink.empty() }))).toBeNull();
  });
});
