/** Argument parsing shared by the commands: node:util parseArgs with user-facing errors. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserError } from '../core/errors.js';

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
    throw new UserError(`${(e as Error).message.replace(/^.*?: /, '')}\n\n${usage}`);
  }
}

export function intFlag(name: string, v: string | undefined, min = 0): number | undefined {
  if (v === undefined) return undefined;
  const x = Number(v);
  if (!Number.isInteger(x) || x < min) throw new UserError(`--${name}: expected an integer ≥ ${min}, found ${JSON.stringify(v)}`, undefined, `--${name}`);
  return x;
}
