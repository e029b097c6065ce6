import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import { NoSchemaIntrospectionCustomRule, validate, type ValidationRule } from "graphql";
import type { Context } from "./context";
import { AppError } from "./errors";

/** Abuse limits of every operation (README "Limits" lists them for integrators). */
export const LIMITS = {
  maxDepth: 12,
  maxCost: 10000,
  maxAliases: 15,
  maxDirectives: 20,
  maxTokens: 3000,
} as const;

/**
 * graphql-armor validation rules and plugins: depth, cost, aliases, directives and tokens.
 * Field suggestions ("Did you mean …") are blocked in production so the schema is not leaked.
 */
export function armor(production: boolean): { plugins: ApolloServerPlugin<Context>[]; validationRules: ValidationRule[] } {
  const { plugins, validationRules } = new ApolloArmor({
    maxDepth: { n: LIMITS.maxDepth, flattenFragments: true },
    costLimit: { maxCost: LIMITS.maxCost, flattenFragments: true },
    maxAliases: { n: LIMITS.maxAliases },
    maxDirectives: { n: LIMITS.maxDirectives },
    maxTokens: { n: LIMITS.maxTokens },
    blockFieldSuggestion: { enabled: production },
  }).protect();
  return { plugins: plugins as ApolloServerPlugin<Context>[], validationRules };
}

/** In production, introspection (__schema, __type) needs a signed-in caller; others get UNAUTHENTICATED. */
export function introspectionGuard(production: boolean): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, schema }) {
          if (!production || contextValue.viewer) {
            return;
          }
          if (validate(schema, document, [NoSchemaIntrospectionCustomRule]).length > 0) {
            throw new AppError("Introspection needs a signed-in user", "UNAUTHENTICATED", { http: { status: 401 } });
          }
        },
      };
    },
  };
}
