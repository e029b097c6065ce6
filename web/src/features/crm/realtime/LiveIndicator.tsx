import { useSyncExternalStore } from "react";

import { useT } from "../../../lib/i18n";
import type { RealtimeStatus, RealtimeStatusStore } from "../../../lib/realtimeLink";
import { crmMessages } from "../messages";
import "./liveIndicator.css";

const idle: RealtimeStatusStore = { get: () => "idle", subscribe: () => () => undefined };

const hints: Partial<Record<RealtimeStatus, "liveHint" | "reconnectingHint">> = { live: "liveHint", reconnecting: "reconnectingHint" };

/**
 * A dot and a word in the CRM header: whether colleagues' changes are arriving live, or the
 * connection dropped and is being retried (so a quiet board is not mistaken for an idle floor).
 * Nothing shows while no socket is wanted (`status` null: a client without one, as in tests).
 */
export function LiveIndicator({ status }: { readonly status: RealtimeStatusStore | null }) {
  const t = useT(crmMessages);
  const store = status ?? idle;
  const current = useSyncExternalStore(store.subscribe, store.get);
  if (current === "idle") {
    return null;
  }
  const hint = hints[current];
  return (
    <span className={`live-indicator live-indicator--${current}`} role="status" title={hint ? t.live[hint] : undefined}>
      <span className="live-indicator__dot" aria-hidden="true" />
      {t.live[current]}
    </span>
  );
}
