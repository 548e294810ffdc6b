/**
 * Experiment designs: which parameter points a sweep runs, and the sensitivity estimators
 * that read the results back. Full grid (./grid.ts), Latin hypercube (./lhs.ts), Sobol
 * sequence (./sobol.ts), Saltelli design with Sobol indices (./saltelli.ts), Morris
 * elementary effects (./morris.ts). All are deterministic given their inputs; randomness
 * comes only from the seeded `Rng` passed in.
 */
export type { DesignPlan, Factor, Point } from './types.js';
export { toFactorValue } from './types.js';
export { gridDesign } from './grid.js';
export { latinHypercube, latinHypercubeUnit } from './lhs.js';
export { sobolSequence, SOBOL_MAX_DIM, type SobolOptions } from './sobol.js';
export { saltelliDesign, sobolIndices, type SaltelliMeta, type SaltelliOptions, type SobolIndices } from './saltelli.js';
export { morrisDesign, morrisIndices, type MorrisIndices, type MorrisMeta } from './morris.js';
