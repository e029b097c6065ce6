import type { DataSource } from "typeorm";
import { PermanentJobError, RetryableJobError, type JobContext, type JobHandler, type JobResult } from "../../jobs/job-handler";
import { AccountEntity, AccountStatusCode, AccountTypeCode } from "../../modules/accounts/account.entity";
import { contactBody, contactIdentifier, type ProspectForSync } from "./respondio-contact";
import { isRespondioConfigured, RespondioClient } from "./respondio.client";

/** The skip reason when no token is configured (the sync state shows "skipped: not configured"). */
export const RESPONDIO_NOT_CONFIGURED = "not configured";
/** The lifecycle stage a new prospect gets in Respond.io. */
export const RESPONDIO_NEW_LEAD_LIFECYCLE = "New Lead";

type Loaded = { prospect: ProspectForSync } | { skip: string };

/** Reads the prospect with its salesman's email and locale phone code; a removed or converted one is a skip. */
export async function loadProspectForSync(dataSource: DataSource, prospectId: number): Promise<Loaded> {
  const row = await dataSource.getRepository(AccountEntity).findOne({ where: { id: prospectId }, relations: { salesman: true, locale: true } });
  if (!row) {
    return { skip: `prospect ${prospectId} no longer exists` };
  }
  if (row.status === AccountStatusCode.removed) {
    return { skip: `prospect ${prospectId} was removed before it was synced` };
  }
  if (row.type === AccountTypeCode.client) {
    return { skip: `prospect ${prospectId} was converted to a client before it was synced` };
  }
  return {
    prospect: {
      id: row.id,
      name: row.name,
      companyName: row.companyName,
      email: row.email,
      phoneCode: row.phoneCode,
      phone: row.phone,
      localePhoneCode: row.locale?.phoneCode ?? null,
      localePhoneDigits: row.locale?.phoneDigits ?? null,
      // A deactivated user is no longer in the inbox: leave the conversation unassigned.
      salesmanEmail: row.salesman?.active ? row.salesman.email : null,
    },
  };
}

function prospectIdOf(payload: Record<string, unknown>): number {
  const id = payload.prospectId;
  if (typeof id !== "number" || !Number.isInteger(id) || id <= 0) {
    throw new PermanentJobError("respondio_add_prospect payload has no valid prospectId", JSON.stringify(payload).slice(0, 500));
  }
  return id;
}

/** Stops between steps when the process shuts down; the job runs again later (every step is idempotent). */
function checkNotAborted(signal: AbortSignal, next: string): void {
  if (signal.aborted) {
    throw new RetryableJobError(`interrupted before ${next}: the worker is shutting down`);
  }
}

/**
 * `respondio_add_prospect`: pushes a new prospect to Respond.io in four idempotent steps —
 * create or update the contact (by phone in E.164, else email), assign its conversation to the
 * salesman (by email; skipped without an active salesman), set the lifecycle to "New Lead", open
 * the conversation. A refused assignment (e.g. the salesman is not a Respond.io user) does not
 * hold back the two steps after it; the job then fails for good naming it. Without a token the job
 * is skipped ("not configured"); a prospect without a phone or email fails for good (an admin can
 * retry it once the account has one).
 */
export const respondioAddProspect: JobHandler = async (payload, context: JobContext): Promise<JobResult> => {
  const { config, dataSource, logger, signal } = context;
  const prospectId = prospectIdOf(payload);
  if (!isRespondioConfigured(config)) {
    return { status: "skipped", reason: RESPONDIO_NOT_CONFIGURED };
  }
  const loaded = await loadProspectForSync(dataSource, prospectId);
  if ("skip" in loaded) {
    return { status: "skipped", reason: loaded.skip };
  }
  const { prospect } = loaded;
  const identifier = contactIdentifier(prospect);
  if (!identifier) {
    throw new PermanentJobError(`prospect ${prospectId} has no phone number or email Respond.io can identify the contact by`);
  }
  const client = new RespondioClient(config);
  const log = logger.child({ job: "respondio_add_prospect", prospectId, attempt: context.attempt });

  checkNotAborted(signal, "the contact upsert");
  await client.upsertContact(identifier, contactBody(prospect, config.CRM_PUBLIC_URL), signal);
  log.debug("Respond.io contact upserted");

  let assignFailure: PermanentJobError | null = null;
  if (prospect.salesmanEmail) {
    checkNotAborted(signal, "the conversation assignment");
    try {
      await client.assignConversation(identifier, prospect.salesmanEmail, signal);
    } catch (error) {
      if (!(error instanceof PermanentJobError)) {
        throw error;
      }
      assignFailure = error;
      log.warn({ err: error.message }, "Respond.io refused the conversation assignee; continuing with the lifecycle and status");
    }
  } else {
    log.info("prospect has no active salesman: Respond.io conversation left unassigned");
  }

  checkNotAborted(signal, "the lifecycle update");
  await client.updateLifecycle(identifier, RESPONDIO_NEW_LEAD_LIFECYCLE, signal);
  checkNotAborted(signal, "opening the conversation");
  await client.openConversation(identifier, signal);

  if (assignFailure) {
    throw new PermanentJobError(
      `contact synced, but assigning the conversation to ${prospect.salesmanEmail} failed: ${assignFailure.message}`,
      assignFailure.detail,
    );
  }
  log.info("prospect synced to Respond.io");
  return { status: "done" };
};
