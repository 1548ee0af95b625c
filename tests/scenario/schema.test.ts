import { describe, expect, it } from 'vitest';
import { ALL_METRIC_NAMES } from '../../src/core/metrics.js';
import { closestName, formatPath, parsePath } from '../../src/scenario/issues.js';
import { scenarioJsonSchema } from '../../src/scenario/load.js';

interface JsonSchemaNode {
  $schema?: string;
  title?: string;
  type?: string;
  default?: unknown;
  description?: string;
  properties?: Record<string, JsonSchemaNode>;
  additionalProperties?: boolean | JsonSchemaNode;
  required?: string[];
  anyOf?: JsonSchemaNode[];
  oneOf?: JsonSchemaNode[];
}

describe('scenarioJsonSchema', () => {
  const schema = scenarioJsonSchema() as JsonSchemaNode;

  it('is a JSON Schema object with every top-level section', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties ?? {})).toEqual([
      'name',
      'description',
      'currency',
      'calendar',
      'demand',
      'handling',
      'customers',
      'staffing',
      'groups',
      'transfers',
      'channels',
      'serviceLevel',
      'costs',
      'simulation',
      'variants',
      'expect',
      'assumptions',
    ]);
    expect(schema.additionalProperties).toBe(false);
    // staffing and handling.handleTime are required without groups, and live in the groups with them: the rules say so.
    expect(schema.required).toEqual(['name', 'calendar', 'demand']);
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });

  it('describes agent groups: staffing and handling required in each, outcome shares, maxQueue, tasks and costs', () => {
    const groups = schema.properties?.['groups'] as JsonSchemaNode & { additionalProperties?: JsonSchemaNode };
    const group = groups.additionalProperties as JsonSchemaNode;
    expect(group.required).toEqual(['staffing', 'handling']);
    expect(Object.keys(group.properties ?? {})).toEqual(['staffing', 'handling', 'maxQueue', 'tasks', 'costs']);
    expect(group.properties?.['maxQueue']?.description).toContain('blocked');
    expect(Object.keys(group.properties?.['handling']?.properties?.['outcomes']?.properties ?? {})).toEqual(['resolved', 'transfer', 'callback', 'unresolved']);
    const channel = (schema.properties?.['channels'] as JsonSchemaNode & { additionalProperties?: JsonSchemaNode }).additionalProperties as JsonSchemaNode;
    expect(channel.required).toEqual(['group', 'handleTime']);
  });

  it('carries units, defaults and descriptions', () => {
    const calendar = schema.properties?.['calendar'];
    expect(calendar?.required).toEqual(['open', 'close']);
    expect(calendar?.properties?.['intervalMinutes']).toMatchObject({ type: 'integer', default: 30 });
    expect(calendar?.properties?.['intervalMinutes']?.description).toContain('minutes');
    expect(schema.properties?.['currency']).toMatchObject({ default: 'SEK' });
    expect(schema.properties?.['simulation']?.default).toEqual({ replications: 20, seed: 1, warmupHours: 0 });
    const handleTime = schema.properties?.['handling']?.properties?.['handleTime'];
    expect(handleTime?.oneOf).toHaveLength(7);
  });

  it('describes variants as partial scenarios and expect by metric name', () => {
    const variant = schema.properties?.['variants']?.additionalProperties as JsonSchemaNode;
    expect(JSON.stringify(variant)).toContain('"staffing"');
    const metrics = (schema.properties?.['expect']?.additionalProperties as JsonSchemaNode).properties;
    expect(Object.keys(metrics ?? {})).toEqual([...ALL_METRIC_NAMES]);
  });

  it('returns a fresh copy each time', () => {
    const first = scenarioJsonSchema() as JsonSchemaNode;
    first.title = 'changed';
    expect((scenarioJsonSchema() as JsonSchemaNode).title).toBe('staffsim scenario');
  });
});

describe('paths', () => {
  it.each([
    [['staffing', 'shifts', 1, 'end'], 'staffing.shifts[1].end'],
    [['variants', 'world-class', 'staffing'], 'variants.world-class.staffing'],
    [['expect', '*', 'serviceLevel'], 'expect.*.serviceLevel'],
    [['variants', 'a.b c'], 'variants["a.b c"]'],
    [[], ''],
  ])('formats %j as %j and parses it back', (path, text) => {
    expect(formatPath(path)).toBe(text);
    if (text !== '') expect(parsePath(text)).toEqual(path);
  });

  it('suggests close names', () => {
    expect(closestName('intervalMinuts', ['days', 'intervalMinutes'])).toBe('intervalMinutes');
    expect(closestName('monday', ['mon', 'tue'])).toBe('mon');
    expect(closestName('xyz', ['agents', 'target'])).toBeUndefined();
  });
});
