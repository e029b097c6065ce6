import type { DataSource } from "typeorm";
import { toGlobalId } from "../src/graphql/global-id";
import type { AccountEntity } from "../src/modules/accounts/account.entity";
import type { UserEntity } from "../src/modules/auth/user.entity";
import { buildContact, buildLocation, buildNote, buildReminder, buildUser } from "./factories";
import { adminMatrix } from "./permission-matrix-admin";
import { buildImport } from "./import-factories";

/**
 * The permission matrix as test data: one row (or more) per row of permissions.ts.
 * permissions.int.test.ts walks it: a user with exactly `needs` is not refused; a user
 * missing any one key gets FORBIDDEN; a signed-out caller gets UNAUTHENTICATED; a token
 * without the write scope cannot run a Mutation row. leak.int.test.ts reuses the rows of
 * account-id-taking fields with `account` = every account and `user` = every user.
 *
 * To add a field: append a row. `variables` receives an account (in the caller's scope in
 * the matrix test; any account in the leak test) and the acting user; build whatever ids
 * the operation needs from them (e.g. create a note on `account` and pass its id).
 */
export interface MatrixFixture {
  ds: DataSource;
  /** The acting user. */
  user: UserEntity;
  /** The account the operation should touch. */
  account: AccountEntity;
  /** Global id of `account`. */
  accountId: string;
}

export interface MatrixRow {
  /** `Type.field` this row exercises: "Query.accounts", "Mutation.addNote", "Account.locations", "Subscription.accountChanged". */
  field: string;
  /** Distinguishes several rows of one field in test names. */
  label?: string;
  /** Exactly the permission keys that grant it; [] = any signed-in user. */
  needs: string[];
  /** "allowed" when signed-out callers may use it (me, login, logout). */
  anonymous?: "allowed";
  /** Type of the fixture account (default prospect). */
  accountType?: "prospect" | "partner" | "client";
  operation: string;
  variables?: (f: MatrixFixture) => Record<string, unknown> | Promise<Record<string, unknown>>;
}

const ACCOUNT_BY_ID = (selection: string) => `query($id: ID!) { account(id: $id) { id ${selection} } }`;

