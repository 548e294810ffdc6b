/** Regimes of this group (peer and platform ratings and Western comparators). Add a regime: its own file, and a line in this list. */
import type { AnyPlugin } from '../core/contracts.js';
import { facebookLending } from './facebook-lending.js';
import { facebookTrust } from './facebook-trust.js';
import { nosedive } from './nosedive.js';
import { platformRating } from './platform-rating.js';
import { publicRegistry } from './public-registry.js';
import { riskList } from './risk-list.js';
import { telematics } from './telematics.js';
import { ukScoring } from './uk-scoring.js';

export const COMPARATOR_REGIMES: AnyPlugin[] = [
  nosedive,
  platformRating,
  facebookTrust,
  facebookLending,
  ukScoring,
  telematics,
  riskList,
  publicRegistry,
];
