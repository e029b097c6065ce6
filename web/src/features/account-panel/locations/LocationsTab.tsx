import type { LocationCard_LocationFragment } from "../../../__generated__/graphql";
import { useT } from "../../../lib/i18n";
import { EditableCardList } from "../EditableCardList";
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
  const { locations, loading, error } = useAccountLocations(account.id);
  const addLocation = useAddLocation(account);
  const updateLocation = useUpdateLocation();
  const removeLocation = useRemoveLocation();

  return (
    <EditableCardList
      label={t.title}
      items={locations}
      loading={loading}
      error={error}
      emptyText={t.empty}
      addLabel={t.add}
      editLabel={() => t.edit}
      removeLabel={() => t.remove}
      confirmRemove={() => t.confirmRemove}
      removedText={t.removed}
      onRemove={(location) => removeLocation(location.id)}
      renderForm={(location, onDone) => (
        <LocationForm
          location={location}
          onSubmit={(values) => (location ? updateLocation({ id: location.id, ...toLocationInput(values) }) : addLocation(toLocationInput(values)))}
          onDone={onDone}
        />
      )}
      renderCard={(location) => (
        <>
          <strong>{location.name ?? t.kinds[location.kind]}</strong> · {t.kinds[location.kind]}
          {location.isPrimary ? <span className="badge"> · {t.primary}</span> : null}
          <address>{addressLine(location)}</address>
        </>
      )}
    />
  );
}
