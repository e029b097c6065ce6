import { UserInputError } from "./errors";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Whether a (trimmed) value looks like an email address. */
export function isEmail(value: string): boolean {
  return value.length <= 191 && EMAIL.test(value);
}

/**
 * Collects per-field problems of one input so a client sees all of them at once;
 * `done()` throws a single BAD_USER_INPUT naming every field.
 */
export class FieldChecks {
  private readonly problems: Record<string, string> = {};

  add(field: string, problem: string): void {
    this.problems[field] ??= problem;
  }

  /** Trimmed text: required ones must be non-empty; empty optional ones become null. */
  text(field: string, value: string | null | undefined, options: { required?: boolean; max: number }): string | null {
    const trimmed = value?.trim() ?? "";
    if (trimmed === "") {
      if (options.required) {
        this.add(field, "is required");
      }
      return null;
    }
    if (trimmed.length > options.max) {
      this.add(field, `must be at most ${options.max} characters`);
    }
    return trimmed;
  }

  /** An optional email address, trimmed and lower-cased. */
  email(field: string, value: string | null | undefined, options: { required?: boolean } = {}): string | null {
    const email = this.text(field, value, { required: options.required, max: 191 });
    if (email !== null && !isEmail(email)) {
      this.add(field, "must be a valid email address");
    }
    return email?.toLowerCase() ?? null;
  }

  /** A date that must be a real instant (GraphQL already parsed it). */
  date(field: string, value: Date | null | undefined, options: { required?: boolean } = {}): Date | null {
    if (value === null || value === undefined) {
      if (options.required) {
        this.add(field, "is required");
      }
      return null;
    }
    if (Number.isNaN(value.getTime())) {
      this.add(field, "must be a valid date");
    }
    return value;
  }

  get ok(): boolean {
    return Object.keys(this.problems).length === 0;
  }

  /** The problems found so far, by field: what done() throws, for callers that collect them. */
  get found(): Record<string, string> {
    return { ...this.problems };
  }

  /** Throws BAD_USER_INPUT when any problem was found. */
  done(): void {
    if (!this.ok) {
      throw new UserInputError({ ...this.problems });
    }
  }
}
