import { type GraphQLResolveInfo, type GraphQLSchema, isInterfaceType, isObjectType } from "graphql";
import { allow, and, chain, deny, or, shield } from "graphql-shield";
import { applyMiddleware } from "graphql-middleware";
import { ForbiddenError } from "../../graphql/errors";
import {
  allProspectsFilters,
  canEditSalesman,
  hasAllProspects,
  hasCrm,
  hasMenu,
  hasPartners,
  isAdmin,
  isSelf,
  isSessionViewer,
  isSignedIn,
  ownUserArgOrAdmin,
  salesmanChangeAllowed,
  tokenCanRead,
  tokenCanWrite,
  type ShieldRule,
} from "./rules";

/*
 * THE permission matrix of the graph (DESIGN.md §6): one row per Query and Mutation field,
 * plus the guarded object fields. Anything not listed is denied (fallbackRule: deny).
 * Every Query row also needs the token `read` scope and every Mutation row the `write`
 * scope (added in applyPermissions, so a row cannot forget it). Rules live in rules.ts.
 * Each row has its test-matrix entry in permissions.int.test.ts (permission-matrix.ts).
 */

/** One instance: shield refuses two rules of one name (board, boardColumn and activities share the accounts filter rule). */
const accountFilterAllowed = allProspectsFilters("filter");

/** Query fields. */
export const queryRules: Record<string, ShieldRule> = {
  me: allow, // anyone; null when signed out
  catalogs: hasCrm, // crm
  accounts: and(hasCrm, accountFilterAllowed), // crm; salesman/role/date filters need all-prospects
  account: hasCrm, // crm; out-of-scope accounts are NOT_FOUND (visibility in SQL)
  node: hasCrm, // crm; same visibility as account
  apiTokens: ownUserArgOrAdmin, // signed in: own tokens; admin: everyone's / another user's
  users: isAdmin, // admin
  permissionCatalog: isAdmin, // admin
  salesmen: hasCrm, // crm; active CRM users (assign / filter pickers)
  board: and(hasCrm, accountFilterAllowed), // crm; same filters and visibility as accounts
  boardColumn: and(hasCrm, accountFilterAllowed), // crm; one Kanban column's next cards
  activities: and(hasCrm, accountFilterAllowed), // crm; scheduled notes and reminders of visible accounts
  myReminders: hasCrm, // crm; the viewer's own reminders on accounts in their scope
  tablePreferences: hasCrm, // crm; the viewer's own preferences only
  companies: hasCrm, // crm; platform companies only (name, RFC), no account data: the convert-to-client picker
  failedJobs: isAdmin, // admin; failed background jobs (Respond.io lead sync) with their prospect and error
  csvImport: hasCrm, // crm; own imports; crm-manager / all-prospects: anyone's (else NOT_FOUND, in SQL)
  csvImports: hasCrm, // crm; own imports; crm-manager / all-prospects: everyone's
};

