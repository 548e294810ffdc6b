/**
 * `speech-blacklist`: sites with comment sections keep blacklists of "illegal" statements.
 *
 * Rules, each step (stage score):
 *  - every observed expression (record: speech, ACT_EXPRESSION) of an agent not banned already is
 *    judged. Whether it is truly illegal is the world's fact (probability `illegalRate`, keyed
 *    stream ':illegal'; a mistaken record — the person said nothing — is lawful). The moderator never
 *    sees that fact: it reads the statement, a signal e = moderationQuality·[illegal] + z (keyed
 *    stream ':judge'), and judges it illegal when e ≥ c, the line the rules draw:
 *    c = min(clearLine, Φ⁻¹(1 − vagueness)). So a vague rule (a low line) catches a share
 *    `vagueness` of lawful dissent, and clear rules (vagueness 0) the few lawful statements above
 *    `clearLine`; truly illegal statements are missed when their signal falls below the line. Each
 *    judgement is a case (src/core/truth.ts) whose truth is the statement's.
 *    Both draws are keyed by (agent, day), so runs that differ only in vagueness share all other draws.
 *  - an agent with `threshold` judged-illegal statements within `windowDays` is listed on the black
 *    list 'speech-blacklist' for `termDays` (capped by the expiry policy), without notice (guards
 *    may add it). The listing's case combines the judged statements' cases: mistaken when fewer than
 *    `threshold` of them were truly illegal (lawful dissent judged illegal). Severity = `threshold`.
 *    The list has domain speech, so each listing is a speech sanction in the experience channel
 *    (src/core/experience.ts). `publish` (default true) decides whether the names are published:
 *    on, each listing also counts in `experience.published[speech]`, which everyone reads (the
 *    perception model's published term, self-censorship's publishedWeight term), and a listed
 *    person who follows published lists (knowledge of the rules = 1) learns of the listing from it
 *    (appeals, appealing). Off, the list is made with `published: false` and a listing is known only
 *    through the channels that do not need publication: the person's own sanction (the banned
 *    account, the lost opportunity) and their neighbours' (self-censorship's own and neighbour
 *    terms, the perception model's own and neighbour terms). Nothing else changes: the same
 *    statements are judged and the same people listed, so a run with nobody listed is identical.
 *  - consequences: the account is banned (the site no longer sees the agent's statements while
 *    listed); one lost opportunity per listing (`world.lostOpportunity`); optional income cut
 *    `incomeCut` at the sanction stage (capped by POLICY.sanctionCap × severity).
 *  - at term end the entry is removed (no performance clears it earlier).
 * Honours POLICY.dataSpeech: false ⇒ the regime sees no speech and lists no one.
 * Publishes its vagueness as `world.policy.get('speech.vagueness')` (set in create) for the
 * self-censorship adaptation's labelled announcement term only (off by default): people are chilled by
 * the sanctions they see, so vagueness acts through what is actually sanctioned.
 * Sources: docs/model.md#online-speech-blacklists (vagueness parameter); docs/calibration.md#safeguards-and-reforms "Safeguards and
 * reforms" (credit repair: general records public 3 months – 1 year [P/S]) for the default term.
 */
import { defineRegime } from '../../core/contracts.js';
import { ACT_EXPRESSION } from '../../core/events.js';
import { bool, num, prob } from '../../core/params.js';
import { POLICY, policyOf } from '../../core/policy.js';
import { DOMAIN_INDEX } from '../../core/population.js';
import { normalQuantile } from '../../core/truth.js';

export const SPEECH_VAGUENESS = 'speech.vagueness';

