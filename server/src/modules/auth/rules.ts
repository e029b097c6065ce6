import { and, chain, or, rule } from "graphql-shield";
import type { Context } from "../../graphql/context";
import { ForbiddenError, UnauthenticatedError } from "../../graphql/errors";
import { fromGlobalId } from "../../graphql/global-id";
import { forbiddenFilterError } from "../accounts/account.scope";
import type { AccountFilter } from "../accounts/account.inputs";
import type { TokenScope } from "./viewer";

/** Any shield rule (a rule or a logic rule). */
export type ShieldRule = Parameters<typeof and>[number];

/*
 * The small named rules permissions.ts is written in. Rules without arguments are cached
 * per request ("contextual": once per rule name per request); rules reading args or the
 * parent use "strict". Permission keys are read through the request's DataLoader (primed
 * with the keys loaded while authenticating, so a check costs no SQL).
 */

/** Signed in by session cookie or API token; UNAUTHENTICATED otherwise. */
export const isSignedIn = rule("isSignedIn", { cache: "contextual" })((_p, _a, ctx: Context) =>
  ctx.viewer ? true : new UnauthenticatedError(),
);

/** The viewer's effective permission keys, read through the request's loader. */
async function viewerHas(ctx: Context, key: string): Promise<boolean> {
  if (!ctx.viewer) {
    return false;
  }
  const keys = await ctx.loaders.permissionKeysByUserId.load(ctx.viewer.id);
  return keys.some((row) => row.key === key) && ctx.viewer.has(key);
}

function permissionRule(name: string, key: string, message: string): ShieldRule {
  const check = rule(name, { cache: "contextual" })(async (_p, _a, ctx: Context) => ((await viewerHas(ctx, key)) ? true : new ForbiddenError(message)));
  return chain(isSignedIn, check);
}

/** crm (legacy 319): every CRM field. */
export const hasCrm = permissionRule("hasCrm", "crm", "You need the crm permission to use the CRM");
/** all-prospects: salesman, sales-role and date-range filters (and seeing everything). */
export const hasAllProspects = permissionRule("hasAllProspects", "all-prospects", "You need the all-prospects permission");
/** crm-edit-salesman-prospect: changing the assigned salesman. */
export const canEditSalesman = permissionRule("canEditSalesman", "crm-edit-salesman-prospect", "You need the crm-edit-salesman-prospect permission to change the salesman");
/** crm-partners: partner data, read and write. */
export const hasPartners = permissionRule("hasPartners", "crm-partners", "You need the crm-partners permission for partner data");
/** crm-menu: locations, read and write. */
export const hasMenu = permissionRule("hasMenu", "crm-menu", "You need the crm-menu permission for locations");
/** crm-manager (legacy 147). */
export const isManager = permissionRule("isManager", "crm-manager", "You need the crm-manager permission");
/** admin: users, permissions, other users' API tokens, the playground. A token needs the admin scope. */
export const isAdmin = permissionRule("isAdmin", "admin", "You need the admin permission");

function scopeRule(name: string, scope: TokenScope, message: string): ShieldRule {
  return rule(name, { cache: "contextual" })((_p, _a, ctx: Context) => (!ctx.viewer || ctx.viewer.allowsScope(scope) ? true : new ForbiddenError(message)));
}

/** Applied to every Query row by permissions.ts: a token needs the read scope. Sessions pass. */
export const tokenCanRead = scopeRule("tokenCanRead", "read", "This API token does not have the read scope");
/** Applied to every Mutation row by permissions.ts: a token needs the write scope. Sessions pass. */
export const tokenCanWrite = scopeRule("tokenCanWrite", "write", "This API token is read-only (it lacks the write scope)");

/** Signed in with a browser session, not a token (tokens cannot mint tokens). */
export const isSessionViewer = chain(
  isSignedIn,
  rule("isSessionViewer", { cache: "contextual" })((_p, _a, ctx: Context) =>
    ctx.viewer?.tokenScopes === null ? true : new ForbiddenError("API tokens cannot do this; sign in"),
  ),
);

/**
 * all-prospects filters: asking for salesman, sales-role or date-range filters without
 * all-prospects is FORBIDDEN naming the filter. `argName` is where the AccountFilter sits.
 */
export function allProspectsFilters(argName = "filter"): ShieldRule {
  // One rule instance per argument name: shield refuses two different rules with one name.
  let cached = filterRules.get(argName);
  if (!cached) {
    cached = chain(
      isSignedIn,
      rule(`allProspectsFilters:${argName}`, { cache: "strict" })(async (_p, args: Record<string, unknown>, ctx: Context) => {
        // "input.filter": the filter inside a mutation's input.
        const filter = argName.split(".").reduce<unknown>((value, key) => (value as Record<string, unknown> | null | undefined)?.[key], args) as AccountFilter | null | undefined;
        const allowed = await viewerHas(ctx, "all-prospects");
        return forbiddenFilterError(filter, allowed) ?? true;
      }),
    );
    filterRules.set(argName, cached);
  }
  return cached;
}

const filterRules = new Map<string, ShieldRule>();

/** An input that sets `input.salesmanId` needs crm-edit-salesman-prospect; other inputs pass. */
export const salesmanChangeAllowed = rule("salesmanChangeAllowed", { cache: "strict" })(async (_p, args: { input?: { salesmanId?: unknown } }, ctx: Context) => {
  if (args.input?.salesmanId === undefined) {
    return true;
  }
  return (await viewerHas(ctx, "crm-edit-salesman-prospect")) ? true : new ForbiddenError("You need the crm-edit-salesman-prospect permission to change the salesman");
});

/** `userId` argument absent or the viewer's own id; anyone else's needs admin. */
export const ownUserArgOrAdmin = or(
  rule("ownUserArg", { cache: "strict" })((_p, args: { userId?: string | null }, ctx: Context) => {
    if (!ctx.viewer) {
      return new UnauthenticatedError();
    }
    if (args.userId === undefined || args.userId === null) {
      return true;
    }
    try {
      return fromGlobalId(args.userId).id === ctx.viewer.id;
    } catch {
      return false;
    }
  }),
  isAdmin,
);

/** The parent User is the viewer. */
export const isSelf = rule("isSelf", { cache: "strict" })((parent: { id?: number }, _a, ctx: Context) => Boolean(ctx.viewer && parent.id === ctx.viewer.id));
