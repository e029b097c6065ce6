import type { ApolloServerPlugin } from "@apollo/server";
import type { RequestHandler } from "express";
import type { DataSource } from "typeorm";
import { allowReplicaReads, hasReplicas, onPrimary } from "../db/read-routing";

/** The two halves that let GraphQL queries read from replicas. */
export interface ReplicaReads {
  /** Express middleware just before Apollo: the request's reads start on the primary. */
  scope: RequestHandler;
  /** Once Apollo knows the operation: a query may read from a replica; a mutation stays on the primary throughout. */
  plugin: ApolloServerPlugin;
}

/**
 * Null without replicas, so a single-database deployment adds nothing per request. A mutation's
 * payload is read right after its write in the same request, and replica lag would show the old
 * value; a query only reads, and a lag of a moment is what it accepts in exchange for the offload.
 */
export function replicaReadsForQueries(dataSource: DataSource): ReplicaReads | null {
  if (!hasReplicas(dataSource)) {
    return null;
  }
  return {
    scope: (_req, _res, next) => onPrimary(next),
    plugin: {
      async requestDidStart() {
        return {
          async didResolveOperation({ operation }) {
            if (operation?.operation === "query") {
              allowReplicaReads();
            }
          },
        };
      },
    },
  };
}
