import type {
  AccountOrderField,
  AccountSize,
  AccountStatus,
  AccountType,
  SalesRole,
} from "../../__generated__/graphql";

// Records keyed by the generated unions: when the server adds an enum value, these stop compiling.
const accountTypeSet: Readonly<Record<AccountType, true>> = { PROSPECT: true, PARTNER_PROSPECT: true, CLIENT: true };
const accountStatusSet: Readonly<Record<AccountStatus, true>> = { IN_PROCESS: true, REGISTERED: true, REMOVED: true };
const accountSizeSet: Readonly<Record<AccountSize, true>> = {
  INDIVIDUAL: true,
  STARTUP: true,
  SME: true,
  ENTERPRISE: true,
  CORPORATE: true,
};
const salesRoleSet: Readonly<Record<SalesRole, true>> = {
  KAE: true,
  KAE_LTL: true,
  CSR: true,
  CSR_LTL: true,
  FULLFILMENT: true,
  WMS: true,
  ECARTPAY: true,
  PARAPAQUETES: true,
};
const orderFieldSet: Readonly<Record<AccountOrderField, true>> = {
  NAME: true,
  COMPANY_NAME: true,
  CREATED_AT: true,
  UPDATED_AT: true,
};

function keysOf<K extends string>(set: Readonly<Record<K, true>>): readonly K[] {
  return Object.freeze(Object.keys(set) as K[]);
}

export const accountTypes = keysOf(accountTypeSet);
export const accountStatuses = keysOf(accountStatusSet);
export const accountSizes = keysOf(accountSizeSet);
export const salesRoles = keysOf(salesRoleSet);
export const accountOrderFields = keysOf(orderFieldSet);

/** A parser that accepts only the values of one enum (URL params are untrusted input). */
export function enumParser<K extends string>(values: readonly K[]): (raw: string) => K | null {
  const known: ReadonlySet<string> = new Set(values);
  return (raw) => (known.has(raw) ? (raw as K) : null);
}
