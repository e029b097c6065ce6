import { skipToken, useQuery } from "@apollo/client/react";
import { useCallback } from "react";

import { CalendarActivitiesDocument, type AccountFilter } from "../../__generated__/graphql";
import type { CalendarActivity } from "./calendarEvents";

/** The range FullCalendar shows, as instants ([from, to), what `datesSet` reports). */
export interface VisibleRange {
  readonly from: string;
  readonly to: string;
}

/** The server's cap per request (ActivityService MAX_ITEMS): a full answer may be cut. */
export const activitiesLimit = 2000;

/**
 * The activities of exactly the visible range with the filter bar's filter; nothing is asked
 * before the calendar reports its range. cache-and-network: a range seen before shows at once
 * and is refreshed, since notes may have been added or moved elsewhere since.
 */
export function useCalendarActivities(range: VisibleRange | null, filter: AccountFilter | undefined) {
  const { data, previousData, loading, error, refetch } = useQuery(
    CalendarActivitiesDocument,
    range
      ? { variables: { from: range.from, to: range.to, filter }, fetchPolicy: "cache-and-network", notifyOnNetworkStatusChange: true }
      : skipToken,
  );
  // A failed refetch shows through `error`; its rejected promise needs no second report.
  const hasRange = range !== null;
  const retry = useCallback(() => {
    if (hasRange) {
      refetch().catch(() => undefined);
    }
  }, [hasRange, refetch]);
  // While the next range loads, the last one stays on screen instead of an empty grid.
  const activities: readonly CalendarActivity[] = (data ?? previousData)?.activities ?? [];
  return {
    activities,
    loading,
    error,
    truncated: activities.length >= activitiesLimit,
    retry,
  } as const;
}
