/**
 * `baseline`: no scoring. The control of every experiment: agents live, act and are observed,
 * but no regime turns records into scores, lists or sanctions (docs/model.md#emergence-not-assertion).
 */
import { defineRegime } from '../../core/contracts.js';

export const baseline = defineRegime({
  id: 'baseline',
  title: 'No scoring (control)',
  summary: 'no scores, lists or sanctions: the control condition',
  doc: 'Nothing is scored. Acts are still observed and recorded, so outcomes under any regime can be compared with this control on the same seed.',
  sources: ['docs/model.md#emergence-not-assertion: each experiment has a control where the mechanism is off'],
  params: {},
  create() {
    return {};
  },
});
