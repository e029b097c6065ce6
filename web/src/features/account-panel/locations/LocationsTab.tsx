import { useState } from "react";

import type { LocationCard_LocationFragment } from "../../../__generated__/graphql";
import { useToast } from "../../../components/Toast";
import { useT } from "../../../lib/i18n";
import { commonMessages } from "../../../lib/messages";
import { useErrorMessage } from "../../../lib/useErrorMessage";
import type { AccountKey } from "../notes/useAddNote";
import { LocationForm } from "./LocationForm";
import { toLocationInput } from "./locationSchema";
import { locationsMessages } from "./messages";
import { useAccountLocations, useAddLocation, useRemoveLocation, useUpdateLocation } from "./useLocations";

function addressLine(location: LocationCard_LocationFragment): string {
  const number = [location.exteriorNumber, location.interiorNumber ? `int. ${location.interiorNumber}` : null].filter(Boolean).join(" ");
  return [
    [location.street, number].filter(Boolean).join(" "),
    location.neighborhood,
    `${location.postalCode} ${location.city}`,
    location.state,
    location.country,
  ]
    .filter(Boolean)
    .join(", ");
}

/** Addresses of the account (the tab exists only with crm-menu). */
export function LocationsTab({ account }: { account: AccountKey }) {
  const t = useT(locationsMessages);
  const common = useT(commonMessages);
  const toast = useToast();
  const toMessage = useErrorMessage();
  const { locations, loading, error } = useAccountLocations(account.id);
  const addLocation = useAddLocation(account);
  const updateLocation = useUpdateLocation();
  const removeLocation = useRemoveLocation();
  const [editing, setEditing] = useState<string | null>(null);

  const form = (locationId: string | null) => (
    <LocationForm
      location={locations.find((location) => location.id === locationId) ?? null}
      onSubmit={(values) => (locationId ? updateLocation({ id: locationId, ...toLocationInput(values) }) : addLocation(toLocationInput(values)))}
      onDone={() => setEditing(null)}
    />
  );

  return (
    <section aria-label={t.title}>
      {error ? <p role="alert" className="form-error">{toMessage(error)}</p> : null}
      {loading ? <div className="skeleton skeleton--block" aria-busy="true" aria-label={common.loading} /> : null}
      {!loading && !error && locations.length === 0 ? <p className="empty-state">{t.empty}</p> : null}
      <ul className="card-list">
        {locations.map((location) =>
          editing === location.id ? (
            <li key={location.id}>{form(location.id)}</li>
          ) : (
            <li key={location.id}>
              <strong>{location.name ?? t.kinds[location.kind]}</strong> · {t.kinds[location.kind]}
              {location.isPrimary ? <span className="badge"> · {t.primary}</span> : null}
              <address>{addressLine(location)}</address>
              <div className="form-actions">
                <button type="button" onClick={() => setEditing(location.id)}>
                  {t.edit}
                </button>
                <button
                  type="button"
                  onClick={() => {
                    if (window.confirm(t.confirmRemove)) {
                      removeLocation(location.id).then(
                        () => toast.success(t.removed),
                        (reason: unknown) => toast.error(toMessage(reason)),
                      );
                    }
                  }}
                >
                  {t.remove}
                </button>
              </div>
            </li>
          ),
        )}
      </ul>
      {editing === "new" ? (
        form(null)
      ) : (
        <button type="button" onClick={() => setEditing("new")}>
          {t.add}
        </button>
      )}
    </section>
  );
}
