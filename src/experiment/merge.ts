/**
 * Merging shards (`scorelab merge <dir>… --out DIR`): checks that the folders are shards of one
 * definition of one experiment made by one scorelab version, that no run is in two of them and
 * that together they hold every run; then copies the run records into DIR/runs/ and writes the
 * same final tables as an unsharded sweep (./tables.ts), sensitivity included. The merged folder
 * is itself a finished sweep folder (plan.json of the whole sweep). A record that cannot be
 * trusted (corrupt, edited: its checksum does not match, see ./store.ts) is refused by name, with
 * the command that runs it again.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { UserError } from '../core/errors.js';
import { writeFileAtomic } from '../results/atomic.js';
import { shardRuns, type Plan } from './plan.js';
import { checkRecord, planDifference, readPlan, recordPath, writePlan, type RunRecord } from './store.js';
import { writeTables, type TableCounts } from './tables.js';

/** What merging shards wrote: counts of runs and the folder. */
export interface MergeResult extends TableCounts {
  dir: string;
  plan: Plan;
  shards: string[];
}

const shardName = (p: Plan) => (p.shard ? `shard ${p.shard.index}/${p.shard.count}` : 'the whole sweep');

/** Merges the results folders of shards into the tables of the whole sweep. */
export function mergeShards(dirs: string[], out: string, opts: { onWarning?(m: string): void } = {}): MergeResult {
  const t0 = Date.now();
  if (!dirs.length) throw new UserError('merge: expected at least one shard folder');
  const abs = dirs.map((d) => resolve(d));
  const outAbs = resolve(out);
  if (abs.includes(outAbs)) throw new UserError(`merge: --out ${out} is one of the shard folders; choose another folder`, undefined, '--out');
  const dup = abs.find((d, i) => abs.indexOf(d) !== i);
  if (dup) throw new UserError(`merge: ${dup} is given twice`);
  const plans = abs.map((d) => {
    const p = readPlan(d);
    if (!p) throw new UserError(`merge: ${d}: not a sweep folder (no plan.json)`, d);
    return p;
  });
  const ref = plans[0]!;
  plans.forEach((p, i) => {
    if (p.experiment.id !== ref.experiment.id) {
      throw new UserError(`merge: ${abs[i]} holds experiment '${p.experiment.id}', but ${abs[0]} holds '${ref.experiment.id}': shards of different experiments cannot be merged`, abs[i]);
    }
    if (p.scorelab !== ref.scorelab) {
      throw new UserError(`merge: ${abs[i]} was made by scorelab ${p.scorelab}, ${abs[0]} by scorelab ${ref.scorelab}: shards of different versions cannot be merged`, abs[i]);
    }
    if (p.definition !== ref.definition) {
      throw new UserError(`merge: ${abs[i]}: ${planDifference(ref, { ...p, shard: ref.shard })}; it cannot be merged with ${abs[0]}`, abs[i]);
    }
  });
  // which folder holds which run
  const owner = new Map<string, number>();
  const records = new Map<string, RunRecord>();
  const incomplete: string[] = [];
  plans.forEach((p, i) => {
    const mine = shardRuns(p);
    let missing = 0;
    for (const r of mine) {
      const prev = owner.get(r.runId);
      if (prev !== undefined) {
        throw new UserError(`merge: ${abs[i]} (${shardName(p)}) and ${abs[prev]} (${shardName(plans[prev]!)}) overlap: both hold run ${r.runId}; give each shard once`, abs[i]);
      }
      owner.set(r.runId, i);
      const c = checkRecord(abs[i]!, p, r);
      if ('problem' in c) {
        const sh = p.shard ? ` --shard ${p.shard.index}/${p.shard.count}` : '';
        throw new UserError(
          `merge: ${recordPath(abs[i]!, r.runId)} ${c.problem}; it cannot be merged: delete it and run it again (scorelab sweep ${p.experiment.file ?? p.experiment.id}${sh} --resume --out ${abs[i]})`,
          recordPath(abs[i]!, r.runId),
        );
      }
      if ('record' in c) records.set(r.runId, c.record);
      else missing++;
    }
    if (missing) {
      const sh = p.shard ? ` --shard ${p.shard.index}/${p.shard.count}` : '';
      incomplete.push(`${abs[i]} (${shardName(p)}) lacks ${missing} of its ${mine.length} runs (finish it: scorelab sweep ${p.experiment.file ?? p.experiment.id}${sh} --resume --out ${abs[i]})`);
    }
  });
  const uncovered = ref.runs.filter((r) => !owner.has(r.runId));
  if (uncovered.length) {
    const count = ref.shard?.count;
    const given = new Set(plans.map((p) => p.shard?.index));
    const lacking = count ? Array.from({ length: count }, (_, i) => i).filter((i) => !given.has(i)) : [];
    const which = lacking.length ? `shard(s) ${lacking.map((i) => `${i}/${count}`).join(', ')} not given` : 'runs of no given shard';
    throw new UserError(`merge: ${uncovered.length} of ${ref.runs.length} runs are missing: ${which} (first missing run: ${uncovered[0]!.runId})`);
  }
  if (incomplete.length) throw new UserError(`merge: incomplete shard(s): ${incomplete.join('; ')}`);
  const commits = new Set(plans.map((_, i) => readCommit(abs[i]!)).filter((c): c is string => Boolean(c)));
  if (commits.size > 1) opts.onWarning?.(`shards were made at different commits: ${[...commits].join(', ')}`);

  const whole: Plan = { ...ref, shard: null };
  const old = readPlan(outAbs);
  if (old) {
    const diff = planDifference(old, whole);
    if (diff) throw new UserError(`merge: --out ${outAbs}: ${diff}; choose another folder`, outAbs, '--out');
  }
  writePlan(outAbs, whole);
  for (const r of whole.runs) {
    const from = recordPath(abs[owner.get(r.runId)!]!, r.runId);
    const to = recordPath(outAbs, r.runId);
    if (from !== to) writeFileAtomic(to, readFileSync(from));
  }
  const finishedAt = new Date();
  const counts = writeTables(outAbs, whole, whole.runs, records, {
    workers: 0,
    startedAt: new Date(t0).toISOString(),
    finishedAt: finishedAt.toISOString(),
    seconds: (finishedAt.getTime() - t0) / 1000,
    reused: records.size,
    mergedFrom: abs,
  });
  return { ...counts, dir: outAbs, plan: whole, shards: abs };
}

function readCommit(dir: string): string | null {
  const m = resolve(dir, 'manifest.json');
  if (!existsSync(m)) return null;
  try {
    return (JSON.parse(readFileSync(m, 'utf8')) as { commit?: string | null }).commit ?? null;
  } catch {
    return null;
  }
}
