import path from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { InputError } from "../json-file.ts";

/** A mistake in the command line: shown with the usage. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** Arguments as node:util reads them; an unknown option or a bad value is a UsageError. */
export function readArguments<T extends ParseArgsConfig["options"]>(options: T, argv = process.argv.slice(2)) {
  // `pnpm run <script> -- --flag` may pass the « -- » along.
  const args = argv[0] === "--" ? argv.slice(1) : argv;
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Paths as the person typed them: pnpm runs root scripts from the workspace root, INIT_CWD is where they were. */
export const fromCaller = (file: string) => path.resolve(process.env.INIT_CWD ?? process.cwd(), file);

/**
 * Runs a command: errors the person can act on print as one English sentence, never a stack trace
 * (CTG_DEBUG=1 shows it), and the process exits non-zero.
 */
export function runCommand(usage: string, main: () => Promise<number>): void {
  main()
    .then((code) => {
      process.exitCode = code;
    })
    .catch((error: unknown) => {
      if (error instanceof UsageError) console.error(`${error.message}\n\n${usage}`);
      else if (error instanceof InputError) console.error(error.message);
      else console.error(`Failed: ${error instanceof Error ? error.message : String(error)}`);
      if (process.env.CTG_DEBUG && error instanceof Error) console.error(error.stack);
      process.exitCode = 1;
    });
}
