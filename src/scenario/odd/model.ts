/**
 * The ODD document's model (Grimm et al. 2020; src/scenario/odd.ts builds it): the reference,
 * the seven sections and eleven design concepts in protocol order, and the JSON shape of the
 * document, its parameters, state variables and submodels.
 */
import type { Family } from '../../core/contracts.js';

export const ODD_REFERENCE =
  'Grimm, V., Railsback, S. F., Vincenot, C. E., Berger, U., Gallagher, C., DeAngelis, D. L., Edmonds, B., Ge, J., Giske, J., Groeneveld, J., Johnston, A. S. A., Milles, A., Nabe-Nielsen, J., Polhill, J. G., Radchuk, V., Rohwäder, M.-S., Stillman, R. A., Thiele, J. C. & Ayllón, D. (2020). The ODD protocol for describing agent-based and other simulation models: a second update to improve clarity, replication, and structural realism. Journal of Artificial Societies and Social Simulation 23(2):7. doi:10.18564/jasss.4259';

/** The seven ODD elements, in order (Grimm et al. 2020, Table 1). */
export const ODD_SECTIONS = [
  { key: 'purposeAndPatterns', title: 'Purpose and patterns' },
  { key: 'entities', title: 'Entities, state variables and scales' },
  { key: 'process', title: 'Process overview and scheduling' },
  { key: 'designConcepts', title: 'Design concepts' },
  { key: 'initialization', title: 'Initialization' },
  { key: 'inputData', title: 'Input data' },
  { key: 'submodels', title: 'Submodels' },
] as const;

/** The eleven design concepts, in ODD order. */
export const ODD_CONCEPTS = [
  { key: 'basicPrinciples', title: 'Basic principles' },
  { key: 'emergence', title: 'Emergence' },
  { key: 'adaptation', title: 'Adaptation' },
  { key: 'objectives', title: 'Objectives' },
  { key: 'learning', title: 'Learning' },
  { key: 'prediction', title: 'Prediction' },
  { key: 'sensing', title: 'Sensing' },
  { key: 'interaction', title: 'Interaction' },
  { key: 'stochasticity', title: 'Stochasticity' },
  { key: 'collectives', title: 'Collectives' },
  { key: 'observation', title: 'Observation' },
] as const;

export type OddSectionKey = (typeof ODD_SECTIONS)[number]['key'];
export type OddConceptKey = (typeof ODD_CONCEPTS)[number]['key'];

/** Optional ODD information a plug-in may carry beside its spec. */
export interface OddInfo {
  /** The submodel's equations, one per line (plain text or TeX). */
  equations?: string[];
}

/** A parameter in the ODD description: value, default, unit, meaning and source. */
export interface OddParam {
  name: string;
  value: unknown;
  default: unknown;
  unit: string;
  doc: string;
  /** Where the value comes from; '' when the plug-in or table gives none. */
  source: string;
}

/** A state variable of an entity in the ODD description. */
export interface OddStateVariable {
  name: string;
  type: string;
  owner: string;
  doc: string;
}

/** A submodel (plug-in) in the ODD description: its rules, parameters and sources. */
export interface OddSubmodel {
  id: string;
  family: Family | 'core';
  title: string;
  /** Stages at which it acts (its hooks), in step order; 'init' when it prepares state. */
  stages: string[];
  description: string;
  /** Equations as given by the plug-in, or null when it gives none. */
  equations: string[] | null;
  sources: string[];
  params: OddParam[];
  /** Agent columns it adds (agents.csv). */
  agentColumns: string[];
  /** Step-table columns it adds (steps.csv). */
  stepColumns: string[];
  /** ODD information the plug-in does not give. */
  lacks: string[];
}

/** The ODD protocol description of a scenario (Grimm et al. 2020), as data; `oddMarkdown` writes it as Markdown. */
export interface OddDocument {
  protocol: { name: 'ODD'; version: '2020'; reference: string };
  scenario: { name: string; title: string; file: string | null };
  sections: { number: number; key: OddSectionKey; title: string }[];
  purposeAndPatterns: { purpose: string; patterns: string[] };
  entities: {
    entities: { name: string; description: string }[];
    stateVariables: OddStateVariable[];
    scales: { temporal: string; spatial: string };
  };
  process: { overview: string; stages: { stage: string; core: string[]; plugins: string[] }[]; scheduling: string };
  designConcepts: { key: OddConceptKey; title: string; text: string }[];
  initialization: { text: string; parameters: OddParam[] };
  inputData: { text: string };
  submodels: OddSubmodel[];
  /** The metrics recorded (section 4, Observation): columns, formula in words, reference. */
  metrics: { id: string; columns: string[]; doc: string; reference: string }[];
  /** Per plug-in, the ODD information it does not give (also in each submodel's `lacks`). */
  gaps: { plugin: string; lacks: string[] }[];
}
