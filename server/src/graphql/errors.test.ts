import { GraphQLError } from "graphql";
import pino from "pino";
import { createFormatError, NotFoundError, UserInputError } from "./errors";

describe("formatError", () => {
  const logged: unknown[] = [];
  const logger = pino({ level: "error" }, { write: (line: string) => logged.push(JSON.parse(line)) });
  const format = createFormatError(logger, false);

  it("should pass AppErrors through with their code and fields", () => {
    const error = new UserInputError({ email: "must be a valid email address" });
    const out = format({ message: error.message, extensions: error.extensions }, error);
    expect(out.extensions).toEqual({ code: "BAD_USER_INPUT", fields: { email: "must be a valid email address" } });
    expect(new NotFoundError("Account", 3).extensions.code).toBe("NOT_FOUND");
  });

  it("should mask anything else and log it", () => {
    const original = new Error("ER_NO_SUCH_TABLE: SELECT * FROM secret");
    const wrapped = new GraphQLError(original.message, { originalError: original });
    const out = format({ message: wrapped.message, extensions: { code: "INTERNAL_SERVER_ERROR", stacktrace: ["at x"] } }, wrapped);
    expect(out).toMatchObject({ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } });
    expect(JSON.stringify(out)).not.toContain("secret");
    expect(JSON.stringify(logged)).toContain("ER_NO_SUCH_TABLE");
  });

  it("should answer SERVICE_UNAVAILABLE, without driver details, when the database connection was lost", () => {
    const driverError = Object.assign(new Error("Connection was killed"), { code: "ER_CONNECTION_KILLED", sql: "INSERT INTO secret" });
    const failed = Object.assign(new Error("Connection was killed"), { driverError });
    const wrapped = new GraphQLError(failed.message, { originalError: failed });
    const out = format({ message: wrapped.message, path: ["createProspect"], extensions: { code: "INTERNAL_SERVER_ERROR", stacktrace: ["at x"] } }, wrapped);
    expect(out.extensions).toEqual({ code: "SERVICE_UNAVAILABLE" });
    expect(out.message).toMatch(/database is unavailable/);
    expect(JSON.stringify(out)).not.toMatch(/secret|killed|stacktrace/);
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:3306"), { code: "ECONNREFUSED" });
    expect(format({ message: refused.message }, new GraphQLError(refused.message, { originalError: refused })).extensions).toEqual({ code: "SERVICE_UNAVAILABLE" });
  });
});
