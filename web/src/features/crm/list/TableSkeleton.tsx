import { useT } from "../../../lib/i18n";
import { commonMessages } from "../../../lib/messages";

const skeletonRows = 8;

/** Grey placeholder rows while the first page loads; announced once as "Loading…". */
export function TableSkeleton() {
  const common = useT(commonMessages);
  return (
    <div className="table-skeleton" role="status" aria-label={common.loading}>
      {Array.from({ length: skeletonRows }, (_, index) => (
        <div key={index} className="table-skeleton__row" aria-hidden="true" />
      ))}
    </div>
  );
}
