/**
 * The act table of the `rongcheng` regime: each act with its domain, its points and how often a
 * record of that domain is that act.
 *
 * Points: Rongcheng personal credit evaluation standards (chinalawtranslate.com) [P]: failure to
 * perform a contract −20; found in breach when sued −50; bank arrears −10 per monthly cycle (one
 * cycle per record here); private-lending breach −20; illegal fundraising −40; guarantee breach −20;
 * debt judgment −30; pyramid selling or fraud −30; counterfeit goods −30; other commercial cases
 * −5 to −50 (−20 here); late public-service fees −20; arrears confirmed by a court −50; tampering
 * with heating −50; stealing utilities −60; destroying public equipment −100. Traffic ticket −5,
 * heroic act +30, drunk driving → grade C [S]; blood donation +10 (Suqian, The Economist 2019) [S].
 * All in docs/calibration.md#rongcheng-municipal-points.
 * Shares within a domain: modelling assumptions [W] (no source gives act frequencies).
 */
import { DOMAIN_INDEX as D } from '../../core/population.js';

/** key, domain, points, default share within its domain. */
export const ACTS = [
  ['bankArrears', D.finance, -10, 0.4], ['contractBreach', D.finance, -20, 0.15], ['suedBreach', D.finance, -50, 0.05],
  ['privateLendingBreach', D.finance, -20, 0.1], ['guaranteeBreach', D.finance, -20, 0.05], ['debtJudgment', D.finance, -30, 0.1],
  ['courtArrears', D.finance, -50, 0.05], ['lateFees', D.finance, -20, 0.1],
  ['fraud', D.commerce, -30, 0.3], ['counterfeit', D.commerce, -30, 0.3], ['illegalFundraising', D.commerce, -40, 0.1],
  ['otherCommercial', D.commerce, -20, 0.3],
  ['trafficTicket', D.law, -5, 0.85], ['drunkDriving', D.law, 0, 0.05], ['heatingTampering', D.law, -50, 0.04],
  ['utilityTheft', D.law, -60, 0.03], ['publicEquipment', D.law, -100, 0.03],
  ['heroicAct', D.civic, 30, 0.1], ['bloodDonation', D.civic, 10, 0.9],
] as const;
export type Act = (typeof ACTS)[number][0];
export const KEYS: Act[] = ACTS.map((a) => a[0]);
/** The domain whose records are rewards (good deeds); every other domain's are deductions. */
export const GOOD_DOMAIN = D.civic;
/** Column 2 (points) or 3 (shares) of the table as a record by act. */
export const actTable = (col: 2 | 3) => Object.fromEntries(ACTS.map((a) => [a[0], a[col]])) as Record<Act, number>;
