/**
 * Why `startPreview` could not start, and what to do about it. #9: a taken port used to end the
 * process with an EADDRINUSE stack trace; now the caller gets a message and a hint to print.
 */
export class PreviewStartError extends Error {
  constructor(
    message: string,
    readonly code: 'port-in-use' | 'listen-failed',
    readonly hint: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'PreviewStartError';
  }
}
