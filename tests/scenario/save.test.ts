import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { applyOverride, parseScenarioText } from '../../src/scenario/load.js';
import { scenarioYaml } from '../../src/scenario/save.js';

const root = join(import.meta.dirname, '..', '..');
const municipalText = readFileSync(join(root, 'scenarios', 'municipal-contact-centre.yaml'), 'utf8');

describe('scenarioYaml', () => {
  it('writes a document that reads back as the same document', () => {
    const document = { name: 'x', calendar: { open: '08:00', close: '16:00' }, handling: { handleTime: { distribution: 'exponential', meanSeconds: 180 } }, staffing: { agents: 12 } };
    const text = scenarioYaml(document);
    expect(parse(text)).toEqual(document);
    expect(text).toContain('handleTime: { distribution: exponential, meanSeconds: 180 }');
    expect(text).toContain('open: "08:00"');
  });

  it('keeps the comments and layout of the original and changes only what was edited', () => {
    const original = parseScenarioText(municipalText).document;
    let edited = applyOverride(original, 'groups.front-line.staffing.target.serviceLevel', 0.7);
    edited = applyOverride(edited, 'variants.switchboard.groups.front-line.handling.handleTime', { distribution: 'lognormal', meanSeconds: 100, cv: 1 });
    const text = scenarioYaml(edited, { originalText: municipalText, headerComment: 'Edited in a test.' });
    expect(parse(text)).toEqual(edited);
    expect(text.startsWith('# Edited in a test.\n')).toBe(true);
    // Comments with sources survive, on their lines.
    expect(text).toContain('# Average municipal monthly pay 32,200 SEK');
    expect(text).toMatch(/firstContactResolution: 0\.53 # KKiK 2018/);
    expect(text).toMatch(/target: \{ serviceLevel: 0\.7, answerWithinSeconds: 60, method: erlang-a \}/);
    expect(text).toMatch(/handleTime: \{ distribution: lognormal, meanSeconds: 100, cv: 1\.0 \} # ASSUMPTION: a switchboard routes/);
    // Untouched values keep their source form.
    expect(text).toContain('handleTime: { distribution: lognormal, meanSeconds: 300, cv: 1.0 }');
    const reloaded = parseScenarioText(text);
    const mediocre = reloaded.variants.find((v) => v.name === 'mediocre')?.model.network?.groups[0]?.staffing;
    expect(mediocre?.kind === 'target' && mediocre.target.serviceLevel).toBe(0.7);
  });

  it('adds new keys and removes deleted ones', () => {
    const original = parseScenarioText(municipalText).document;
    let edited = applyOverride(original, 'variants.mediocre.customers.patience', { distribution: 'exponential', meanSeconds: 90 });
    edited = applyOverride(edited, 'costs.fixedPerDay', undefined);
    const text = scenarioYaml(edited, { originalText: municipalText });
    expect(parse(text)).toEqual(edited);
    expect(text).toContain('patience: { distribution: exponential, meanSeconds: 90 }');
    expect(text).not.toContain('fixedPerDay');
  });

  it('writes afresh when the original text is not a YAML mapping', () => {
    const document = { name: 'y', staffing: { agents: 3 } };
    expect(parse(scenarioYaml(document, { originalText: '- a list\n- not a scenario\n' }))).toEqual(document);
    expect(parse(scenarioYaml(document, { originalText: 'name: [unclosed' }))).toEqual(document);
  });
});
