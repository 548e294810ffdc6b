/** Axis words and number formats: plug-in parameters from their tables, shares as percentages, y-domains with a least span. */
import { describe, expect, it } from 'vitest';
import { fmt, fmtMetric, metricTitle, paramLabel, yDomain } from '../../src/plots/labels.js';

describe('labels and formats', () => {
  it('takes words and units of a plug-in parameter from its table', () => {
    const c = paramLabel('regimes.friend-cleanup.c');
    expect(c.short).toBe('cleanup rate');
    expect(c.unit).toBe('probability');
    expect(c.title).toBe('cleanup rate (probability)');
    expect(c.doc).toMatch(/probability per step that an agent reviews/);
    expect(paramLabel('graph.meanDegree').title).toBe('mean degree (ties per agent)');
    expect(paramLabel('minorityDetectRatio').short).toBe('surveillance ratio, minority ÷ majority');
    expect(paramLabel('regimes.sesame').title).not.toContain('regimes.');
  });

  it('formats numbers for people', () => {
    expect(fmt(60587)).toBe('60,600');
    expect(fmt(60587, ',.4~r')).toBe('60,590');
    expect(fmtMetric('listed_share', 0.01234)).toBe('1.234%');
    expect(fmtMetric('tie_count', 6028)).toBe('6,028');
    expect(fmt(null)).toBe('—');
    expect(metricTitle('score_gap')).toBe('score gap, majority − minority (score units)');
    // a plug-in's own column: a count only when its name says so
    expect(metricTitle('deffuant_clusters')).toBe('deffuant clusters (count)');
    expect(metricTitle('degroot_consensus')).toBe('degroot consensus');
  });

  it('widens a flat y-domain to a tenth of the natural range and keeps zero for shares', () => {
    const [lo, hi] = yDomain('score_assortativity', [0.101, 0.102])!;
    expect(hi - lo).toBeGreaterThanOrEqual(0.2);
    expect(lo).toBeLessThan(0.101);
    expect(yDomain('listed_share', [0.02, 0.03])![0]).toBe(0);
    const wide = yDomain('gini_wealth', [0.2, 0.6])!;
    expect(wide[0]).toBeCloseTo(0.184, 3);
    expect(yDomain('mean_score', [Number.NaN])).toBeNull();
  });
});
