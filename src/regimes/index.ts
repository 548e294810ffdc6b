/**
 * The regimes (family 'regime'), one folder per family of systems:
 * - `basic/` — the empty baseline and the benchmark's friend-cleanup model;
 * - `municipal/` — city points schemes (Rongcheng, Suining);
 * - `national/` — the national composite score and the redlist;
 * - `commercial/` — commercial scores (Sesame);
 * - `courts/` — court blacklist, joint punishment, speech blacklist;
 * - `comparators/` — Western and fictional comparators (credit scores, ratings, risk lists).
 * Add one: implement the contract of src/core/contracts.ts in one file of its family's folder and
 * add it to that folder's `index.ts` list. A plug-in from outside src/ needs none of this: see
 * docs/extending.md.
 */
import type { AnyPlugin } from '../core/contracts.js';
import { BASIC_REGIMES } from './basic/index.js';
import { COMMERCIAL_REGIMES } from './commercial/index.js';
import { COMPARATOR_REGIMES } from './comparators/index.js';
import { COURT_REGIMES } from './courts/index.js';
import { MUNICIPAL_REGIMES } from './municipal/index.js';
import { NATIONAL_REGIMES } from './national/index.js';

/** Every built-in regime, in the order `scorelab list` shows them. */
export const REGIMES: AnyPlugin[] = [
  ...BASIC_REGIMES,
  ...MUNICIPAL_REGIMES,
  ...COMMERCIAL_REGIMES,
  ...NATIONAL_REGIMES,
  ...COURT_REGIMES,
  ...COMPARATOR_REGIMES,
];
