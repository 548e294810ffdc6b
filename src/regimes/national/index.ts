/** National schemes: the composite score and the redlist. Add a regime: its own file here, and a line in this list. */
import type { AnyPlugin } from '../../core/contracts.js';
import { nationalComposite } from './national-composite.js';
import { redlist } from './redlist.js';

export const NATIONAL_REGIMES: AnyPlugin[] = [redlist, nationalComposite];
