import { ApolloLink, type FetchResult } from "@apollo/client";
import { act } from "@testing-library/react";
import { Observable, of, type Subscriber } from "rxjs";

export interface HeldRequest {
  readonly name: string;
  readonly variables: Record<string, unknown>;
  readonly observer: Subscriber<FetchResult>;
  answered: boolean;
}

export interface HeldLink {
  readonly link: ApolloLink;
  /** Every held request, in the order sent (answered ones stay, so indexes are stable). */
  readonly requests: readonly HeldRequest[];
  /** The held requests not answered yet. */
  readonly pending: readonly HeldRequest[];
  /** Answers a held request: the first unanswered one of that operation name, or the one at that index of `requests`. */
  readonly answer: (which: string | number, result: FetchResult) => void;
}

/**
 * A link that answers what `answerAtOnce` returns a result for (queries the screen needs) and holds
 * every other operation (mutations, further pages) until the test answers it, so optimistic and
 * in-between states can be asserted without timers.
 */
export function heldLink(answerAtOnce: (operation: ApolloLink.Operation) => FetchResult | undefined): HeldLink {
  const requests: HeldRequest[] = [];
  const link = new ApolloLink((operation) => {
    const result = answerAtOnce(operation);
    if (result) {
      return of(result);
    }
    return new Observable<FetchResult>((observer) => {
      requests.push({ name: operation.operationName ?? "", variables: operation.variables, observer, answered: false });
    });
  });
  const answer = (which: string | number, result: FetchResult) => {
    const request = typeof which === "number" ? requests[which] : requests.find((item) => !item.answered && item.name === which);
    if (!request || request.answered) {
      throw new Error(`no unanswered request ${String(which)}; sent: ${requests.map((item) => item.name).join(", ")}`);
    }
    request.answered = true;
    act(() => {
      request.observer.next(result);
      request.observer.complete();
    });
  };
  return {
    link,
    requests,
    get pending() {
      return requests.filter((item) => !item.answered);
    },
    answer,
  };
}
