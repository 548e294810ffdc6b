/**
 * `transparency`: the rules are codified and published, so people know them.
 *
 * Rule: in `create` (before any plug-in's `init`), sets POLICY.transparent = true (regimes that
 * honour it publish their rules and reasons) and raises knowledge of the rules: each agent who does
 * not know them learns them with probability q = (knownShare − k₀) ÷ (1 − k₀), k₀ the current share
 * who know, so that the expected share who know is `knownShare` (1 = everyone). Knowledge enters
 * behaviour through deterrence (standard behaviour: knowledge × detection belief).
 *
 * Sources: only 11% of people in pilot areas knew of their local scheme (MERICS 2020) [S]; the
 * source notes that redlist criteria are opaque and redlist entries give no reasons (Engelmann et
 * al., FAT* 2019) [S] (docs/calibration.md#redlists); the source's Part V reform: codified, transparent rules.
 */
import { defineSafeguard } from '../core/contracts.js';
import { prob } from '../core/params.js';
import { POLICY } from '../core/policy.js';

export const transparency = defineSafeguard({
  id: 'transparency',
  title: 'Codified, transparent rules that people know',
  summary: 'rules are published: knowledge of the rules rises to knownShare; regimes give reasons',
  doc:
    'The rules of every scoring system are written down and published. Most people then know them (instead of about ' +
    'one in ten), so they know what is watched and what it costs; regimes that honour the transparency policy ' +
    'publish their criteria and reasons.',
  sources: ['docs/calibration.md#public-opinion: only 11% in pilot areas knew of their local scheme (MERICS 2020) [S]', 'Engelmann et al., FAT* 2019: redlist entries give no reasons [S]'],
  params: {
    knownShare: prob(1, { unit: 'share', doc: 'share of agents who know the rules once they are published' }),
  },
  columns: ['knowledge_share'],
  create(world, p) {
    const n = world.n;
    const k = world.pop.knowledge;
    const rng = world.rng('safeguard:transparency');
    world.policy.set(POLICY.transparent, true);
    let know = 0;
    for (let i = 0; i < n; i++) know += k[i]! >= 1 ? 1 : 0;
    const k0 = n ? know / n : 0;
    const q = k0 >= 1 ? 0 : Math.max(0, (p.knownShare - k0) / (1 - k0));
    for (let i = 0; i < n; i++) {
      const u = rng();
      if (k[i]! < 1 && u < q) k[i] = 1;
    }
    return {
      record() {
        let s = 0;
        for (let i = 0; i < n; i++) s += k[i]!;
        return { knowledge_share: n ? s / n : null };
      },
    };
  },
});
