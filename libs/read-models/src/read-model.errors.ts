/** A query the read models refuse; the HTTP layer maps `kind` to 400/403/404. */
export class ReadModelQueryError extends Error {
  constructor(
    readonly kind: 'validation' | 'forbidden' | 'not-found',
    message: string,
  ) {
    super(message);
    this.name = 'ReadModelQueryError';
  }
}
