// A release refusal: its message is the one-line reason the CLI prints before exiting non-zero.
export class ReleaseError extends Error {
  constructor(message: string) {
    super(oneLine(message));
    this.name = 'ReleaseError';
  }
}

/** Collapses whitespace and newlines so a reason always fits on one line. */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/[ \t]+/g, ' ').trim();
}

/** The reason to print for any error: a ReleaseError as it is, anything else reduced to its first line. */
export function reasonOf(error: unknown): string {
  if (error instanceof ReleaseError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  const first = message.split('\n').find((line) => line.trim() !== '') ?? 'unknown error';
  return oneLine(first);
}
