import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context";
import { expectGlobalId, toGlobalId } from "../../graphql/global-id";
import type { OutboxEntity } from "../../jobs/outbox.entity";
import type { AccountEntity } from "../accounts/account.entity";
import { Account } from "../accounts/account.types";
import type { JobPage } from "./job-admin.service";
import { BackgroundJob, BackgroundJobConnection, BackgroundJobStatus, RetryFailedJobsPayload, RetryJobInput } from "./job.types";

/** Admin: failed background jobs and retrying them (every root field here is admin-only in permissions.ts). */
@Resolver(() => BackgroundJob)
export class JobAdminResolver {
  @Query(() => BackgroundJobConnection, { description: "Admin: failed background jobs (e.g. Respond.io lead syncs), most recent first" })
  failedJobs(
    @Ctx() ctx: Context,
    @Arg("first", () => Int, { nullable: true, description: "1 to 100 (default 25)" }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ): Promise<JobPage> {
    return ctx.services.jobs.listFailed(first, after);
  }

  @Mutation(() => BackgroundJob, { description: "Admin: runs a failed job again (attempts start over); CONFLICT when it is not failed" })
  retryJob(@Arg("input", () => RetryJobInput) input: RetryJobInput, @Ctx() ctx: Context): Promise<OutboxEntity> {
    return ctx.services.jobs.retry(expectGlobalId(input.jobId, "BackgroundJob", "jobId"));
  }

  @Mutation(() => RetryFailedJobsPayload, { description: "Admin: runs every failed job again" })
  async retryFailedJobs(@Ctx() ctx: Context): Promise<RetryFailedJobsPayload> {
    return { count: await ctx.services.jobs.retryAll() };
  }

  @FieldResolver(() => ID)
  id(@Root() job: OutboxEntity): string {
    return toGlobalId("BackgroundJob", job.id);
  }

  @FieldResolver(() => BackgroundJobStatus)
  status(@Root() job: OutboxEntity): BackgroundJobStatus {
    return job.status as BackgroundJobStatus;
  }

  @FieldResolver(() => Date)
  updatedAt(@Root() job: OutboxEntity): Date {
    return job.updatedAt ?? job.dispatchedAt ?? job.createdAt;
  }

  @FieldResolver(() => Account, { nullable: true, description: "The prospect the job is about (null for other jobs or a prospect deleted since)" })
  async prospect(@Root() job: OutboxEntity, @Ctx() ctx: Context): Promise<AccountEntity | null> {
    const prospectId = (job.payload as { prospectId?: unknown }).prospectId;
    return typeof prospectId === "number" ? ctx.loaders.accountsById.load(prospectId) : null;
  }
}
