import { describe, expect, it } from 'vitest';
import { evaluateAssertion } from '../../src/core/check/assertions.js';
import type { ScenarioCheck } from '../../src/core/check/check-report.js';
import { escapeXmlAttribute, escapeXmlText, toJunitXml, xmlSafeText } from '../../src/export/junit.js';
import { brokenScenario, centreScenario, checkRun } from '../fixtures/check/runs.js';
import { childrenNamed, parseXml, type XmlElement } from '../fixtures/check/xml.js';

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

function count(element: XmlElement, name: string): number {
  return Number(element.attributes[name]);
}

/** Every structural rule a JUnit consumer relies on, checked on a parsed report. */
function expectValidJunit(root: XmlElement): void {
  expect(root.name).toBe('testsuites');
  for (const attribute of ['name', 'tests', 'failures', 'errors', 'skipped', 'time', 'timestamp']) expect(root.attributes).toHaveProperty(attribute);
  expect(root.attributes['timestamp']).toMatch(ISO_TIMESTAMP);
  const suites = childrenNamed(root, 'testsuite');
  expect(suites.length).toBe(root.children.length);
  const totals = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  for (const suite of suites) {
    for (const attribute of ['name', 'tests', 'failures', 'errors', 'skipped', 'time', 'timestamp']) expect(suite.attributes).toHaveProperty(attribute);
    expect(suite.attributes['timestamp']).toMatch(ISO_TIMESTAMP);
    expect(Number(suite.attributes['time'])).toBeGreaterThanOrEqual(0);
    const cases = childrenNamed(suite, 'testcase');
    expect(childrenNamed(suite, 'properties')).toHaveLength(1);
    let failures = 0;
    let errors = 0;
    let skipped = 0;
    for (const testcase of cases) {
      for (const attribute of ['classname', 'name', 'time']) expect(testcase.attributes).toHaveProperty(attribute);
      expect(Number(testcase.attributes['time'])).toBeGreaterThanOrEqual(0);
      expect(testcase.children.length).toBeLessThanOrEqual(1);
      const outcome = testcase.children[0];
      if (outcome?.name === 'failure') failures++;
      if (outcome?.name === 'error') errors++;
      if (outcome?.name === 'skipped') skipped++;
      if (outcome?.name === 'failure' || outcome?.name === 'error') {
        expect(outcome.attributes['message']).toBeTruthy();
        expect(outcome.attributes['type']).toBeTruthy();
      }
    }
    expect({ tests: count(suite, 'tests'), failures: count(suite, 'failures'), errors: count(suite, 'errors'), skipped: count(suite, 'skipped') }).toEqual({
      tests: cases.length,
      failures,
      errors,
      skipped,
    });
    totals.tests += cases.length;
    totals.failures += failures;
    totals.errors += errors;
    totals.skipped += skipped;
    // GitLab drops test cases with the same classname and name.
    const keys = cases.map((c) => `${c.attributes['classname']}\u0000${c.attributes['name']}`);
    expect(new Set(keys).size).toBe(keys.length);
  }
  expect({ tests: count(root, 'tests'), failures: count(root, 'failures'), errors: count(root, 'errors'), skipped: count(root, 'skipped') }).toEqual(totals);
}