export const speechBlacklist = defineRegime({
  id: 'speech-blacklist',
  title: 'Online speech blacklists of "illegal" statements',
  summary: 'statements judged illegal (vaguely) → blacklist and account ban after a threshold in a window',
  doc:
    'Websites judge what people post. Some statements are truly illegal, but vague rules also make sites judge ' +
    'lawful dissent as illegal. Someone with several statements judged illegal within a window is put on a ' +
    'blacklist and their account is banned for the term; this costs them opportunities and, optionally, income.',
  sources: [
    'docs/model.md#online-speech-blacklists: online speech blacklists — sites keep blacklists of "illegal" statements; vague lines chill speech (vagueness parameter)',
    'docs/calibration.md#safeguards-and-reforms: general records public 3 months – 1 year [P/S] (default term)',
  ],
  params: {
    vagueness: prob(0.1, { doc: 'how far the line is drawn into lawful speech: the share of lawful dissent whose reading falls on the illegal side (line c = Φ⁻¹(1 − vagueness), at most clearLine)', source: 'docs/model.md#online-speech-blacklists: vagueness parameter; value [W]' }),
    illegalRate: prob(0.01, { doc: 'share of statements that are truly illegal (a fact of the world; the moderator sees only a signal of it)', source: '[W] assumption' }),
    moderationQuality: num(3, { min: 0, unit: 'sd units (d′)', doc: 'how clearly a truly illegal statement reads as illegal to the moderator', source: 'modelling choice' }),
    clearLine: num(2.5, { unit: 'sd units', doc: 'the line under clear rules (vagueness 0): lawful statements above it are misjudged (Φ(−2.5) ≈ 0.6 %)', source: 'modelling choice' }),
    threshold: num(3, { min: 1, max: 50, int: true, unit: 'statements', doc: 'judged-illegal statements within the window that lead to listing', source: '[W] assumption' }),
    windowDays: num(365, { min: 1, unit: 'days', doc: 'window over which judged-illegal statements are counted', source: '[W] assumption' }),
    termDays: num(180, { min: 1, unit: 'days', doc: 'listing term (account ban)', source: 'docs/calibration.md#safeguards-and-reforms: general records 3 months – 1 year [P/S]' }),
    publish: bool(true, { doc: 'names on the list are published: each listing is a published speech sanction everyone reads about (off: known only to the person and, through their experience, to their neighbours)', source: 'modelling choice (default true: names published, as the list always did)' }),
    incomeCut: prob(0, { unit: 'share of income potential', doc: 'income potential lost while listed (e.g. online work)', source: '[W] assumption' }),
  },
  columns: ['speech_listed', 'speech_judged_illegal', 'speech_lawful_judged_illegal', 'account_bans', 'speech_mistaken'],
  create(world, p) {
    const n = world.n;
    const T = p.threshold;
    world.policy.set(SPEECH_VAGUENESS, p.vagueness);
    const S = DOMAIN_INDEX.speech;
    const list = world.lists.get('speech-blacklist', 'black', { domain: S, published: p.publish });
    const line = Math.min(p.clearLine, normalQuantile(1 - p.vagueness));
    const cases = world.cases;
    const severity = world.pop.addColumn('severity_speech_blacklist', 'f32', 'speech-blacklist', 'judged-illegal statements behind the listing', false);
    const ringDay = new Float64Array(n * T).fill(-Infinity);
    const ringCase = new Int32Array(n * T);
    const head = new Int32Array(n);
    const kIllegal = world.keyed('regime:speech-blacklist:illegal');
    const kJudge = world.keyed('regime:speech-blacklist:judge');
    let sees = true, expiry = Infinity, cap = Infinity;
    let judged: number[] = []; // cases judged illegal since the last record (truth counted there)
    const seen = new Int32Array(n); // listings already charged with their lost opportunity
    const banned = (i: number) => {
      world.lostOpportunity[i]! += list.times[i]! - seen[i]!;
      seen[i] = list.times[i]!;
    };
    return {
      init() {
        sees = policyOf<boolean>(world, POLICY.dataSpeech, true) !== false;
        expiry = policyOf(world, POLICY.expiryDays, Infinity);
        cap = policyOf(world, POLICY.sanctionCap, Infinity);
      },
      score() {
        const day = world.day;
        for (let i = 0; i < n; i++) {
          if (list.times[i]! > seen[i]!) banned(i); // a listing delayed by a guard took effect
          if (list.on[i] && day >= list.until[i]!) list.remove(i, day);
        }
        if (!sees) return;
        const r = world.records;
        for (let k = 0; k < r.length; k++) {
          if (r.domain[k] !== S || r.kind[k] !== ACT_EXPRESSION) continue;
          const i = r.agent[k]!;
          if (list.on[i]) continue; // account banned: the site sees nothing
          world.stats.dataPoints++;
          // the statement's truth comes with its record: a mistaken record is lawful; the rest illegal at illegalRate
          // (the world makes the fact and the moderator's reading of it: Cases.subset)
          const c = cases.subset(r.cause(k), p.illegalRate, kIllegal.u(i, day, 0), p.moderationQuality, kJudge.normal(i, day, 0), S);
          if (cases.evidence(c) < line) continue;
          judged.push(c);
          const slot = i * T + head[i]!;
          ringDay[slot] = day;
          ringCase[slot] = c;
          head[i] = (head[i]! + 1) % T;
          const parts: number[] = [];
          for (let s = i * T; s < i * T + T; s++) if (ringDay[s]! > day - p.windowDays) parts.push(ringCase[s]!);
          if (parts.length < T || world.lists.isPending(list, i)) continue;
          severity[i] = T;
          const out = world.lists.propose({ list, agent: i, day, cause: cases.combine(parts, T), severity: T, termDays: Math.min(expiry, p.termDays) });
          if (out !== 'pending') ringDay.fill(-Infinity, i * T, i * T + T);
          if (out === 'listed') banned(i);
        }
      },
      sanction() {
        if (p.incomeCut <= 0) return;
        const cut = Math.min(p.incomeCut, cap * T);
        for (let i = 0; i < n; i++) if (list.on[i]) world.incomeMult[i]! *= 1 - cut;
      },
      record() {
        let mistaken = 0;
        for (let i = 0; i < n; i++) if (list.isMistaken(i)) mistaken++;
        const lawful = judged.filter((c) => cases.isMistaken(c)).length;
        const out = { speech_listed: list.count, speech_judged_illegal: judged.length, speech_lawful_judged_illegal: lawful, account_bans: list.window.listings, speech_mistaken: mistaken };
        judged = [];
        return out;
      },
    };
  },
});
