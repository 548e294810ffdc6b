/** Argument parsing shared by the commands: node:util parseArgs with user-facing errors. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { didYouMean, UserError } from '../core/errors.js';
import { environmentFaultLine, isEnvironmentFault } from '../results/atomic.js';

export type Options = NonNullable<ParseArgsConfig['options']>;

export type Values<O extends Options> = {
  [K in keyof O]?: O[K]['multiple'] extends true ? string[] : O[K]['type'] extends 'boolean' ? boolean : string;
} & { help?: boolean };

export function parse<O extends Options>(argv: string[], options: O, usage: string): { values: Values<O>; positionals: string[] } {
  const config = {
    args: argv,
    options: { help: { type: 'boolean', short: 'h' } as const, ...options },
    allowPositionals: true as const,
    strict: true as const,
  };
  try {
    return parseArgs(config) as unknown as { values: Values<O>; positionals: string[] };
  } catch (e) {
    const unknown = unknownOption(e, config.options);
    if (unknown) throw new UserError(`${unknown}\n\n${usage}`, undefined, unknown.match(/'([^']+)'/)?.[1]);
    throw new UserError(`${(e as Error).message.replace(/^.*?: /, '')}\n\n${usage}`);
  }
}

/**
 * `unknown option '--seeds'; did you mean '--seed'?` for parseArgs's unknown-option error (the
 * closest accepted flag, long or short, when one is close); null for any other error.
 */
export function unknownOption(e: unknown, options: Options): string | null {
  if ((e as { code?: string }).code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return null;
  const flag = (e as Error).message.match(/Unknown option '([^']+)'/)?.[1];
  if (!flag) return null;
  const names = Object.keys(options).map((k) => `--${k}`);
  // a one-letter flag is close to every other one-letter flag: suggest only for long ones
  const near = flag.startsWith('--') ? didYouMean(flag, names).match(/'([^']+)'/)?.[1] : undefined;
  return `unknown option '${flag}'${near ? `; did you mean '${near}'?` : ` (accepted: ${names.join(', ')})`}`;
}

export function intFlag(name: string, v: string | undefined, min = 0): number | undefined {
  if (v === undefined) return undefined;
  const x = Number(v);
  if (!Number.isInteger(x) || x < min) throw new UserError(`--${name}: expected an integer ≥ ${min}, found ${JSON.stringify(v)}`, undefined, `--${name}`);
  return x;
}

/**
 * One line for a failure of the environment rather than of the input or of scorelab: a write the
 * file system refused (a full disk, a quota, permissions) or memory that could not be had.
 * `remedy` says how to go on (for a sweep: finish with --resume). Null for anything else.
 */
export function environmentMessage(e: unknown, remedy: string): string | null {
  if (isEnvironmentFault(e)) return environmentFaultLine(e, remedy);
  if (e instanceof RangeError && /allocation failed|Invalid (typed )?array length|Invalid string length|out of memory/i.test(e.message)) {
    return `out of memory (${e.message.split('\n')[0]}); choose fewer agents (--agents) or a smaller graph.meanDegree, then ${remedy}`;
  }
  return null;
}

/** A name made safe as one path segment: letters, digits, '.', '_' and '-' (others become '-'). */
export function safeSegment(name: string, fallback = 'scenario'): string {
  const s = name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[.-]+/, '')
    .replace(/-+$/, '')
    .slice(0, 100);
  return s || fallback;
}