describe('toJunitXml', () => {
  it('writes a well-formed report with consistent counts', () => {
    const root = parseXml(toJunitXml(checkRun([centreScenario(), brokenScenario()])));
    expectValidJunit(root);
    expect(root.attributes).toMatchObject({ name: 'staffsim check', tests: '7', failures: '2', errors: '1', skipped: '1', time: '3.250', timestamp: '2026-11-27T07:48:17Z' });
  });

  it('has one suite per scenario file, one case per assertion, the failure with value and bound, and properties', () => {
    const root = parseXml(toJunitXml(checkRun([centreScenario()], { quick: true })));
    const [suite] = childrenNamed(root, 'testsuite');
    if (suite === undefined) throw new Error('no suite');
    expect(suite.attributes).toMatchObject({ name: 'scenarios/centre.yaml', tests: '6', failures: '2', errors: '0', skipped: '1', time: '2.500' });
    const properties = Object.fromEntries(
      childrenNamed(childrenNamed(suite, 'properties')[0] as XmlElement, 'property').map((p) => [p.attributes['name'], p.attributes['value']]),
    );
    expect(properties).toEqual({
      scenario: 'Centre',
      seed: '42',
      replications: '20',
      quick: 'true',
      staffsimVersion: '0.1.0',
      baseline: 'scenarios/baselines/centre.json',
      tolerance: '0.02',
    });
    const [first] = childrenNamed(suite, 'testcase');
    expect(first?.attributes).toEqual({
      classname: 'scenarios/centre.yaml',
      name: 'lean: serviceLevel ≥ 0.78',
      time: '0.400',
      file: 'scenarios/centre.yaml',
      line: '40',
    });
    const failure = first?.children[0];
    expect(failure?.name).toBe('failure');
    expect(failure?.attributes).toEqual({ message: 'serviceLevel = 0.7412 ± 0.01: the mean is below min 0.78', type: 'AssertionFailed' });
    expect(failure?.text).toContain('bound: ≥ 0.78, on the mean');
    const skipped = childrenNamed(suite, 'testcase').find((c) => c.attributes['name'] === 'lean: matches baseline');
    expect(skipped?.children[0]?.name).toBe('skipped');
  });

  it('reports a file that could not be loaded as an error case', () => {
    const root = parseXml(toJunitXml(checkRun([brokenScenario()])));
    const testcase = childrenNamed(childrenNamed(root, 'testsuite')[0] as XmlElement, 'testcase')[0];
    expect(testcase?.attributes['name']).toBe('load scenario');
    expect(testcase?.children[0]?.name).toBe('error');
    expect(testcase?.children[0]?.attributes['type']).toBe('InputError');
    expect(testcase?.children[0]?.text.split('\n')).toHaveLength(2);
  });

  it('escapes & < > " \', removes ANSI colour codes and characters XML 1.0 does not allow, and shows other control characters', () => {
    const nasty = 'a<b & "c" \'d\' \u001b[31mred\u001b[0m\u0000\u0007\uFFFE\uD800';
    const scenario: ScenarioCheck = {
      ...centreScenario(),
      file: 'scenarios/<&>.yaml',
      name: nasty,
      variants: [{ name: nasty, replications: 3, seed: 1, seconds: 0.1 }],
      assertions: [evaluateAssertion({ variant: nasty, metric: 'serviceLevel', min: 0.9, confidence: 'mean', fromWildcard: false }, { mean: 0.5, ci95: 0.1 })],
      baseline: null,
    };
    const xml = toJunitXml(checkRun([scenario]));
    const root = parseXml(xml); // throws if anything is not well-formed
    expectValidJunit(root);
    expect(xml).not.toContain('\u001b');
    const suite = childrenNamed(root, 'testsuite')[0] as XmlElement;
    expect(suite.attributes['name']).toBe('scenarios/<&>.yaml');
    const testcase = childrenNamed(suite, 'testcase')[0] as XmlElement;
    expect(testcase.attributes['name']).toBe(`a<b & "c" 'd' red\\u0000\\u0007: serviceLevel ≥ 0.9`);
    expect(testcase.children[0]?.text).toContain(`variant: a<b & "c" 'd' red\\u0000\\u0007 (3 replications, seed 1)`);
  });

  it('writes an empty report for a run without scenarios', () => {
    const root = parseXml(toJunitXml(checkRun([])));
    expectValidJunit(root);
    expect(root.attributes['tests']).toBe('0');
  });

  it('matches the expected document for a small run', () => {
    const scenario: ScenarioCheck = {
      file: 'scenarios/peak.yaml',
      name: 'Peak',
      seconds: 0.42,
      variants: [{ name: 'base', replications: 5, seed: 7, seconds: 0.4 }],
      assertions: [
        evaluateAssertion({ variant: 'base', metric: 'serviceLevel', min: 0.8, confidence: 'mean', fromWildcard: false, line: 12, column: 5 }, { mean: 0.742, ci95: 0.02 }),
        evaluateAssertion({ variant: 'base', metric: 'asaSeconds', max: 30, confidence: 'strict', fromWildcard: false, line: 13, column: 5 }, { mean: 12.5, ci95: 1.5 }),
      ],
      baseline: null,
      errors: [],
    };
    expect(toJunitXml(checkRun([scenario], { seconds: 0.5, baselineDir: null }))).toMatchInlineSnapshot(`
      "<?xml version="1.0" encoding="UTF-8"?>
      <testsuites name="staffsim check" tests="2" failures="1" errors="0" skipped="0" time="0.500" timestamp="2026-11-27T07:48:17Z">
        <testsuite name="scenarios/peak.yaml" tests="2" failures="1" errors="0" skipped="0" time="0.420" timestamp="2026-11-27T07:48:17Z" file="scenarios/peak.yaml">
          <properties>
            <property name="scenario" value="Peak"/>
            <property name="seed" value="7"/>
            <property name="replications" value="5"/>
            <property name="quick" value="false"/>
            <property name="staffsimVersion" value="0.1.0"/>
          </properties>
          <testcase classname="scenarios/peak.yaml" name="base: serviceLevel ≥ 0.8" time="0.200" file="scenarios/peak.yaml" line="12">
            <failure message="serviceLevel = 0.742 ± 0.02: the mean is below min 0.8" type="AssertionFailed">assertion: expect.base.serviceLevel (scenarios/peak.yaml:12:5)
      variant: base (5 replications, seed 7)
      value: serviceLevel mean 0.742, 95% interval 0.722 … 0.762
      bound: ≥ 0.8, on the mean</failure>
          </testcase>
          <testcase classname="scenarios/peak.yaml" name="base: asaSeconds ≤ 30 (strict)" time="0.200" file="scenarios/peak.yaml" line="13"/>
        </testsuite>
      </testsuites>
      "
    `);
  });
});

describe('XML escaping', () => {
  it('escapes text and attributes', () => {
    expect(escapeXmlText('a < b & c > d')).toBe('a &lt; b &amp; c &gt; d');
    expect(escapeXmlAttribute('say "hi"\n\'there\'\t')).toBe('say &quot;hi&quot;&#10;&apos;there&apos;&#9;');
  });

  it('keeps tabs, line breaks and characters beyond the BMP, and shows the rest of the control characters as escapes', () => {
    expect(xmlSafeText('a\tb\nc\rd\u0001e\u001fF😀\uFFFF')).toBe('a\tb\nc\rd\\u0001e\\u001fF😀');
    expect(xmlSafeText('x\u009b31my\u202egnp.exe')).toBe('x\\u009b31my\\u202egnp.exe');
    expect(xmlSafeText('\u001b[1;31mbold red\u001b[0m')).toBe('bold red');
  });
});
