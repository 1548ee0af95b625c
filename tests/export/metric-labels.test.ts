import { describe, expect, it } from 'vitest';
import { ALL_METRIC_NAMES, GROUP_METRIC_NAMES, METRIC_NAMES } from '../../src/core/metrics.js';
import { guardFormula } from '../../src/export/cell-text.js';
import {
  formatEstimate,
  formatMetricValue,
  formatRelative,
  formatSignedDifference,
  formatSignificant,
  GROUP_METRIC_LABELS,
  KEY_METRICS,
  METRIC_LABELS,
  metricCiHeader,
  metricHeader,
  metricKind,
} from '../../src/export/metric-labels.js';

describe('metric labels', () => {
  it('labels every metric of SPEC §4 and §7 once, with a distinct label, and every group metric', () => {
    expect(Object.keys(METRIC_LABELS).sort()).toEqual([...ALL_METRIC_NAMES].sort());
    const labels = ALL_METRIC_NAMES.map((name) => METRIC_LABELS[name].label);
    expect(Object.keys(GROUP_METRIC_LABELS).sort()).toEqual([...GROUP_METRIC_NAMES].sort());
    expect(new Set(labels).size).toBe(labels.length);
    for (const name of KEY_METRICS) expect(METRIC_NAMES).toContain(name);
  });

  it('puts the unit of the raw value in data headers: shares 0..1, seconds, hours, money in the currency', () => {
    expect(metricHeader('serviceLevel', 'SEK')).toBe('Service level (share 0-1)');
    expect(metricCiHeader('serviceLevel', 'SEK')).toBe('Service level ±95% (share 0-1)');
    expect(metricHeader('asaSeconds', 'SEK')).toBe('ASA (s)');
    expect(metricHeader('paidAgentHours', 'SEK')).toBe('Paid agent hours (h)');
    expect(metricHeader('totalCost', 'EUR')).toBe('Total cost (EUR)');
    expect(metricHeader('cases', 'SEK')).toBe('Cases (count)');
    expect(metricHeader('attemptsPerCase', 'SEK')).toBe('Attempts per case (ratio)');
  });

  it('gives every metric whose name says a unit the matching kind', () => {
    for (const name of METRIC_NAMES) {
      if (name.endsWith('Seconds')) expect(metricKind(name)).toBe('seconds');
      if (name.endsWith('Hours')) expect(metricKind(name)).toBe('hours');
      if (name.endsWith('Cost') || name === 'costPerResolvedCase') expect(metricKind(name)).toBe('money');
      if (name.endsWith('Share') || name.includes('ShareOf')) expect(metricKind(name)).toBe('share');
    }
  });

  it('formats values for people with their units', () => {
    expect(formatMetricValue('share', 0.8123, 'SEK')).toBe('81.2%');
    expect(formatMetricValue('seconds', 7.83, 'SEK')).toBe('7.8 s');
    expect(formatMetricValue('seconds', Number.POSITIVE_INFINITY, 'SEK')).toBe('∞');
    expect(formatMetricValue('hours', 1234.56, 'SEK')).toBe('1,234.6 h');
    expect(formatMetricValue('money', 1234.5, 'SEK')).toBe('1,235 SEK');
    expect(formatMetricValue('money', Number.NaN, 'SEK')).toBe('–');
    expect(formatMetricValue('count', 1800, 'SEK')).toBe('1,800.0');
    expect(formatMetricValue('ratio', 1.7, 'SEK')).toBe('1.70');
    expect(formatEstimate('share', 0.62, 0.0124, 'SEK')).toBe('62.0% ± 1.2%');
    expect(formatEstimate('share', 0.62, 0, 'SEK')).toBe('62.0%');
    expect(formatEstimate('seconds', Number.POSITIVE_INFINITY, 3, 'SEK')).toBe('∞');
  });

  it('formats differences with a sign, shares in percentage points', () => {
    expect(formatSignedDifference('share', 0.031, 'SEK')).toBe('+3.1 pp');
    expect(formatSignedDifference('money', -1500, 'SEK')).toBe('-1,500 SEK');
    expect(formatSignedDifference('seconds', 0, 'SEK')).toBe('0.0 s');
    expect(formatRelative(0.0456)).toBe('+4.6%');
    expect(formatRelative(null)).toBe('–');
    expect([true, false, null].map(formatSignificant)).toEqual(['yes', 'no', '–']);
  });
});

describe('guardFormula', () => {
  it.each(['=SUM(1)', '+1', '-1', '@x', '\tx', '\rx'])('prefixes %j with a quote', (text) => {
    expect(guardFormula(text)).toBe(`'${text}`);
  });

  it.each(['world-class', 'a=b', '', "'=x", '1+1'])('leaves %j alone', (text) => {
    expect(guardFormula(text)).toBe(text);
  });
});
