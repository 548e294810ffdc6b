/**
 * Agent state as typed-array columns (docs/model.md#entities).
 *
 * The core columns exist in every world; plug-ins register the columns they need with
 * `addColumn` (a regime's score, an adaptation's belief). Columns are addressed by name, so
 * metrics and the agents table can read any of them without knowing who made them.
 */

export const DOMAINS = ['finance', 'law', 'commerce', 'speech', 'civic', 'consumption'] as const;
/** A domain of acts: finance, law, commerce, speech, civic, consumption. */
export type Domain = (typeof DOMAINS)[number];
/** The index of each domain (`DOMAIN_INDEX.finance` …), as used in typed arrays by domain. */
export const DOMAIN_INDEX: Record<Domain, number> = Object.fromEntries(DOMAINS.map((d, i) => [d, i])) as Record<
  Domain,
  number
>;

/** Kind of a population column: `'f64'`, `'f32'`, `'i32'`, `'u8'`. */
export type ColumnKind = 'f64' | 'f32' | 'i32' | 'u8';
/** A population column: a typed array of one value per agent. */
export type Column = Float64Array | Float32Array | Int32Array | Uint8Array;

const CTORS = { f64: Float64Array, f32: Float32Array, i32: Int32Array, u8: Uint8Array } as const;

/** What is known of a column: kind, owner (plug-in id or core), meaning, whether agents.csv exports it. */
export interface ColumnInfo {
  name: string;
  kind: ColumnKind;
  /** Who registered it: 'core' or a plug-in id. */
  owner: string;
  /** Written to agents.csv (default true). */
  export: boolean;
  doc: string;
}

/** The agents' columns (`world.people`): core columns (group, wealth, income …) and the plug-ins' own, by name. */
export class Population {
  readonly columns = new Map<string, Column>();
  readonly info = new Map<string, ColumnInfo>();

  /** 0 = majority, 1 = minority. */
  readonly group: Uint8Array;
  /** Wealth in currency units (can fall below zero through debt). */
  readonly wealth: Float64Array;
  /** Income potential per day, in currency units. */
  readonly income: Float64Array;
  /** Household id (agents sharing an id form a household). */
  readonly household: Int32Array;
  /** Propensity to break rules, per domain: `trait[d * n + i]`, a probability per day. */
  readonly trait: Float32Array;
  /** Propensity to voice dissent (probability of a dissenting statement per day). */
  readonly dissent: Float32Array;
  /** Risk attitude in [0, 1]: 1 is risk-seeking. */
  readonly risk: Float32Array;
  /** Knowledge of the rules in [0, 1]. */
  readonly knowledge: Float32Array;
  /** Approval of the scoring system in [0, 1]. */
  readonly approval: Float32Array;

  /** 'float32': score columns (`score_*`) asked for as f64 are made f32 (population.scorePrecision). */
  scorePrecision: 'float64' | 'float32' = 'float64';
  /** false: the standard population was left out (population.standard: false). */
  standard = true;

  constructor(readonly n: number) {
    this.group = this.addColumn('group', 'u8', 'core', 'group: 0 majority, 1 minority');
    this.wealth = this.addColumn('wealth', 'f64', 'core', 'wealth (currency units)');
    this.income = this.addColumn('income', 'f64', 'core', 'income potential per day');
    this.household = this.addColumn('household', 'i32', 'core', 'household id');
    this.trait = new Float32Array(n * DOMAINS.length);
    this.columns.set('trait', this.trait);
    this.info.set('trait', { name: 'trait', kind: 'f32', owner: 'core', export: false, doc: 'per-domain propensity' });
    this.dissent = this.addColumn('dissent', 'f32', 'core', 'propensity to voice dissent per day');
    this.risk = this.addColumn('risk', 'f32', 'core', 'risk attitude');
    this.knowledge = this.addColumn('knowledge', 'f32', 'core', 'knowledge of the rules');
    this.approval = this.addColumn('approval', 'f32', 'core', 'approval of the system');
  }

  /** Registers a column; registering the same name twice with the same kind returns the existing one. */
  addColumn<K extends ColumnKind>(
    name: string,
    kind: K,
    owner = 'core',
    doc = '',
    exportIt = true,
  ): InstanceType<(typeof CTORS)[K]> {
    // a score column in 32 bits when the scenario asks for it (the regime's code reads and writes it alike)
    const made: ColumnKind = kind === 'f64' && this.scorePrecision === 'float32' && name.startsWith('score_') ? 'f32' : kind;
    const existing = this.columns.get(name);
    if (existing) {
      const info = this.info.get(name)!;
      if (info.kind !== made) throw new Error(`population: column '${name}' exists as ${info.kind}, not ${kind}`);
      return existing as InstanceType<(typeof CTORS)[K]>;
    }
    const col = new CTORS[made](this.n) as InstanceType<(typeof CTORS)[K]>;
    this.columns.set(name, col);
    this.info.set(name, { name, kind: made, owner, export: exportIt, doc });
    return col;
  }

  /**
   * Leaves out the standard population (population.standard: false): its columns stay (zero, so a
   * plug-in that reads them reads zeros, never garbage) but are no longer exported, and the core
   * columns of the world (benefit, censor …) are not exported either; the agents table then holds
   * the ids, the group when a graph file gives one (`groupGiven`) and the plug-ins' columns.
   */
  leaveOutStandard(): void {
    this.standard = false;
    for (const info of this.info.values()) if (info.owner === 'core') info.export = false;
  }

  /** Exports the group column again (a graph file gave the agents' groups). */
  groupGiven(): void {
    const g = this.info.get('group');
    if (g) g.export = true;
  }

  column(name: string): Column | undefined {
    return this.columns.get(name);
  }

  /** Trait of agent i in domain d. */
  traitOf(i: number, d: number): number {
    return this.trait[d * this.n + i]!;
  }
}
