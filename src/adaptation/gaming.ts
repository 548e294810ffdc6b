/**
 * `gaming` — "compliance as a market transaction": where the rules are known, agents comply more
 * where observation is likely and less where it is not.
 *
 * Agent i games in proportion to kᵢ = 1 when the rules are codified and transparent
 * (world.policy POLICY.transparent = true, set by the transparency safeguard), else kᵢ =
 * world.pop.knowledge[i] (only those who know the rules can game them). For each violating domain
 * d (finance, law, commerce, consumption) it faces the detection probability
 * qᵢ,d = min(1, detect[d·2 + groupᵢ] · watchᵢ), and its propensity is multiplied by
 *   gᵢ,d = exp(strength · kᵢ · (pivot − qᵢ,d)):
 * below 1 where observation is more likely than `pivot` (it complies more), above 1 where it is
 * less likely (it breaks the rules more where nobody looks). Without transparency and without
 * knowledge nothing changes (g = 1).
 * The factor is written into world.propensityMult[d·n + i] multiplicatively: the previous step's
 * own factor is divided out first, so other writers (deterrence) keep their share. Recomputed at
 * init and every adapt stage (after observation plug-ins have set detect and watch).
 * Source: docs/model.md#adapt, "game observed behaviour"; the source article's "compliance as a market
 * transaction". Strength and pivot are assumptions to sweep.
 */
import { defineAdaptation } from '../core/contracts.js';
import { num, prob } from '../core/params.js';
import { POLICY, policyOf } from '../core/policy.js';
import { DOMAIN_INDEX } from '../core/population.js';

/** Domains in which agents can game (those whose propensity the behaviour model reads). */
export const GAMED_DOMAINS = [DOMAIN_INDEX.finance, DOMAIN_INDEX.law, DOMAIN_INDEX.commerce, DOMAIN_INDEX.consumption];

export const gaming = defineAdaptation({
  id: 'gaming',
  title: 'Gaming observed behaviour (compliance as a market transaction)',
  summary: 'where rules are known, agents comply more where observation is likely and less where it is not',
  doc:
    'People who know the rules (everyone, when the rules are codified and transparent) weigh the chance of being ' +
    'seen: in domains and places where observation is likely they break the rules less, where it is unlikely they ' +
    'break them more. The pivot is the detection probability at which nothing changes.',
  sources: ['docs/model.md#adapt (adapt: game observed behaviour)', 'source article: compliance as a market transaction'],
  params: {
    strength: num(2, { min: 0, unit: 'log factor per unit probability', doc: 'propensity × exp(strength · k · (pivot − detection probability))' }),
    pivot: prob(0.5, { doc: 'detection probability at which gaming leaves propensity unchanged' }),
  },
  columns: ['gaming_mult_mean'],
  create(world, p) {
    const n = world.n;
    const mine = new Float32Array(GAMED_DOMAINS.length * n).fill(1);
    const update = () => {
      const transparent = policyOf<unknown>(world, POLICY.transparent, false) === true;
      const { knowledge, group } = world.pop;
      const pm = world.propensityMult;
      GAMED_DOMAINS.forEach((d, slot) => {
        const base = slot * n;
        for (let i = 0; i < n; i++) {
          const k = transparent ? 1 : knowledge[i]!;
          const q = Math.min(1, world.detect[d * 2 + group[i]!]! * world.watch[i]!);
          const g = k > 0 ? Math.fround(Math.exp(p.strength * k * (p.pivot - q))) : 1;
          const old = mine[base + i]!;
          if (g === old) continue;
          pm[d * n + i] = (pm[d * n + i]! / old) * g;
          mine[base + i] = g;
        }
      });
    };
    return {
      init: update,
      adapt: update,
      record() {
        let s = 0;
        for (let k = 0; k < mine.length; k++) s += mine[k]!;
        return { gaming_mult_mean: mine.length ? s / mine.length : null };
      },
    };
  },
});
