/**
 * `predictive-profiling`: monitoring targeted at the people a model predicts will offend, the model
 * being trained on past *records* (what was observed), not on past acts.
 *
 * Rule:
 * - after all observation (score stage), each record of kind violation in `domains` adds 1 to the
 *   agent's record count cᵢ; counts decay as exp(−Δ/memoryDays) each step (old records weigh less);
 * - every `retrainDays` days the model scores sᵢ = cᵢ + neighbourWeight · mean_{j ∈ N(i)} cⱼ
 *   (neighbourWeight is treated as 0 when data-limits forbid friends' data, POLICY.dataFriends);
 *   the ⌊targetShare · n⌋ highest scores with sᵢ > 0 (ties at random) are targeted:
 *   watchᵢ = boost for them, 1 for everyone else.
 * The core observes an act with probability detect[d, g] · watchᵢ (capped at 1), so targeted people
 * are seen more, get more records, and stay targeted: a feedback loop (Ensign et al., "Runaway
 * feedback loops in predictive policing", FAT* 2018; Lum & Isaac, Significance 13(5), 2016).
 *
 * Columns: profiled_share and profiled_minority_share (targets now); profiled_record_share and
 * profiled_act_share (share of the window's training-domain violation records, and of true
 * violations, that fall on agents targeted at the time: the gap is what the model "finds" because
 * it watches); profiled_retained (share of the previous targets kept at the last retraining).
 *
 * Source (docs/model.md#predictive-profiling; the source article: algorithmic prediction of who will
 * offend, used to target monitoring). Target share and boost are not in the source: parameters.
 */
import { defineObservation } from '../core/contracts.js';
import { ACT_VIOLATION } from '../core/events.js';
import { num, prob } from '../core/params.js';
import { POLICY, policyOf } from '../core/policy.js';
import { domainList, domainIndices } from './util.js';

export const predictiveProfiling = defineObservation({
  id: 'predictive-profiling',
  title: 'Predictive profiling: monitoring targeted by a model trained on past records',
  summary: 'the top targetShare by past records (and neighbours’ records) are watched `boost` times more',
  doc:
    'A model predicts who will offend from who was recorded before (and, optionally, whose friends were). Every ' +
    'retraining period the people it ranks highest are put under closer watch: their acts are observed boost ' +
    'times as often. Because the model learns from records, not from acts, those it watches produce more records ' +
    'and are picked again — a feedback loop that can lock in whoever was seen first.',
  sources: [
    'docs/model.md#predictive-profiling: predictive profiling (algorithmic prediction of who will offend, targeting monitoring)',
    'Ensign, Friedler, Neville, Scheidegger & Venkatasubramanian, Runaway feedback loops in predictive policing, FAT* 2018',
    'Lum & Isaac, To predict and serve?, Significance 13(5):14–19 (2016)',
  ],
  params: {
    retrainDays: num(30, { min: 1, unit: 'days', doc: 'days between retrainings of the model' }),
    targetShare: prob(0.05, { unit: 'share', doc: 'largest share of agents the model targets' }),
    boost: num(3, { min: 0, unit: 'factor', doc: 'monitoring multiplier (watch) of a targeted agent' }),
    neighbourWeight: num(0, { min: 0, unit: 'weight', doc: 'weight of the mean record count of an agent’s neighbours in its score (0 = own records only)' }),
    memoryDays: num(365, { min: 1, unit: 'days', doc: 'mean lifetime of a record in the model (exponential decay)' }),
    domains: domainList(['law', 'commerce', 'speech'], { doc: "domains whose violation records train the model ('all' for every domain)" }),
  },
  columns: ['profiled_share', 'profiled_minority_share', 'profiled_record_share', 'profiled_act_share', 'profiled_retained'],
  create(world, p) {
    const n = world.n;
    const key = world.keyed('observation:predictive-profiling');
    const count = world.pop.addColumn('profiling_records', 'f64', 'predictive-profiling', 'decayed count of past records (profiling model input)');
    const target = world.pop.addColumn('profiled', 'u8', 'predictive-profiling', '1 when targeted by predictive profiling');
    const use = new Uint8Array(8);
    for (const d of domainIndices(p.domains)) use[d] = 1;
    const score = new Float64Array(n);
    const order = new Int32Array(n);
    const jitter = new Float64Array(n);
    let nextTrain = p.retrainDays;
    // window counters: training-domain records and true violations, all and by targeted agents
    let rec = 0, recT = 0, act = 0, actT = 0;
    let retained: number | null = null;
    const retrain = () => {
      const wN = policyOf(world, POLICY.dataFriends, true) ? p.neighbourWeight : 0;
      const { start, deg, targets } = world.adj;
      let k = 0;
      for (let i = 0; i < n; i++) {
        let s = count[i]!;
        if (wN > 0 && deg[i]! > 0) {
          let m = 0;
          for (let e = start[i]!; e < start[i]! + deg[i]!; e++) m += count[targets[e]!]!;
          s += (wN * m) / deg[i]!;
        }
        score[i] = s;
        jitter[i] = key.u(i, world.day, 0);
        if (s > 0) order[k++] = i;
      }
      world.stats.dataPoints += n * (wN > 0 ? 2 : 1);
      const cand = Array.from(order.subarray(0, k)).sort((a, b) => score[b]! - score[a]! || jitter[a]! - jitter[b]!);
      const m = Math.min(cand.length, Math.floor(p.targetShare * n));
      let kept = 0, before = 0;
      for (let i = 0; i < n; i++) before += target[i]!;
      for (let r = 0; r < m; r++) kept += target[cand[r]!]!;
      retained = before > 0 ? kept / before : null;
      target.fill(0);
      for (let r = 0; r < m; r++) target[cand[r]!] = 1;
      for (let i = 0; i < n; i++) world.watch[i] = target[i] ? p.boost : 1;
    };
    return {
      score() {
        const decay = Math.exp(-world.daysPerStep / p.memoryDays);
        for (let i = 0; i < n; i++) count[i]! *= decay;
        const r = world.records;
        for (let k = 0; k < r.length; k++) {
          if (r.kind[k] !== ACT_VIOLATION || !use[r.domain[k]!]) continue;
          count[r.agent[k]!]! += 1;
          rec++;
          recT += target[r.agent[k]!]!;
        }
        const a = world.acts;
        for (let k = 0; k < a.length; k++) {
          if (a.kind[k] !== ACT_VIOLATION || !use[a.domain[k]!]) continue;
          act++;
          actT += target[a.agent[k]!]!;
        }
        const today = world.day + world.daysPerStep; // end of this step
        if (today >= nextTrain) {
          retrain();
          while (nextTrain <= today) nextTrain += p.retrainDays;
        }
      },
      record() {
        let t = 0, tm = 0;
        for (let i = 0; i < n; i++) {
          if (!target[i]) continue;
          t++;
          if (world.pop.group[i] === 1) tm++;
        }
        const out = {
          profiled_share: n ? t / n : null,
          profiled_minority_share: t ? tm / t : null,
          profiled_record_share: rec ? recT / rec : null,
          profiled_act_share: act ? actT / act : null,
          profiled_retained: retained,
        };
        rec = recT = act = actT = 0;
        return out;
      },
    };
  },
});
