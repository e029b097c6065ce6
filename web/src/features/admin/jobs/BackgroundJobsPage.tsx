import { useState } from "react";
import { Link } from "react-router";

import type { BackgroundJobRow_JobFragment } from "../../../__generated__/graphql";
import { ConfirmDialog } from "../../../components/ConfirmDialog";
import { useToast } from "../../../components/Toast";
import { useI18n, useT } from "../../../lib/i18n";
import { useErrorMessage } from "../../../lib/useErrorMessage";
import { AdminTable } from "../AdminTable";
import { jobMessages } from "./messages";
import { useFailedJobs, useRetryFailedJobs, useRetryJob } from "./useBackgroundJobs";

type Job = BackgroundJobRow_JobFragment;

/**
 * Admin: the failed background jobs (today the Respond.io lead sync) with the prospect, attempts,
 * last error and the service's response, and a retry per row or for all of them.
 */
export function BackgroundJobsPage() {
  const t = useT(jobMessages);
  const { format } = useI18n();
  const toMessage = useErrorMessage();
  const toast = useToast();
  const { jobs, totalCount, loading, error, refetch } = useFailedJobs();
  const { retry } = useRetryJob();
  const { retryAll, loading: retryingAll } = useRetryFailedJobs();
  const [retrying, setRetrying] = useState<string | null>(null);
  const [confirmAll, setConfirmAll] = useState(false);

  const jobName = (job: Job) => t.jobNames[job.jobName] ?? job.jobName;
  const subject = (job: Job) => (job.prospect ? `${jobName(job)} · ${job.prospect.companyName}` : jobName(job));

  async function retryOne(job: Job) {
    setRetrying(job.id);
    try {
      await retry(job.id);
      toast.success(t.retried(subject(job)));
    } catch (reason) {
      // CONFLICT: another admin (or "Retry all") got there first; show the list as it is now.
      toast.error(toMessage(reason, { CONFLICT: t.notFailed }));
      void refetch();
    } finally {
      setRetrying(null);
    }
  }

  async function retryEverything() {
    try {
      const count = await retryAll();
      toast.success(t.retriedAll(count));
    } catch (reason) {
      toast.error(toMessage(reason));
    } finally {
      setConfirmAll(false);
    }
  }

  return (
    <section className="admin-page" aria-labelledby="background-jobs-title">
      <h2 id="background-jobs-title">{t.title}</h2>
      <p>{t.intro}</p>
      {totalCount > 0 ? (
        <p>
          <button type="button" className="button--primary" onClick={() => setConfirmAll(true)}>
            {t.retryAll(totalCount)}
          </button>
        </p>
      ) : null}
      {totalCount > jobs.length ? <p role="note">{t.showing(jobs.length, totalCount)}</p> : null}
      <AdminTable
        loading={loading}
        error={error}
        emptyText={t.empty}
        rowCount={jobs.length}
        headers={[t.columns.job, t.columns.prospect, t.columns.attempts, t.columns.error, t.columns.failedAt, <span className="visually-hidden">{t.retry}</span>]}
      >
        {jobs.map((job) => (
          <tr key={job.id}>
            <td>{jobName(job)}</td>
            <td>
              {job.prospect ? (
                <Link to={`/?account=${encodeURIComponent(job.prospect.id)}`}>
                  {job.prospect.companyName} ({job.prospect.name})
                </Link>
              ) : (
                t.noProspect
              )}
            </td>
            <td>{job.attempts}</td>
            <td className="admin-table__error">
              {job.lastError ?? ""}
              {job.detail ? (
                <details>
                  <summary>{t.response}</summary>
                  <pre>{job.detail}</pre>
                </details>
              ) : null}
            </td>
            <td>{format.dateTime(job.updatedAt)}</td>
            <td>
              <button type="button" aria-label={t.retryLabel(subject(job))} disabled={retrying === job.id} onClick={() => void retryOne(job)}>
                {t.retry}
              </button>
            </td>
          </tr>
        ))}
      </AdminTable>
      <ConfirmDialog
        open={confirmAll}
        title={t.retryAllTitle(totalCount)}
        confirmLabel={t.retry}
        busy={retryingAll}
        onConfirm={() => void retryEverything()}
        onCancel={() => setConfirmAll(false)}
      >
        <p>{t.retryAllBody}</p>
      </ConfirmDialog>
    </section>
  );
}
