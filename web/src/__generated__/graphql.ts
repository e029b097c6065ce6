/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Account filters; salesman, sales-role and date-range filters need all-prospects */
export type AccountFilter = {
  accountSizes?: Array<AccountSize> | null | undefined;
  /** Defaults to IN_PROCESS and REGISTERED; ask for REMOVED to see removed accounts */
  accountStatuses?: Array<AccountStatus> | null | undefined;
  /** Channel keys */
  channels?: Array<string> | null | undefined;
  /** Needs all-prospects */
  createdAt?: DateRangeInput | null | undefined;
  ecommerceTypeIds?: Array<number> | null | undefined;
  localeIds?: Array<number> | null | undefined;
  /** Needs all-prospects */
  salesRoles?: Array<SalesRole> | null | undefined;
  /** User ids; needs all-prospects */
  salesmanIds?: Array<string | number> | null | undefined;
  /** Prefix of name, company name, email or phone */
  search?: string | null | undefined;
  /** Follow-up status ids (Kanban columns) */
  statusIds?: Array<number> | null | undefined;
  types?: Array<AccountType> | null | undefined;
};

/** follow_up_data.account_type */
export type AccountSize =
  | 'CORPORATE'
  | 'ENTERPRISE'
  | 'INDIVIDUAL'
  | 'SME'
  | 'STARTUP';

/** prospection_users.status: 0 removed, 1 in process, 2 registered */
export type AccountStatus =
  | 'IN_PROCESS'
  | 'REGISTERED'
  | 'REMOVED';

/** prospection_users.type: 1 prospect, 2 client, 3 partner prospect */
export type AccountType =
  | 'CLIENT'
  | 'PARTNER_PROSPECT'
  | 'PROSPECT';

/** Created-at range; either end may be open */
export type DateRangeInput = {
  from?: string | null | undefined;
  to?: string | null | undefined;
};

export type LoginInput = {
  email: string;
  password: string;
};

/** Sales-role permission keys of the assigned salesman */
export type SalesRole =
  | 'CSR'
  | 'CSR_LTL'
  | 'ECARTPAY'
  | 'FULLFILMENT'
  | 'KAE'
  | 'KAE_LTL'
  | 'PARAPAQUETES'
  | 'WMS';

export type AccountsQueryVariables = Exact<{
  filter?: AccountFilter | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type AccountsQuery = { accounts: { totalCount: number, edges: Array<{ cursor: string, node:
        | { id: string, legacyId: number, type: AccountType, status: AccountStatus, name: string, companyName: string, email: string | null, createdAt: string, followUpStatus: { id: number, name: string, color: string }, salesman: { id: string, name: string } | null }
        | { id: string, legacyId: number, type: AccountType, status: AccountStatus, name: string, companyName: string, email: string | null, createdAt: string, followUpStatus: { id: number, name: string, color: string }, salesman: { id: string, name: string } | null }
        | { id: string, legacyId: number, type: AccountType, status: AccountStatus, name: string, companyName: string, email: string | null, createdAt: string, followUpStatus: { id: number, name: string, color: string }, salesman: { id: string, name: string } | null }
       }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

type AccountRow_Account_Client_Fragment = { id: string, legacyId: number, type: AccountType, status: AccountStatus, name: string, companyName: string, email: string | null, createdAt: string, followUpStatus: { id: number, name: string, color: string }, salesman: { id: string, name: string } | null };

type AccountRow_Account_PartnerProspect_Fragment = { id: string, legacyId: number, type: AccountType, status: AccountStatus, name: string, companyName: string, email: string | null, createdAt: string, followUpStatus: { id: number, name: string, color: string }, salesman: { id: string, name: string } | null };

type AccountRow_Account_Prospect_Fragment = { id: string, legacyId: number, type: AccountType, status: AccountStatus, name: string, companyName: string, email: string | null, createdAt: string, followUpStatus: { id: number, name: string, color: string }, salesman: { id: string, name: string } | null };

export type AccountRow_AccountFragment =
  | AccountRow_Account_Client_Fragment
  | AccountRow_Account_PartnerProspect_Fragment
  | AccountRow_Account_Prospect_Fragment
;

export type LoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type LoginMutation = { login: { id: string, legacyId: number, name: string, email: string, permissions: Array<string> } };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { logout: boolean };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, legacyId: number, name: string, email: string, permissions: Array<string> } | null };

export type Viewer_UserFragment = { id: string, legacyId: number, name: string, email: string, permissions: Array<string> };

export const AccountRow_AccountFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AccountRow_account"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Account"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"legacyId"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"companyName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"followUpStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"color"}}]}},{"kind":"Field","name":{"kind":"Name","value":"salesman"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<AccountRow_AccountFragment, unknown>;
export const Viewer_UserFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Viewer_user"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"legacyId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"permissions"}}]}}]} as unknown as DocumentNode<Viewer_UserFragment, unknown>;
export const AccountsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Accounts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AccountFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"AccountRow_account"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AccountRow_account"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Account"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"legacyId"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"companyName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"followUpStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"color"}}]}},{"kind":"Field","name":{"kind":"Name","value":"salesman"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<AccountsQuery, AccountsQueryVariables>;
export const LoginDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Login"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LoginInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Viewer_user"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Viewer_user"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"legacyId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"permissions"}}]}}]} as unknown as DocumentNode<LoginMutation, LoginMutationVariables>;
export const LogoutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Logout"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logout"}}]}}]} as unknown as DocumentNode<LogoutMutation, LogoutMutationVariables>;
export const MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Viewer_user"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Viewer_user"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"legacyId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"permissions"}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;