import { IsNull, Not, type DataSource, type EntityManager } from "typeorm";
import { ForbiddenError } from "../../graphql/errors";
import { FieldChecks } from "../../graphql/field-checks";
import { expectGlobalId } from "../../graphql/global-id";
import { accountInScope, liveChildInScope } from "../accounts/account-access";
import type { Viewer } from "../auth/viewer";
import { LOCATION_KINDS, LocationEntity, type LocationKind } from "./location.entity";
import type { AddLocationInput, RemoveLocationInput, UpdateLocationInput } from "./location.inputs";

type AddressFields = Pick<
  LocationEntity,
  "kind" | "name" | "street" | "exteriorNumber" | "interiorNumber" | "neighborhood" | "city" | "state" | "postalCode" | "country"
>;
type AddressInput = Partial<Record<keyof AddressFields, string | null>>;

const TEXT_LIMITS: Array<[keyof AddressFields, number, boolean]> = [
  ["name", 120, false],
  ["street", 191, true],
  ["exteriorNumber", 20, false],
  ["interiorNumber", 20, false],
  ["neighborhood", 120, false],
  ["city", 120, true],
  ["state", 120, true],
];

/** Writes of an account's locations (company_locations); crm-menu only; at most one primary per account. */
export class LocationService {
  constructor(private readonly dataSource: DataSource) {}

  /** Adds a location; the account's first one, or one asked to be, becomes the primary (the old one is unset). */
  async add(viewer: Viewer, input: AddLocationInput): Promise<LocationEntity> {
    requireMenu(viewer);
    const accountId = expectGlobalId(input.accountId, "Account", "accountId");
    const fields = checkAddress(input, null);
    const account = await accountInScope(this.dataSource, viewer, accountId);
    return this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(LocationEntity);
      const hasPrimary = await repo.existsBy({ prospectId: account.id, isPrimary: true, deletedAt: IsNull() });
      const isPrimary = input.isPrimary ?? !hasPrimary;
      if (isPrimary) {
        await unsetPrimary(m, account.id);
      }
      const { id } = await repo.save({ ...(fields as AddressFields), isPrimary, prospectId: account.id, companyId: account.companyId, createdBy: viewer.id });
      return repo.findOneByOrFail({ id });
    });
  }

  /** Changes the given fields; isPrimary true moves the primary flag to this location in the same transaction. */
  async update(viewer: Viewer, input: UpdateLocationInput): Promise<LocationEntity> {
    requireMenu(viewer);
    const location = await liveChildInScope(this.dataSource, viewer, LocationEntity, "Location", input.id);
    const fields = checkAddress(input, location);
    return this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(LocationEntity);
      const changes: Partial<LocationEntity> = { ...fields };
      if (input.isPrimary === true && !location.isPrimary) {
        await unsetPrimary(m, location.prospectId);
        changes.isPrimary = true;
      } else if (input.isPrimary === false) {
        changes.isPrimary = false;
      }
      if (Object.keys(changes).length > 0) {
        await repo.update({ id: location.id }, changes);
      }
      return repo.findOneByOrFail({ id: location.id });
    });
  }

  /** Soft-deletes a location; when it was the primary, the oldest remaining one takes over. */
  async remove(viewer: Viewer, input: RemoveLocationInput): Promise<LocationEntity> {
    requireMenu(viewer);
    const location = await liveChildInScope(this.dataSource, viewer, LocationEntity, "Location", input.id);
    await this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(LocationEntity);
      await repo.update({ id: location.id }, { deletedAt: new Date(), isPrimary: false });
      if (location.isPrimary) {
        const next = await repo.findOne({ where: { prospectId: location.prospectId, deletedAt: IsNull(), id: Not(location.id) }, order: { id: "ASC" } });
        if (next) {
          await repo.update({ id: next.id }, { isPrimary: true });
        }
      }
    });
    return location;
  }
}

function requireMenu(viewer: Viewer): void {
  if (!viewer.has("crm-menu")) {
    throw new ForbiddenError("Locations need the crm-menu permission");
  }
}

function unsetPrimary(m: EntityManager, accountId: number) {
  return m.getRepository(LocationEntity).update({ prospectId: accountId, isPrimary: true }, { isPrimary: false });
}

/** Validates an add (current = null: every required field) or the given fields of an update. */
function checkAddress(input: AddressInput, current: LocationEntity | null): Partial<AddressFields> {
  const checks = new FieldChecks();
  const fields: Partial<AddressFields> = {};
  const given = (key: keyof AddressFields) => current === null || input[key] !== undefined;
  if (given("kind")) {
    if (!input.kind || !(LOCATION_KINDS as readonly string[]).includes(input.kind)) {
      checks.add("kind", `must be one of ${LOCATION_KINDS.join(", ")}`);
    }
    fields.kind = input.kind as LocationKind;
  }
  for (const [key, max, required] of TEXT_LIMITS) {
    if (given(key)) {
      (fields as Record<string, string | null>)[key] = checks.text(key, input[key], { required, max });
    }
  }
  if (given("country")) {
    const country = input.country?.trim().toUpperCase() || (current === null ? "MX" : "");
    if (!/^[A-Z]{2}$/.test(country)) {
      checks.add("country", "must be a two-letter ISO country code, e.g. MX");
    }
    fields.country = country;
  }
  if (given("postalCode") || given("country")) {
    const postalCode = checks.text("postalCode", input.postalCode !== undefined ? input.postalCode : current?.postalCode, { required: true, max: 10 });
    const country = fields.country ?? current?.country ?? "MX";
    if (postalCode !== null && country === "MX" && !/^\d{5}$/.test(postalCode)) {
      checks.add("postalCode", "must be 5 digits in Mexico");
    } else if (postalCode !== null && !/^[A-Za-z0-9 -]{3,10}$/.test(postalCode)) {
      checks.add("postalCode", "must be 3 to 10 letters or digits");
    }
    if (postalCode !== null) {
      fields.postalCode = postalCode;
    }
  }
  checks.done();
  return fields;
}
