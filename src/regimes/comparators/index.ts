/**
 * Western and fictional comparators: credit scores (FICO, UK scoring, Facebook lending), ratings
 * (platform rating, Nosedive, Facebook trust), telematics, risk lists and public registries. Their
 * shared parts: `credit.ts` (the credit file), `ring.ts` (ring buffers of dated records), `helpers.ts`
 * (per-step rates and record windows). Add a regime: its own file here, and a line in this list.
 */
import type { AnyPlugin } from '../../core/contracts.js';
import { facebookLending } from './facebook-lending.js';
import { facebookTrust } from './facebook-trust.js';
import { fico } from './fico.js';
import { nosedive } from './nosedive.js';
import { platformRating } from './platform-rating.js';
import { publicRegistry } from './public-registry.js';
import { riskList } from './risk-list.js';
import { telematics } from './telematics.js';
import { ukScoring } from './uk-scoring.js';

export const COMPARATOR_REGIMES: AnyPlugin[] = [
  fico,
  nosedive,
  platformRating,
  facebookTrust,
  facebookLending,
  ukScoring,
  telematics,
  riskList,
  publicRegistry,
];
