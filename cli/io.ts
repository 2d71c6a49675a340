/**
 * What every command is given: standard input and output as bin/tifa.mjs wires them, or as a test
 * fakes them, and the one kind of error a command shows the user as it is.
 */

export interface Io {
  readStdin(): Promise<Buffer>;
  out(text: string): void;
  err(text: string): void;
  /** Standard input as it arrives, for a command that streams it (tifa corpus -); readStdin() when absent. */
  stdin?: AsyncIterable<Uint8Array>;
  /** Whether standard error is a terminal: a progress bar is drawn there only then. */
  errIsTerminal?: boolean;
}

/** An error meant for the user: printed as one line, exit code attached. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** A command's exit code; a UserError becomes its one line, anything else one line too, never a stack trace. */
export async function reported(io: Io, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof UserError) {
      io.err(`tifa: ${error.message}\n`);
      return error.exitCode;
    }
    io.err(`tifa: unexpected error: ${(error as Error)?.message ?? String(error)}\n`);
    return 1;
  }
}
