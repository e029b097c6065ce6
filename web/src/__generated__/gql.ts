/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query Accounts($filter: AccountFilter, $first: Int!, $after: String) {\n  accounts(filter: $filter, first: $first, after: $after) {\n    edges {\n      cursor\n      node {\n        id\n        ...AccountRow_account\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    totalCount\n  }\n}\n\nfragment AccountRow_account on Account {\n  id\n  legacyId\n  type\n  status\n  name\n  companyName\n  email\n  followUpStatus {\n    id\n    name\n    color\n  }\n  salesman {\n    id\n    name\n  }\n  createdAt\n}": typeof types.AccountsDocument,
    "mutation Login($input: LoginInput!) {\n  login(input: $input) {\n    ...Viewer_user\n  }\n}": typeof types.LoginDocument,
    "mutation Logout {\n  logout\n}": typeof types.LogoutDocument,
    "query Me {\n  me {\n    ...Viewer_user\n  }\n}\n\nfragment Viewer_user on User {\n  id\n  legacyId\n  name\n  email\n  permissions\n}": typeof types.MeDocument,
};
const documents: Documents = {
    "query Accounts($filter: AccountFilter, $first: Int!, $after: String) {\n  accounts(filter: $filter, first: $first, after: $after) {\n    edges {\n      cursor\n      node {\n        id\n        ...AccountRow_account\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    totalCount\n  }\n}\n\nfragment AccountRow_account on Account {\n  id\n  legacyId\n  type\n  status\n  name\n  companyName\n  email\n  followUpStatus {\n    id\n    name\n    color\n  }\n  salesman {\n    id\n    name\n  }\n  createdAt\n}": types.AccountsDocument,
    "mutation Login($input: LoginInput!) {\n  login(input: $input) {\n    ...Viewer_user\n  }\n}": types.LoginDocument,
    "mutation Logout {\n  logout\n}": types.LogoutDocument,
    "query Me {\n  me {\n    ...Viewer_user\n  }\n}\n\nfragment Viewer_user on User {\n  id\n  legacyId\n  name\n  email\n  permissions\n}": types.MeDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Accounts($filter: AccountFilter, $first: Int!, $after: String) {\n  accounts(filter: $filter, first: $first, after: $after) {\n    edges {\n      cursor\n      node {\n        id\n        ...AccountRow_account\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    totalCount\n  }\n}\n\nfragment AccountRow_account on Account {\n  id\n  legacyId\n  type\n  status\n  name\n  companyName\n  email\n  followUpStatus {\n    id\n    name\n    color\n  }\n  salesman {\n    id\n    name\n  }\n  createdAt\n}"): (typeof documents)["query Accounts($filter: AccountFilter, $first: Int!, $after: String) {\n  accounts(filter: $filter, first: $first, after: $after) {\n    edges {\n      cursor\n      node {\n        id\n        ...AccountRow_account\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    totalCount\n  }\n}\n\nfragment AccountRow_account on Account {\n  id\n  legacyId\n  type\n  status\n  name\n  companyName\n  email\n  followUpStatus {\n    id\n    name\n    color\n  }\n  salesman {\n    id\n    name\n  }\n  createdAt\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Login($input: LoginInput!) {\n  login(input: $input) {\n    ...Viewer_user\n  }\n}"): (typeof documents)["mutation Login($input: LoginInput!) {\n  login(input: $input) {\n    ...Viewer_user\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Logout {\n  logout\n}"): (typeof documents)["mutation Logout {\n  logout\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Me {\n  me {\n    ...Viewer_user\n  }\n}\n\nfragment Viewer_user on User {\n  id\n  legacyId\n  name\n  email\n  permissions\n}"): (typeof documents)["query Me {\n  me {\n    ...Viewer_user\n  }\n}\n\nfragment Viewer_user on User {\n  id\n  legacyId\n  name\n  email\n  permissions\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;