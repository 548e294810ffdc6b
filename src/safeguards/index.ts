/** Plug-ins of this family. Add one: a file in this folder implementing src/core/contracts.ts, and a line below. */
import type { AnyPlugin } from '../core/contracts.js';
import { appeals } from './appeals.js';
import { audit } from './audit.js';
import { dataLimits } from './data-limits.js';
import { expiry } from './expiry.js';
import { humanReview } from './human-review.js';
import { notice } from './notice.js';
import { pointAppeals } from './point-appeals.js';
import { proportionality } from './proportionality.js';
import { rectification } from './rectification.js';
import { transparency } from './transparency.js';

export const PLUGINS: AnyPlugin[] = [notice, appeals, expiry, rectification, humanReview, transparency, dataLimits, proportionality, audit, pointAppeals];