export const matrix: MatrixRow[] = [
  { field: "Query.me", needs: [], anonymous: "allowed", operation: `{ me { id } }` },
  { field: "Query.catalogs", needs: ["crm"], operation: `{ catalogs { locales { id } } }` },
  { field: "Query.accounts", needs: ["crm"], operation: `{ accounts { totalCount edges { node { id } } } }` },
  {
    field: "Query.accounts",
    label: "filter.salesmanIds",
    needs: ["crm", "all-prospects"],
    operation: `query($f: AccountFilter) { accounts(filter: $f) { totalCount } }`,
    variables: ({ user }) => ({ f: { salesmanIds: [toGlobalId("User", user.id)] } }),
  },
  {
    field: "Query.accounts",
    label: "filter.salesRoles",
    needs: ["crm", "all-prospects"],
    operation: `query($f: AccountFilter) { accounts(filter: $f) { totalCount } }`,
    variables: () => ({ f: { salesRoles: ["KAE"] } }),
  },
  {
    field: "Query.accounts",
    label: "filter.createdAt",
    needs: ["crm", "all-prospects"],
    operation: `query($f: AccountFilter) { accounts(filter: $f) { totalCount } }`,
    variables: () => ({ f: { createdAt: { from: "2020-01-01T00:00:00Z" } } }),
  },
  { field: "Query.account", needs: ["crm"], operation: ACCOUNT_BY_ID("name"), variables: ({ accountId }) => ({ id: accountId }) },
  { field: "Query.companies", needs: ["crm"], operation: `{ companies(search: "a", first: 5) { totalCount edges { node { id name taxId } } } }` },
  { field: "Query.node", needs: ["crm"], operation: `query($id: ID!) { node(id: $id) { id } }`, variables: ({ accountId }) => ({ id: accountId }) },
  {
    field: "Mutation.login",
    needs: [],
    anonymous: "allowed",
    operation: `mutation($input: LoginInput!) { login(input: $input) { id } }`,
    variables: ({ user }) => ({ input: { email: user.email, password: "secret-password" } }),
  },
  { field: "Mutation.logout", needs: [], anonymous: "allowed", operation: `mutation { logout }` },
  { field: "Account.locations", needs: ["crm", "crm-menu"], operation: ACCOUNT_BY_ID("locations { id city }"), variables: ({ accountId }) => ({ id: accountId }) },
  {
    field: "PartnerProspect.partnerData",
    needs: ["crm", "crm-partners"],
    accountType: "partner",
    operation: ACCOUNT_BY_ID("... on PartnerProspect { partnerData { rating } }"),
    variables: ({ accountId }) => ({ id: accountId }),
  },
  {
    field: "User.permissions",
    label: "of another user",
    needs: ["crm", "all-prospects"],
    operation: `query($id: ID!) { node(id: $id) { ... on User { permissions } } }`,
    variables: async ({ ds }) => ({ id: toGlobalId("User", (await buildUser(ds, ["crm", "kae"])).id) }),
  },
  // Child writes (helper C): notes, contacts, locations, reminders.
  {
    field: "Mutation.addNote",
    needs: ["crm"],
    operation: `mutation($input: AddNoteInput!) { addNote(input: $input) { id } }`,
    variables: ({ accountId }) => ({ input: { accountId, comment: "Matriz", action: "CALL" } }),
  },
  {
    field: "Mutation.updateNote",
    needs: ["crm"],
    operation: `mutation($input: UpdateNoteInput!) { updateNote(input: $input) { id } }`,
    variables: async ({ ds, user, account }) => ({ input: { id: toGlobalId("Note", `P${(await buildNote(ds, account, user)).id}`), comment: "Editada" } }),
  },
  {
    field: "Mutation.removeNote",
    needs: ["crm"],
    operation: `mutation($input: RemoveNoteInput!) { removeNote(input: $input) { id } }`,
    variables: async ({ ds, user, account }) => ({ input: { id: toGlobalId("Note", `P${(await buildNote(ds, account, user)).id}`) } }),
  },
  {
    field: "Mutation.addContact",
    needs: ["crm"],
    operation: `mutation($input: AddContactInput!) { addContact(input: $input) { id } }`,
    variables: ({ accountId }) => ({ input: { accountId, name: "Matriz" } }),
  },
  {
    field: "Mutation.updateContact",
    needs: ["crm"],
    operation: `mutation($input: UpdateContactInput!) { updateContact(input: $input) { id } }`,
    variables: async ({ ds, user, account }) => ({ input: { id: toGlobalId("Contact", (await buildContact(ds, account, user)).id), name: "Otra" } }),
  },
  {
    field: "Mutation.removeContact",
    needs: ["crm"],
    operation: `mutation($input: RemoveContactInput!) { removeContact(input: $input) { id } }`,
    variables: async ({ ds, user, account }) => ({ input: { id: toGlobalId("Contact", (await buildContact(ds, account, user)).id) } }),
  },
  {
    field: "Mutation.addLocation",
    needs: ["crm", "crm-menu"],
    operation: `mutation($input: AddLocationInput!) { addLocation(input: $input) { id } }`,
    variables: ({ accountId }) => ({ input: { accountId, kind: "OFFICE", street: "Reforma 1", city: "CDMX", state: "CDMX", postalCode: "06600" } }),
  },
  {
    field: "Mutation.updateLocation",
    needs: ["crm", "crm-menu"],
    operation: `mutation($input: UpdateLocationInput!) { updateLocation(input: $input) { id } }`,
    variables: async ({ ds, user, account }) => ({ input: { id: toGlobalId("Location", (await buildLocation(ds, account, user)).id), city: "Zapopan" } }),
  },
  {
    field: "Mutation.removeLocation",
    needs: ["crm", "crm-menu"],
    operation: `mutation($input: RemoveLocationInput!) { removeLocation(input: $input) { id } }`,
    variables: async ({ ds, user, account }) => ({ input: { id: toGlobalId("Location", (await buildLocation(ds, account, user)).id) } }),
  },
  {
    field: "Query.myReminders",
    needs: ["crm"],
    operation: `query { myReminders(filter: { status: ALL }) { id account { id } } }`,
  },
  {
    field: "Mutation.createReminder",
    needs: ["crm"],
    operation: `mutation($input: CreateReminderInput!) { createReminder(input: $input) { id } }`,
    variables: ({ accountId }) => ({ input: { accountId, text: "Llamar", dueAt: "2031-01-01T10:00:00Z" } }),
  },
  {
    field: "Mutation.updateReminder",
    needs: ["crm"],
    operation: `mutation($input: UpdateReminderInput!) { updateReminder(input: $input) { id } }`,
    variables: async ({ ds, user, account }) => ({ input: { id: toGlobalId("Reminder", (await buildReminder(ds, account, user)).id), text: "Otra" } }),
  },
  {
    field: "Mutation.completeReminder",
    needs: ["crm"],
    operation: `mutation($input: CompleteReminderInput!) { completeReminder(input: $input) { id } }`,
    variables: async ({ ds, user, account }) => ({ input: { id: toGlobalId("Reminder", (await buildReminder(ds, account, user)).id) } }),
  },
  {
    field: "Mutation.removeReminder",
    needs: ["crm"],
    operation: `mutation($input: RemoveReminderInput!) { removeReminder(input: $input) { id } }`,
    variables: async ({ ds, user, account }) => ({ input: { id: toGlobalId("Reminder", (await buildReminder(ds, account, user)).id) } }),
  },
  {
    field: "Mutation.sendEmail",
    needs: ["crm"],
    operation: `mutation($input: SendEmailInput!) { sendEmail(input: $input) { id status } }`,
    variables: ({ accountId, account }) => ({ input: { accountId, to: account.email, subject: "Matriz", body: "Hola" } }),
  },
  { field: "Query.tablePreferences", needs: ["crm"], operation: `{ tablePreferences(view: LIST) { view columns { key visible } } }` },
  {
    field: "Mutation.saveTablePreferences",
    needs: ["crm"],
    operation: `mutation($input: SaveTablePreferencesInput!) { saveTablePreferences(input: $input) { view } }`,
    variables: () => ({ input: { view: "LIST", columns: [{ key: "name", visible: true }] } }),
  },
  {
    field: "Mutation.exportAccounts",
    needs: ["crm"],
    operation: `mutation($input: ExportAccountsInput!) { exportAccounts(input: $input) { url expiresAt columns } }`,
    variables: () => ({ input: { columns: ["name", "email"] } }),
  },
  {
    field: "Mutation.exportAccounts",
    label: "filter.salesmanIds",
    needs: ["crm", "all-prospects"],
    operation: `mutation($input: ExportAccountsInput!) { exportAccounts(input: $input) { url } }`,
    variables: ({ user }) => ({ input: { filter: { salesmanIds: [toGlobalId("User", user.id)] } } }),
  },
  // Account writes, board and calendar (helper B).
  { field: "Query.salesmen", needs: ["crm"], operation: `{ salesmen { id name } }` },
  { field: "Query.board", needs: ["crm"], operation: `{ board(first: 2) { totalCount columns { totalCount cards { edges { node { id } } } } } }` },
  {
    field: "Query.board",
    label: "filter.salesmanIds",
    needs: ["crm", "all-prospects"],
    operation: `query($f: AccountFilter) { board(filter: $f) { totalCount } }`,
    variables: ({ user }) => ({ f: { salesmanIds: [toGlobalId("User", user.id)] } }),
  },
  {
    field: "Query.boardColumn",
    needs: ["crm"],
    operation: `query($s: Int!) { boardColumn(statusId: $s, first: 2) { totalCount cards { edges { node { id } } } } }`,
    variables: ({ account }) => ({ s: account.followUpId }),
  },
  {
    field: "Query.activities",
    needs: ["crm"],
    operation: `{ activities(from: "2030-01-01T00:00:00Z", to: "2030-02-01T00:00:00Z") { id kind date account { id } } }`,
  },
  {
    field: "Mutation.createProspect",
    needs: ["crm"],
    operation: `mutation($input: CreateProspectInput!) { createProspect(input: $input) { id } }`,
    variables: ({ user }) => ({ input: { name: "Matriz", companyName: `Matriz ${user.id}`, email: `matriz${user.id}@example.com`, localeId: 1, allowDuplicate: true } }),
  },
  {
    field: "Mutation.createProspect",
    label: "type PARTNER_PROSPECT",
    needs: ["crm", "crm-partners"],
    operation: `mutation($input: CreateProspectInput!) { createProspect(input: $input) { id } }`,
    variables: ({ user }) => ({ input: { type: "PARTNER_PROSPECT", name: "Matriz", companyName: `Socio ${user.id}`, email: `socio${user.id}@example.com`, localeId: 1, allowDuplicate: true } }),
  },
  {
    field: "Mutation.createProspect",
    label: "salesmanId of another user",
    needs: ["crm", "crm-edit-salesman-prospect"],
    operation: `mutation($input: CreateProspectInput!) { createProspect(input: $input) { id } }`,
    variables: async ({ ds, user }) => ({
      input: { name: "Matriz", companyName: `Otro ${user.id}`, email: `otro${user.id}@example.com`, localeId: 1, allowDuplicate: true, salesmanId: toGlobalId("User", (await buildUser(ds, ["crm"])).id) },
    }),
  },
  {
    field: "Query.csvImport",
    needs: ["crm"],
    operation: `query($id: ID!) { csvImport(id: $id) { id status rows { totalCount edges { node { rowNumber duplicateOf { accountExists accountId } prospectId } } } } }`,
    variables: async ({ ds, user, account }) => ({ id: toGlobalId("CsvImport", (await buildImport(ds, user, { rows: [{ rowNumber: 2, data: { name: "Fila" }, state: "duplicate", duplicateOfId: account.id }] })).id) }),
  },
  {
    field: "Query.csvImports",
    needs: ["crm"],
    operation: `{ csvImports { edges { node { id rows { edges { node { duplicateOf { accountId } prospectId } } } } } } }`,
    variables: async ({ ds, user, account }) => {
      await buildImport(ds, user, { status: "committed", rows: [{ rowNumber: 2, data: { name: "Fila" }, state: "created", prospectId: account.id }] });
      return {};
    },
  },
  {
    field: "Mutation.commitImport",
    needs: ["crm"],
    operation: `mutation($input: CommitImportInput!) { commitImport(input: $input) { id status } }`,
    variables: async ({ ds, user }) => ({ input: { id: toGlobalId("CsvImport", (await buildImport(ds, user)).id) } }),
  },
  {
    field: "Mutation.commitImport",
    label: "salesmanId of another user",
    needs: ["crm", "crm-edit-salesman-prospect"],
    operation: `mutation($input: CommitImportInput!) { commitImport(input: $input) { id status } }`,
    variables: async ({ ds, user }) => ({
      input: { id: toGlobalId("CsvImport", (await buildImport(ds, user)).id), salesmanId: toGlobalId("User", (await buildUser(ds, ["crm"])).id) },
    }),
  },
  {
    field: "Mutation.updateAccount",
    needs: ["crm"],
    operation: `mutation($input: UpdateAccountInput!) { updateAccount(input: $input) { id version } }`,
    variables: async ({ ds, accountId, account }) => ({ input: { accountId, version: await currentVersion(ds, account), name: "Editado" } }),
  },
  {
    field: "Mutation.updateAccount",
    label: "input.salesmanId",
    needs: ["crm", "crm-edit-salesman-prospect"],
    operation: `mutation($input: UpdateAccountInput!) { updateAccount(input: $input) { id version } }`,
    variables: async ({ ds, user, accountId, account }) => ({ input: { accountId, version: await currentVersion(ds, account), salesmanId: toGlobalId("User", user.id) } }),
  },
  {
    field: "Mutation.upsertFollowUpData",
    needs: ["crm"],
    operation: `mutation($input: UpsertFollowUpDataInput!) { upsertFollowUpData(input: $input) { id } }`,
    variables: async ({ ds, accountId, account }) => ({ input: { accountId, version: await currentVersion(ds, account), accountValue: 1000 } }),
  },
  {
    field: "Mutation.upsertPartnerData",
    needs: ["crm", "crm-partners"],
    accountType: "partner",
    operation: `mutation($input: UpsertPartnerDataInput!) { upsertPartnerData(input: $input) { id } }`,
    variables: async ({ ds, accountId, account }) => ({ input: { accountId, version: await currentVersion(ds, account), rating: 4 } }),
  },
  {
    field: "Mutation.moveAccount",
    needs: ["crm"],
    operation: `mutation($input: MoveAccountInput!) { moveAccount(input: $input) { id } }`,
    variables: ({ accountId, account }) => ({ input: { accountId, followUpStatusId: account.followUpId } }),
  },
  {
    field: "Mutation.assignSalesman",
    needs: ["crm", "crm-edit-salesman-prospect"],
    operation: `mutation($input: AssignSalesmanInput!) { assignSalesman(input: $input) { id } }`,
    variables: ({ user, accountId }) => ({ input: { accountId, salesmanId: toGlobalId("User", user.id) } }),
  },
  {
    field: "Mutation.convertToClient",
    needs: ["crm"],
    operation: `mutation($input: ConvertToClientInput!) { convertToClient(input: $input) { id } }`,
    variables: async ({ ds, accountId, account }) => ({ input: { accountId, version: await currentVersion(ds, account), company: { name: "Matriz SA" } } }),
  },
  {
    field: "Mutation.removeAccount",
    needs: ["crm"],
    operation: `mutation($input: RemoveAccountInput!) { removeAccount(input: $input) { id } }`,
    variables: ({ accountId }) => ({ input: { accountId } }),
  },
  {
    field: "Mutation.restoreAccount",
    needs: ["crm"],
    operation: `mutation($input: RestoreAccountInput!) { restoreAccount(input: $input) { id } }`,
    variables: ({ accountId }) => ({ input: { accountId } }),
  },
  // Subscriptions (issue 11): permissions.int.test.ts runs these rows over graphql-ws with the caller's session.
  { field: "Subscription.accountChanged", needs: ["crm"], operation: `subscription { accountChanged { kind accountId leftScope } }` },
  ...adminMatrix,
];

/** The version an account has now (earlier rows may have changed it), for inputs that must send it. */
async function currentVersion(ds: DataSource, account: AccountEntity): Promise<number> {
  const rows: Array<{ version: number | string }> = await ds.query("SELECT version FROM prospection_users WHERE id = ?", [account.id]);
  return Number(rows[0]?.version ?? account.version);
}

/** Test title of a row. */
export function rowName(row: MatrixRow): string {
  return row.label ? `${row.field} (${row.label})` : row.field;
}
