/** Plug-ins of this family. Add one: a file in this folder implementing src/core/contracts.ts, and a line below. */
import type { AnyPlugin } from '../core/contracts.js';
import { misidentification } from './misidentification.js';
import { predictiveProfiling } from './predictive-profiling.js';
import { surveillance } from './surveillance.js';

export const PLUGINS: AnyPlugin[] = [surveillance, misidentification, predictiveProfiling];