/** Mutation fields. */
export const mutationRules: Record<string, ShieldRule> = {
  login: allow, // anyone (throttled per email+IP)
  logout: allow, // anyone; ends this browser's session
  createApiToken: isSessionViewer, // signed in with a session (tokens cannot mint tokens); ADMIN scope needs admin
  revokeApiToken: isSignedIn, // own tokens; admin: anyone's (else NOT_FOUND)
  createUser: isAdmin, // admin
  setUserPermissions: isAdmin, // admin (not their own admin key)
  deactivateUser: isAdmin, // admin (not themselves); sessions and tokens stop at once
  reactivateUser: isAdmin, // admin
  resetUserPassword: isAdmin, // admin; the user's sessions end
  retryJob: isAdmin, // admin; a failed background job runs again
  retryFailedJobs: isAdmin, // admin; every failed background job runs again
  commitImport: hasCrm, // crm; own import (managers: anyone's, else NOT_FOUND); salesmanId of another user needs crm-edit-salesman-prospect (FORBIDDEN in ImportService)
  createProspect: hasCrm, // crm; PARTNER_PROSPECT needs crm-partners, another salesman crm-edit-salesman-prospect (FORBIDDEN in ProspectCreateService)
  updateAccount: and(hasCrm, salesmanChangeAllowed), // crm; account in scope; input.salesmanId needs crm-edit-salesman-prospect
  upsertFollowUpData: hasCrm, // crm; account in scope
  upsertPartnerData: and(hasCrm, hasPartners), // crm + crm-partners; partner prospects in scope
  moveAccount: hasCrm, // crm; account in scope
  assignSalesman: and(hasCrm, canEditSalesman), // crm + crm-edit-salesman-prospect; account in scope
  convertToClient: hasCrm, // crm; account in scope
  removeAccount: hasCrm, // crm; account in scope
  restoreAccount: hasCrm, // crm; account in scope
  addNote: hasCrm, // crm; account in scope (else NOT_FOUND)
  updateNote: hasCrm, // crm; the note's author or crm-manager (FORBIDDEN otherwise, checked in NoteService)
  removeNote: hasCrm, // crm; the note's author or crm-manager
  addContact: hasCrm, // crm; account in scope
  updateContact: hasCrm, // crm; account in scope
  removeContact: hasCrm, // crm; account in scope
  addLocation: and(hasCrm, hasMenu), // crm + crm-menu; account in scope
  updateLocation: and(hasCrm, hasMenu), // crm + crm-menu
  removeLocation: and(hasCrm, hasMenu), // crm + crm-menu
  createReminder: hasCrm, // crm; account in scope; the assignee must see the account (BAD_USER_INPUT otherwise)
  updateReminder: hasCrm, // crm; creator, assignee or crm-manager (FORBIDDEN otherwise, checked in ReminderService)
  completeReminder: hasCrm, // crm; creator, assignee or crm-manager
  removeReminder: hasCrm, // crm; creator, assignee or crm-manager
  sendEmail: hasCrm, // crm; account in scope; `to` must be the account's or a contact's email
  saveTablePreferences: hasCrm, // crm; the viewer's own preferences only
  exportAccounts: and(hasCrm, allProspectsFilters("input.filter"), tokenCanRead), // crm; accounts' filter rules and visibility; a token needs read (and write, like every mutation)
};

/**
 * Subscription fields: checked when subscribing (the shield wraps `subscribe`, see
 * guardSubscriptions) and again on every event; events are filtered per subscriber by scope.
 */
export const subscriptionRules: Record<string, ShieldRule> = {
  accountChanged: hasCrm, // crm; only changes to accounts in the viewer's scope (leftScope when one leaves it)
};

/** Fields every Account implementation guards (applied to each type implementing Account). */
export const accountFieldRules: Record<string, ShieldRule> = {
  locations: hasMenu, // crm-menu: locations are read with crm-menu only
};

const ownOrAdminOrManager = or(isSelf, isAdmin, hasAllProspects);

/** Guarded object fields; other fields of these types are allowed. */
export const objectFieldRules: Record<string, Record<string, ShieldRule>> = {
  PartnerProspect: { partnerData: hasPartners }, // crm-partners
  User: { permissions: ownOrAdminOrManager, role: ownOrAdminOrManager }, // own, admins', all-prospects holders'
};

/** Object types every field of which is guarded, wherever they are reached from. */
export const objectTypeRules: Record<string, ShieldRule> = {
  PartnerData: hasPartners, // crm-partners
  Location: hasMenu, // crm-menu
};

const ROOT_TYPES = new Set(["Query", "Mutation", "Subscription"]);

