import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Kind, parse, print, visit, type DefinitionNode, type FragmentDefinitionNode } from "graphql";

/** A document the web app sends, read from its .graphql file (operations and fragments together). */
export function webDocument(root: string, path: string): string {
  return readFileSync(join(root, "web/src/features", path), "utf8");
}

/**
 * Operation `name` of `source` with exactly the fragments it spreads, directly or through other
 * fragments — what codegen's typed document sends (a file's other operations and unused fragments
 * left out, so the server validates only what the web sends).
 */
export function pickOperation(source: string, name: string): string {
  const definitions = parse(source).definitions;
  const operation = definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === name);
  if (!operation) {
    throw new Error(`no operation ${name} in the web's documents`);
  }
  const fragments = new Map(definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const picked: DefinitionNode[] = [operation];
  const seen = new Set<string>();
  for (let i = 0; i < picked.length; i += 1) {
    visit(picked[i]!, {
      FragmentSpread(node) {
        const fragmentName = node.name.value;
        if (seen.has(fragmentName)) {
          return;
        }
        const fragment = fragments.get(fragmentName);
        if (!fragment) {
          throw new Error(`operation ${name} spreads fragment ${fragmentName}, which no web document defines`);
        }
        seen.add(fragmentName);
        picked.push(fragment);
      },
    });
  }
  return picked.map((d) => print(d)).join("\n\n");
}

function graphqlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? graphqlFiles(join(dir, entry.name)) : entry.name.endsWith(".graphql") ? [join(dir, entry.name)] : [],
  );
}

/** The web's operation `name` with its fragments, from every .graphql file under web/src. */
export function webOperation(root: string, name: string): string {
  const source = graphqlFiles(join(root, "web/src"))
    .sort()
    .map((file) => readFileSync(file, "utf8"))
    .join("\n");
  return pickOperation(source, name);
}

/**
 * The selection of an account the list and the side panel's header and details show: the list's
 * columns, status with its group, locale, salesman, creator, follow-up data with its catalogs,
 * contacts, locations, the last notes with authors, the next activity.
 */
const LIST_AND_PANEL_FIELDS = `id legacyId type status version name companyName email createdAt updatedAt lastActivityAt
      phone { e164 }
      locale { id code name }
      followUpStatus { id name color group { id name } }
      salesman { id name }
      createdBy { id name }
      followUpData { accountSize accountValue monthlyShipments estimatedCloseDate annotations channel { id name } content { id name } ecommerceType { id name } weight { id name } }
      contacts { id name email jobTitle phone { e164 } }
      locations { id kind city state postalCode isPrimary }
      notes(first: 3) { totalCount edges { node { id comment action createdAt author { id name } status { id name } } } }
      nextScheduledActivity { id scheduledDate action }`;

/** An accounts page of `name` selecting LIST_AND_PANEL_FIELDS, the `extra` fields and a client's company. */
const accountsPage = (name: string, extra: string): string => `query ${name}($first: Int!, $after: String) {
  accounts(first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node {
      ${LIST_AND_PANEL_FIELDS}${extra}
      ... on Client { company { id name assignedExecutive { id name } } }
    } }
  }
}`;

/** An accounts page with every relation the list and the side panel's header and details show, a client's company included. */
export const ACCOUNTS_LIST_AND_PANEL = accountsPage("AccountsListAndPanel", "");

/** An accounts page selecting every relation an account has, the panel tabs' own (reminders, emails, sync, partner data) included. */
export const ACCOUNTS_EVERY_RELATION = accountsPage(
  "AccountsEveryRelation",
  `
      reminders { id text dueAt completedAt assignee { id name } }
      sentEmails { id subject status sentAt sentBy { id name } }
      respondioSync { status lastError }
      ... on PartnerProspect { partnerData { rating url } }`,
);

/** The accounts page the GraphQL-vs-raw suite compares: list columns, contacts, locations, the last 3 notes with authors. */
export const ACCOUNTS_PAGE_WITH_RELATIONS = `query AccountsPageWithRelations($first: Int!) {
  accounts(first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node {
      id legacyId type status version name companyName email createdAt updatedAt
      phone { e164 }
      locale { id name }
      followUpStatus { id name color group { id name } }
      salesman { id name }
      createdBy { id name }
      followUpData { accountValue accountSize monthlyShipments channel { id name } ecommerceType { id name } }
      contacts { id name email }
      locations { id kind city state }
      notes(first: 3) { totalCount edges { node { id comment action createdAt author { id name } } } }
    } }
  }
}`;
