/** A small argument reader: the commands take few options, and the messages must be plain. */
export interface ParsedArgs {
  readonly command: string | undefined;
  readonly positional: readonly string[];
  readonly flags: ReadonlyMap<string, string | true>;
}

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[], valued: ReadonlySet<string>): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('-') && arg !== '-') {
      const [name, inline] = arg.split(/=(.*)/s, 2) as [string, string | undefined];
      if (valued.has(name)) {
        const value = inline ?? argv[++i];
        if (value === undefined) throw new UsageError(`${name} needs a value.`);
        flags.set(name, value);
      } else {
        if (inline !== undefined) throw new UsageError(`${name} does not take a value.`);
        flags.set(name, true);
      }
      continue;
    }
    positional.push(arg);
  }
  const [command, ...rest] = positional;
  return { command, positional: rest, flags };
}
