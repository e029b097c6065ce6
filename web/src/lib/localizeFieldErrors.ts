/**
 * BAD_USER_INPUT field messages arrive in the server's English ("is required", "must be at
 * most 191 characters"…). A form whose yup schema mirrors the server's rule already has its own
 * translated message for it: this recognises which rule a server message reports and shows the
 * form's message instead (in every locale, so a field reads the same whether the browser or the
 * server caught the problem). Messages of rules a form does not mirror are kept as sent.
 *
 * The patterns follow server/src/graphql/field-checks.ts, graphql/phone-checks.ts,
 * modules/accounts/prospect-rules.ts and account-pipeline.service.ts (RFC); a changed server
 * wording simply falls back to the server's text.
 */
export interface FieldRuleMessages {
  readonly required?: string;
  readonly tooLong?: string | ((max: number) => string);
  readonly tooShort?: string | ((min: number) => string);
  readonly email?: string;
  readonly date?: string;
  readonly digitsOnly?: string;
  readonly phoneDigits?: (digits: number, code: string) => string;
  readonly phoneCodeRequired?: string;
  readonly unknownPhoneCode?: string;
  readonly emailOrPhone?: string;
  readonly taxId?: string;
}

type Translate = (match: RegExpMatchArray, m: FieldRuleMessages) => string | undefined;

const call = <A extends unknown[]>(message: string | ((...args: A) => string) | undefined, ...args: A) =>
  typeof message === "function" ? message(...args) : message;

const rules: ReadonlyArray<readonly [RegExp, Translate]> = [
  [/^is required$/, (_, m) => m.required],
  [/^must be at most (\d+) characters$/, (match, m) => call(m.tooLong, Number(match[1]))],
  [/^must be at least (\d+) characters$/, (match, m) => call(m.tooShort, Number(match[1]))],
  [/^must be a valid email address$/, (_, m) => m.email],
  [/^must be a valid date$/, (_, m) => m.date],
  [/^must contain digits only$/, (_, m) => m.digitsOnly],
  [/^must have (\d+) digits for \+(\d+)$/, (match, m) => m.phoneDigits?.(Number(match[1]), match[2]!)],
  [/^is required with a phone number$/, (_, m) => m.phoneCodeRequired],
  [/^\+\d+ is not the phone code of a known locale$/, (_, m) => m.unknownPhoneCode],
  [/^an email or a phone number is required$/, (_, m) => m.emailOrPhone],
  [/^must be an RFC\b/, (_, m) => m.taxId],
];

/** The form's own message for the rule a server message reports, or undefined when it has none. */
export function localizeFieldMessage(serverMessage: string, messages: FieldRuleMessages): string | undefined {
  for (const [pattern, translate] of rules) {
    const match = serverMessage.match(pattern);
    if (match) {
      return translate(match, messages);
    }
  }
  return undefined;
}

/**
 * Server field errors with each recognised rule in the form's words. `perField` overrides the
 * form-wide `messages` for one field (e.g. a comment's "Write the note." for `required`).
 */
export function localizeFieldErrors(
  fields: Readonly<Record<string, string>>,
  messages: FieldRuleMessages,
  perField: Readonly<Record<string, FieldRuleMessages>> = {},
): Record<string, string> {
  const localized: Record<string, string> = {};
  for (const [field, problem] of Object.entries(fields)) {
    localized[field] = localizeFieldMessage(problem, { ...messages, ...perField[field] }) ?? problem;
  }
  return localized;
}
