import DataLoader from "dataloader";
import type { DataSource, SelectQueryBuilder } from "typeorm";
import { dialectOf, type Dialect } from "../../db/data-source";
import { OutboxEntity } from "../../jobs/outbox.entity";
import { JOBS } from "../../jobs/queues";
import type { UserEntity } from "../auth/user.entity";
import { FollowUpDataEntity } from "../follow-ups/follow-up-data.entity";
import { PartnerDataEntity } from "../partners/partner-data.entity";
import { AccountEntity } from "./account.entity";
import type { CompanyEntity } from "./company.entity";

/** The one-to-one relations of an account, read together by one statement of LEFT JOINs by account id. */
export interface AccountFacts {
  salesman: UserEntity | null;
  creator: UserEntity | null;
  company: CompanyEntity | null;
  followUpData: FollowUpDataEntity | null;
  partnerData: PartnerDataEntity | null;
  respondioOutbox: OutboxEntity | null;
}

export type AccountFact = keyof AccountFacts;

export interface FactKey {
  accountId: number;
  fact: AccountFact;
}

/** The per-relation loaders a facts read primes (see primeRelation). */
export interface FactPrimedLoaders {
  usersById: DataLoader<number, UserEntity | null>;
  companiesById: DataLoader<number, CompanyEntity | null>;
  followUpDataByProspectId: DataLoader<number, FollowUpDataEntity | null>;
  partnerDataByProspectId: DataLoader<number, PartnerDataEntity | null>;
  respondioOutboxByProspectId: DataLoader<number, OutboxEntity | null>;
}

type FactRow = AccountEntity & Partial<AccountFacts>;

/** respondioAddProspectJobId(a.id) in SQL: the outbox row's unique job_id, joined through its index. */
function respondioJobIdSql(dialect: Dialect): string {
  return dialect === "sqlite" ? ":jobIdPrefix || a.id" : "CONCAT(:jobIdPrefix, a.id)";
}

function joinFact(query: SelectQueryBuilder<AccountEntity>, fact: AccountFact, dialect: Dialect): void {
  switch (fact) {
    case "salesman":
    case "creator":
    case "company":
      query.leftJoinAndSelect(`a.${fact}`, fact);
      return;
    case "followUpData":
      query.leftJoinAndMapOne("a.followUpData", FollowUpDataEntity, fact, "followUpData.prospectId = a.id");
      return;
    case "partnerData":
      query.leftJoinAndMapOne("a.partnerData", PartnerDataEntity, fact, "partnerData.prospectId = a.id");
      return;
    case "respondioOutbox":
      query.leftJoinAndMapOne("a.respondioOutbox", OutboxEntity, fact, `respondioOutbox.jobId = ${respondioJobIdSql(dialect)}`, {
        jobIdPrefix: `${JOBS.respondioAddProspect}:`,
      });
      return;
  }
}

/**
 * One statement for the one-to-one relations (salesman, creator, company, follow-up data, partner
 * data, Respond.io outbox row) asked of any accounts in one turn of the event loop: it joins only the
 * relations asked. Accounts by id without visibility, like `accountsById`: the keys come from
 * accounts already reached through a scoped read.
 */
export function createAccountFactLoaders(dataSource: DataSource) {
  const dialect = dialectOf(dataSource);

  async function loadFacts(keys: readonly FactKey[]): Promise<Array<Partial<AccountFacts>>> {
    const query = dataSource
      .getRepository(AccountEntity)
      .createQueryBuilder("a")
      .select("a.id")
      .where("a.id IN (:...ids)", { ids: [...new Set(keys.map((k) => k.accountId))] });
    for (const fact of new Set(keys.map((k) => k.fact))) {
      joinFact(query, fact, dialect);
    }
    const rows: FactRow[] = await query.getMany();
    const byId = new Map(rows.map((row) => [row.id, row] as const));
    return keys.map((key) => byId.get(key.accountId) ?? {});
  }

  return {
    accountFactsById: new DataLoader<FactKey, Partial<AccountFacts>, string>(loadFacts, {
      cacheKeyFn: (key) => `${key.fact}:${key.accountId}`,
      // A guarded field (partnerData) reaches its resolver after the shield's rule, a few promise
      // jobs after its siblings: dispatching on the next turn of the event loop (not the next tick)
      // lets it join the same statement.
      batchScheduleFn: (dispatch) => setImmediate(dispatch),
    }),
  };
}

export type AccountFactLoaders = ReturnType<typeof createAccountFactLoaders>;

/**
 * The relation's own loader gets the pending value under its natural key, so later reads of the
 * same row in the request (a note's author who is the salesman) wait for this statement instead
 * of sending their own.
 */
function primeRelation(loaders: FactPrimedLoaders, account: AccountEntity, fact: AccountFact, facts: Promise<Partial<AccountFacts>>): void {
  const pending = <F extends AccountFact>(name: F): Promise<AccountFacts[F] | null> => {
    const value = facts.then((f) => f[name] ?? null);
    // When the statement fails, its reader reports the error; a primed value nobody reads must
    // not become an unhandled rejection, which ends the API process.
    value.catch(() => undefined);
    return value;
  };
  switch (fact) {
    case "salesman":
      if (account.salesmanId !== null) {
        loaders.usersById.prime(account.salesmanId, pending("salesman"));
      }
      return;
    case "creator":
      loaders.usersById.prime(account.createdBy, pending("creator"));
      return;
    case "company":
      if (account.companyId !== null) {
        loaders.companiesById.prime(account.companyId, pending("company"));
      }
      return;
    case "followUpData":
      loaders.followUpDataByProspectId.prime(account.id, pending("followUpData"));
      return;
    case "partnerData":
      loaders.partnerDataByProspectId.prime(account.id, pending("partnerData"));
      return;
    case "respondioOutbox":
      loaders.respondioOutboxByProspectId.prime(account.id, pending("respondioOutbox"));
      return;
  }
}

/** One relation of an account through the facts loader (null when the account has none). */
export async function loadAccountFact<F extends AccountFact>(loaders: AccountFactLoaders & FactPrimedLoaders, account: AccountEntity, fact: F): Promise<AccountFacts[F] | null> {
  const facts = loaders.accountFactsById.load({ accountId: account.id, fact });
  primeRelation(loaders, account, fact, facts);
  return (await facts)[fact] ?? null;
}
