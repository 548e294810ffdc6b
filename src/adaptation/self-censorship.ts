/**
 * `self-censorship` — agents suppress dissent as the sanctions for speech they see make speaking
 * feel risky (the chilling effect; docs/model.md#online-speech-blacklists). Vague rules chill only
 * through what they actually do: a vaguer rule sanctions more lawful speech, and people see it.
 *
 * Each step of Δ days, agent i's perceived risk rᵢ (column `perceived_risk`, starts at 0) is an
 * exponentially weighted moving average of the speech sanctions it sees,
 *   rᵢ ← rᵢ + α·(Rᵢ − rᵢ),   α = 1 − (1 − speed)^Δ,
 *   Rᵢ = 1 − (1 − ownWeight·oᵢ) · (1 − min(1, neighbourWeight·bᵢ)) · (1 − min(1, publishedWeight·P)) · (1 − Aᵢ)
 * (independent sources of risk combined as 1 − Π(1 − risk)), where
 *   oᵢ = 1 when i itself is sanctioned for speech: sanctioned this step in the speech domain
 *        (world.experience.sanctioned, speech bit) or on a black list in force whose domain is
 *        speech (or named in `speechList`, for a list made without a domain — its account banned);
 *   bᵢ = share of i's neighbours sanctioned for speech in that same sense (their account banned,
 *        their listing this step);
 *   P  = speech sanctions made public this step per person per year,
 *        world.experience.published[speech] / n · 365/Δ (names read in the news by everyone);
 *   Aᵢ = the announcement term, OFF by default (`announcement: false`): announcementWeight · v,
 *        v = the vagueness the speech rules announce (world.policy 'speech.vagueness', set by the
 *        speech-blacklist regime). It is not an experience: a direct effect of the announced rule,
 *        kept only to compare with the experience channels. With it off, nothing here reads the
 *        vagueness, so vagueness matters only through the sanctions it produces.
 * Sanctions in other domains (a court debt blacklist) do not count: they say nothing about the
 * risk of speaking. No ground truth is read — a lawful statement punished looks like any other.
 * The suppressed share of dissent is world.censor[i] = 1 − exp(−sensitivity · rᵢ · (1 − aᵢ)),
 * aᵢ = world.pop.risk[i] (risk attitude, 1 = risk-seeking, who never self-censors); the behaviour
 * model multiplies the dissent rate by (1 − censor).
 * Sources: docs/model.md#online-speech-blacklists (vague lines chill speech; the vagueness parameter
 * acts in the speech-blacklist regime). All weights, the speed and the sensitivity are modelling
 * choices to sweep: no calibration values are known.
 */
import { defineAdaptation } from '../core/contracts.js';
import { bool, num, prob, str } from '../core/params.js';
import { policyOf } from '../core/policy.js';
import { DOMAIN_INDEX } from '../core/population.js';
import { neighbourShare, sanctionedInDomain } from './util.js';
import { chanceOverDays } from '../core/rates.js';

/** Policy key set by the speech-blacklist regime: vagueness of its rules in [0, 1]. */
export const SPEECH_VAGUENESS = 'speech.vagueness';

export const selfCensorship = defineAdaptation({
  id: 'self-censorship',
  title: 'Self-censorship (chilled speech)',
  summary: 'agents suppress dissent as they see speech sanctioned: their own, their neighbours’, published ones',
  doc:
    'People speak less when they feel at risk, and they judge the risk from what they see happen to speech: ' +
    'being banned themselves, friends whose accounts are banned, names of people punished for speech in the ' +
    'news. The feeling fades slowly when those signals go. Vague rules chill because they get more (lawful) ' +
    'speech punished, which people see. Risk-seeking people are less deterred than cautious ones. An optional, ' +
    'labelled "announcement" term (off by default) adds risk straight from how vague the rules are said to be.',
  sources: ['docs/model.md#online-speech-blacklists: online speech blacklists — "vague lines chill speech" (vagueness parameter of the regime)'],
  params: {
    ownWeight: prob(0.8, { unit: 'risk', doc: 'perceived risk while sanctioned for speech oneself (modelling choice)' }),
    neighbourWeight: num(5, { min: 0, unit: 'risk per share', doc: 'perceived risk per unit share of neighbours sanctioned for speech, capped at 1 (modelling choice)' }),
    publishedWeight: num(2.5, {
      min: 0,
      unit: 'risk per (published speech sanction per person per year)',
      doc: 'perceived risk from published speech sanctions, capped at 1 (modelling choice: 2.5 = neighbourWeight × ½ year, so with bans of about half a year a stranger’s published ban weighs per head as much as a banned friend)',
    }),
    speechList: str('speech-blacklist', { doc: 'id of a black list whose members count as sanctioned for speech even when the list has no domain' }),
    announcement: bool(false, { doc: 'ANNOUNCEMENT term (not an experience; off by default): add risk straight from the announced vagueness of the rules' }),
    announcementWeight: prob(0.5, { unit: 'risk', doc: 'perceived risk from fully vague announced rules, when `announcement` is on (modelling choice)' }),
    speed: prob(0.1, { unit: 'per day', doc: 'smoothing rate of perceived risk towards what is seen (modelling choice)' }),
    sensitivity: num(3, { min: 0, unit: 'factor', doc: 'censor = 1 − exp(−sensitivity · risk · (1 − risk attitude)) (modelling choice)' }),
  },
  columns: ['censor_mean', 'perceived_risk_mean'],
  create(world, p) {
    const n = world.n;
    const S = DOMAIN_INDEX.speech;
    const risk = world.pop.addColumn('perceived_risk', 'f32', 'self-censorship', 'perceived risk of sanction for speech, in [0, 1]');
    const hit = new Uint8Array(n);
    const share = new Float64Array(n);
    const ids = [p.speechList];
    return {
      adapt() {
        sanctionedInDomain(world, S, ids, hit);
        neighbourShare(world, hit, share);
        const perYear = n ? (world.experience.published[S]! / n) * (365 / world.daysPerStep) : 0;
        let safe0 = 1 - Math.min(1, p.publishedWeight * perYear);
        if (p.announcement) {
          const v = Math.min(1, Math.max(0, Number(policyOf(world, SPEECH_VAGUENESS, 0)) || 0));
          safe0 *= 1 - p.announcementWeight * v;
        }
        const a = chanceOverDays(p.speed, world.daysPerStep);
        const attitude = world.pop.risk;
        for (let i = 0; i < n; i++) {
          const safe = safe0 * (1 - Math.min(1, p.neighbourWeight * share[i]!)) * (1 - p.ownWeight * hit[i]!);
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