/** The full shield rule tree for a schema: the rows above, and `allow` for unguarded object types. */
export function ruleTree(schema: GraphQLSchema): Record<string, ShieldRule | Record<string, ShieldRule>> {
  const tree: Record<string, ShieldRule | Record<string, ShieldRule>> = {
    Query: Object.fromEntries(Object.entries(queryRules).map(([field, rule]) => [field, chain(rule, tokenCanRead)])),
    Mutation: Object.fromEntries(Object.entries(mutationRules).map(([field, rule]) => [field, chain(rule, tokenCanWrite)])),
    Subscription: Object.fromEntries(Object.entries(subscriptionRules).map(([field, rule]) => [field, chain(rule, tokenCanRead)])),
  };
  const account = schema.getType("Account");
  const accountTypes = isInterfaceType(account) ? schema.getPossibleTypes(account).map((t) => t.name) : [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__") || ROOT_TYPES.has(type.name)) {
      continue;
    }
    if (objectTypeRules[type.name]) {
      tree[type.name] = objectTypeRules[type.name]!;
      continue;
    }
    const fields = { ...(accountTypes.includes(type.name) ? accountFieldRules : {}), ...objectFieldRules[type.name] };
    tree[type.name] = Object.keys(fields).length > 0 ? { "*": allow, ...fields } : allow;
  }
  return tree;
}

type FieldMiddlewares = Record<string, Record<string, unknown>>;

/**
 * The shield's per-field middlewares without those of fields whose rule is `allow`: such a field
 * resolves exactly as if unguarded, and wrapping it anyway turns every plain field of every row
 * into an awaited rule call (an accounts page of 100 has thousands; with Apollo's per-field
 * cache-control hook, ~40% of the API's CPU per accounts page: issue 10, graphql-vs-raw bench).
 * Guarded fields and the fallback (deny) keep theirs.
 */
export function withoutAllowedFields(tree: ReturnType<typeof ruleTree>, middlewares: FieldMiddlewares): FieldMiddlewares {
  const kept: FieldMiddlewares = {};
  for (const [typeName, fields] of Object.entries(middlewares)) {
    const rule = tree[typeName];
    if (rule === allow) {
      continue;
    }
    // A rule for the whole type (not allow) or none (the fallback, deny): every field keeps its guard.
    if (rule === undefined || Object.getPrototypeOf(rule) !== Object.prototype) {
      kept[typeName] = fields;
      continue;
    }
    const fieldRules = rule as Record<string, ShieldRule>;
    kept[typeName] = Object.fromEntries(Object.entries(fields).filter(([field]) => (fieldRules[field] ?? fieldRules["*"]) !== allow));
  }
  return kept;
}

type FieldFn = (parent: unknown, args: Record<string, unknown>, ctx: unknown, info: GraphQLResolveInfo) => unknown;
type FieldMiddleware = ((resolve: FieldFn, ...rest: Parameters<FieldFn>) => unknown) | { resolve: (resolve: FieldFn, ...rest: Parameters<FieldFn>) => unknown };

/**
 * graphql-middleware wraps a subscription field's `resolve` (run per event), not its `subscribe`,
 * so a refused viewer would still open the stream. Each Subscription field's shield middleware
 * also wraps `subscribe`: a refused subscribe answers the error and opens nothing.
 */
function guardSubscriptions(schema: GraphQLSchema, middlewares: FieldMiddlewares): void {
  const fields = schema.getSubscriptionType()?.getFields() ?? {};
  for (const [name, field] of Object.entries(fields)) {
    const middleware = middlewares.Subscription?.[name] as FieldMiddleware | undefined;
    const subscribe = field.subscribe as FieldFn | undefined;
    if (!middleware || !subscribe) {
      continue;
    }
    const run = typeof middleware === "function" ? middleware : middleware.resolve;
    field.subscribe = (parent, args, ctx, info) => run(subscribe, parent, args, ctx, info) as ReturnType<NonNullable<typeof field.subscribe>>;
  }
}

/** Wraps the guarded resolvers of the schema with the shield; unlisted root fields are FORBIDDEN. */
export function applyPermissions(schema: GraphQLSchema): GraphQLSchema {
  const tree = ruleTree(schema);
  const permissions = shield(tree, {
    fallbackRule: deny,
    allowExternalErrors: true,
    fallbackError: () => new ForbiddenError(),
  });
  const middlewares = permissions.generate(schema) as FieldMiddlewares;
  const guarded = applyMiddleware(schema, withoutAllowedFields(tree, middlewares) as Parameters<typeof applyMiddleware>[1]);
  guardSubscriptions(guarded, middlewares);
  return guarded;
}
