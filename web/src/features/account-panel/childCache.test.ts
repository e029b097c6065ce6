import { gql, type Reference } from "@apollo/client";

import { createApolloCache } from "../../lib/apollo";
import { addToAccountList, removeChildOptions } from "./childCache";

const account = { __typename: "Prospect", id: "UHJvc3BlY3Q6MQ==" };
const reminders = gql`
  fragment Reminders on Prospect {
    id
    reminders {
      id
      dueAt
    }
  }
`;

function reminder(id: string, dueAt: string) {
  return { __typename: "Reminder", id, dueAt };
}

function cacheWith(items: ReturnType<typeof reminder>[]) {
  const cache = createApolloCache();
  cache.writeFragment({ id: cache.identify(account), fragment: reminders, data: { ...account, reminders: items } });
  return cache;
}

function ids(cache: ReturnType<typeof createApolloCache>): string[] {
  const data = cache.readFragment<{ reminders: { id: string }[] }>({ id: cache.identify(account), fragment: reminders });
  return (data?.reminders ?? []).map((item) => item.id);
}

describe("childCache", () => {
  it("should put a new child first, last or in order", () => {
    const cache = cacheWith([reminder("b", "2030-01-02"), reminder("d", "2030-01-04")]);
    const add = (item: ReturnType<typeof reminder>, position?: Parameters<typeof addToAccountList>[4]) => {
      cache.writeFragment({ id: cache.identify(item), fragment: gql`fragment R on Reminder { id dueAt }`, data: item });
      addToAccountList(cache, account, "reminders", item, position);
    };
    add(reminder("e", "2030-01-05"));
    add(reminder("a", "2030-01-01"), "first");
    expect(ids(cache)).toEqual(["a", "b", "d", "e"]);
    add(reminder("c", "2030-01-03"), (readField) => (x: Reference, y: Reference) => String(readField("dueAt", x)).localeCompare(String(readField("dueAt", y))));
    expect(ids(cache)).toEqual(["a", "b", "c", "d", "e"]);
  });

  it("should drop a removed child from the account's list", () => {
    const cache = cacheWith([reminder("a", "2030-01-01"), reminder("b", "2030-01-02")]);
    const options = removeChildOptions<{ removeReminder: { id: string } }>("removeReminder", "Reminder", "a");
    expect(options.optimisticResponse).toEqual({ removeReminder: { __typename: "Reminder", id: "a" } });
    options.update(cache);
    expect(ids(cache)).toEqual(["b"]);
  });
});
