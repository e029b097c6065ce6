import type { BenchSuite } from "./bench-suite";
import { boardLoadSuite } from "./board-load.bench";
import { csvSuite } from "./csv.bench";
import { graphqlVsRawSuite } from "./graphql-vs-raw.bench";
import { realtimeLoadSuite } from "./realtime-load.bench";
import { searchSuite } from "./search.bench";
import { sqlCountsSuite } from "./sql-counts.bench";
import { webSuite } from "./web.bench";

/**
 * The suites `npm run bench` runs, in this order. The CSV suite writes and then drops a few hundred
 * thousand rows in its own databases, and MariaDB flushes and purges after it for a while: it runs
 * last, so the latency suites do not measure that. realtime-load hands a few thousand volume
 * accounts to its own SDR logins; the suites before it find their accounts by counting.
 */
export const BENCH_SUITES: BenchSuite[] = [sqlCountsSuite, graphqlVsRawSuite, webSuite, boardLoadSuite, searchSuite, realtimeLoadSuite, csvSuite];
