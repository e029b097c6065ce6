import { respondioAddProspect } from "../integrations/respondio/respondio-add-prospect.job";
import { PermanentJobError, type JobContext, type JobHandler, type JobResult } from "./job-handler";
import { JOBS, type JobName } from "./queues";

/** The handler of each job name; the worker and the in-process runner run the same ones. */
export type JobHandlers = Readonly<Partial<Record<JobName, JobHandler>>>;

export function defaultJobHandlers(): JobHandlers {
  return { [JOBS.respondioAddProspect]: respondioAddProspect };
}

/** Runs the handler of `jobName`; a name without a handler fails for good (nothing would ever run it). */
export function runJob(handlers: JobHandlers, jobName: string, payload: Record<string, unknown>, context: JobContext): Promise<JobResult> {
  const handler = handlers[jobName as JobName];
  if (!handler) {
    return Promise.reject(new PermanentJobError(`no handler for job ${jobName}`));
  }
  return handler(payload, context);
}
