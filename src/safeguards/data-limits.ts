/**
 * `data-limits`: which data sources the regimes may use.
 *
 * Rule: in `create` (before any `init`), sets the policy keys that regimes honour (src/core/policy.ts):
 *   POLICY.dataFriends     = friends      (friends' / contacts' scores and behaviour: friend effects),
 *   POLICY.dataSpeech      = speech       (what people say),
 *   POLICY.dataConsumption = consumption  (what money is spent on),
 *   POLICY.dataIdentity    = identity     (identity characteristics: group, household).
 * true = the regimes may use the source; false = they must score without it. By default friends',
 * speech and identity data are forbidden and consumption data allowed. The safeguard does nothing
 * else: the effect is whatever a regime loses when it reads the policy (a regime that ignores a
 * source anyway, such as `fico`, is unchanged).
 *
 * Sources: Sesame Credit's reported factors include "interpersonal relationships" (friends) and
 * "behaviour and preferences" (consumption) [W] (docs/calibration.md#sesame-credit); GDPR Art. 5(1)(c) data
 * minimisation and Art. 9 special categories (political opinions, ethnic origin) [P]; friend
 * effects fragment networks (Wei, Yildirim, Van den Bulte & Dellarocas, Marketing Science 35(2), 2016).
 */
import { defineSafeguard } from '../core/contracts.js';
import { bool } from '../core/params.js';
import { POLICY } from '../core/policy.js';

export const dataLimits = defineSafeguard({
  id: 'data-limits',
  title: 'Limits on the data sources a score may use',
  summary: 'forbids friends’, speech and identity data (each a switch) in every regime that honours the policy',
  doc:
    'The law says which data a score may be built from. By default a score may not use what a person’s friends do ' +
    'or score, what the person says, or who the person is (group, family); it may still use what money is spent on. ' +
    'Each source is a switch (true = allowed).',
  sources: [
    'docs/calibration.md#sesame-credit: interpersonal relationships 5%, behaviour and preferences 25% [W]',
    'GDPR Art. 5(1)(c) data minimisation; Art. 9 special categories of data [P]',
    'Wei, Yildirim, Van den Bulte & Dellarocas, Credit scoring with social network data, Marketing Science 35(2) (2016)',
  ],
  params: {
    friends: bool(false, { doc: 'regimes may use friends’ and contacts’ data (friend effects)' }),
    speech: bool(false, { doc: 'regimes may use speech data', source: 'GDPR Art. 9: political opinions [P]' }),
    consumption: bool(true, { doc: 'regimes may use consumption data (what money is spent on)' }),
    identity: bool(false, { doc: 'regimes may use identity characteristics (group, household)', source: 'GDPR Art. 9: ethnic origin [P]' }),
  },
  create(world, p) {
    world.policy.set(POLICY.dataFriends, p.friends);
    world.policy.set(POLICY.dataSpeech, p.speech);
    world.policy.set(POLICY.dataConsumption, p.consumption);
    world.policy.set(POLICY.dataIdentity, p.identity);
    return {};
  },
});
