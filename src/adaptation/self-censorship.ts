/**
 * `self-censorship` — agents suppress dissent as their perceived risk of sanction rises
 * (the chilling effect of vague speech rules; MODEL.md, "Online speech blacklists").
 *
 * Each step of Δ days, agent i's perceived risk rᵢ (column `perceived_risk`, starts at 0) moves
 * towards a target by exponential smoothing, rᵢ ← rᵢ + (1 − (1 − speed)^Δ)·(Rᵢ − rᵢ), with
 *   Rᵢ = 1 − (1 − vagueWeight·v) · (1 − min(1, neighbourWeight·(bᵢ + speechWeight·cᵢ))) · (1 − ownWeight·oᵢ)
 * (independent sources of risk combined as 1 − Π(1 − risk)), where
 *   v  = vagueness of the speech rules, world.policy 'speech.vagueness' (set by the
 *        speech-blacklist regime; 0 when absent): vague lines make any statement risky;
 *   bᵢ = share of i's neighbours on any blacklist; cᵢ = share on the speech list (`speechList`),
 *        so a neighbour punished for speech counts 1 + speechWeight times;
 *   oᵢ = 1 when i is itself on a blacklist.
 * The suppressed share of dissent is world.censor[i] = 1 − exp(−sensitivity · rᵢ · (1 − aᵢ)),
 * aᵢ = world.pop.risk[i] (risk attitude, 1 = risk-seeking, who never self-censors); the behaviour
 * model multiplies the dissent rate by (1 − censor).
 * Sources: MODEL.md / CALIBRATION.md (online speech blacklists, vagueness parameter); weights are
 * assumptions to sweep (no calibration values are known).
 */
import { defineAdaptation } from '../core/contracts.js';
import { num, prob, str } from '../core/params.js';
import { policyOf } from '../core/policy.js';
import { neighbourShare, perStep } from './util.js';

/** Policy key set by the speech-blacklist regime: vagueness of its rules in [0, 1]. */
export const SPEECH_VAGUENESS = 'speech.vagueness';

export const selfCensorship = defineAdaptation({
  id: 'self-censorship',
  title: 'Self-censorship (chilled speech)',
  summary: 'agents suppress dissent as perceived risk rises: vague rules, sanctioned neighbours, own listing',
  doc:
    'People speak less when they feel at risk. Their sense of risk grows when the speech rules are vague, when ' +
    'they see friends blacklisted (more so for speech), and when they are listed themselves; it fades slowly ' +
    'when those signals go. Risk-seeking people are less deterred than cautious ones.',
  sources: ['MODEL.md: online speech blacklists, "vague lines chill speech"', 'CALIBRATION.md: speech blacklists (vagueness parameter)'],
  params: {
    vagueWeight: prob(0.5, { unit: 'risk', doc: 'perceived risk from fully vague rules (vagueness 1)' }),
    neighbourWeight: num(5, { min: 0, unit: 'risk per share', doc: 'perceived risk per unit share of blacklisted neighbours (capped at 1)' }),
    speechWeight: num(2, { min: 0, unit: 'factor', doc: 'extra weight of neighbours on the speech list' }),
    speechList: str('speech-blacklist', { doc: 'id of the list whose members count as sanctioned for speech' }),
    ownWeight: prob(0.8, { unit: 'risk', doc: 'perceived risk from being on a blacklist oneself' }),
    speed: prob(0.1, { unit: 'per day', doc: 'smoothing rate of perceived risk towards its target' }),
    sensitivity: num(3, { min: 0, unit: 'factor', doc: 'censor = 1 − exp(−sensitivity · risk · (1 − risk attitude))' }),
  },
  columns: ['censor_mean', 'perceived_risk_mean'],
  create(world, p) {
    const n = world.n;
    const risk = world.pop.addColumn('perceived_risk', 'f32', 'self-censorship', 'perceived risk of sanction for speech, in [0, 1]');
    const black = new Uint8Array(n);
    const speech = new Uint8Array(n);
    const bShare = new Float64Array(n);
    const sShare = new Float64Array(n);
    return {
      adapt() {
        const v = Math.min(1, Math.max(0, Number(policyOf(world, SPEECH_VAGUENESS, 0)) || 0));
        const hasBlack = world.lists.black().length > 0;
        if (hasBlack) {
          world.lists.anyBlack(black);
          neighbourShare(world, black, bShare);
        }
        const sl = world.lists.lists.get(p.speechList);
        if (sl) neighbourShare(world, sl.on, sShare);
        const a = perStep(p.speed, world.daysPerStep);
        const fromVague = 1 - p.vagueWeight * v;
        const attitude = world.pop.risk;
        for (let i = 0; i < n; i++) {
          let safe = fromVague;
          if (hasBlack) {
            const seen = bShare[i]! + (sl ? p.speechWeight * sShare[i]! : 0);
            safe *= (1 - Math.min(1, p.neighbourWeight * seen)) * (1 - p.ownWeight * black[i]!);
          }
          const r = risk[i]! + a * (1 - safe - risk[i]!);
          risk[i] = r;
          world.censor[i] = 1 - Math.exp(-p.sensitivity * r * (1 - attitude[i]!));
        }
      },
      record() {
        let c = 0;
        let r = 0;
        for (let i = 0; i < n; i++) {
          c += world.censor[i]!;
          r += risk[i]!;
        }
        return { censor_mean: n ? c / n : null, perceived_risk_mean: n ? r / n : null };
      },
    };
  },
});
