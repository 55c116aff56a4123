/** Shipped or overridden rule data that cannot be used; the message is Vietnamese and names the place. */
export class RuleDataError extends Error {
  override name = 'RuleDataError';
}

/** Input that cannot be checked (malformed, or a date no rule set covers); names the field. */
export class EligibilityInputError extends Error {
  override name = 'EligibilityInputError';
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}
