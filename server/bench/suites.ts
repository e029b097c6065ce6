import type { BenchSuite } from "./bench-suite";
import { boardLoadSuite } from "./board-load.bench";
import { csvSuite } from "./csv.bench";
import { graphqlVsRawSuite } from "./graphql-vs-raw.bench";
import { searchSuite } from "./search.bench";
import { sqlCountsSuite } from "./sql-counts.bench";
import { webSuite } from "./web.bench";

/** The suites `npm run bench` runs, in this order (each helper adds its own line). */
export const BENCH_SUITES: BenchSuite[] = [sqlCountsSuite, graphqlVsRawSuite, webSuite, csvSuite, boardLoadSuite, searchSuite];
