/**
 * Source text → plain document, keeping the YAML syntax tree so that any path can be located as
 * line:column. JSON is parsed by the same YAML parser (JSON is YAML 1.2), so positions work for both.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Alias, type Document, type Node } from 'yaml';
import type { InputIssue } from '../core/errors.js';
import type { Path } from './issues.js';
import { SCENARIO_LIMITS } from './limits.js';

export interface SourcePosition {
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
}

export interface ParsedSource {
  /** The document as a plain JSON value (`null` for an empty text). */
  readonly document: unknown;
  /**
   * Where the value at `path` is: the value itself for a scalar, its key for a mapping or list under a key;
   * the key with `at: 'key'`; for a missing path, the deepest part that exists.
   */
  locate(path: Path, at?: 'key'): SourcePosition | undefined;
}

export type SourceFormat = 'yaml' | 'json';

/** YAML errors keep a code frame after "at line L, column C:"; the location is reported separately. */
function shortMessage(message: string): string {
  return message.replace(/\s+at line \d+, column \d+:[\s\S]*$/, '').trim();
}

/** What `parseSource` accepts before it refuses a text (see `SCENARIO_LIMITS`). */
export interface SourceLimits {
  /** Commas and line breaks in the text: an upper bound on the values the reader must parse. */
  readonly sourceValues: number;
  /** Values (scalars, lists, mappings) once every alias is expanded. */
  readonly expandedValues: number;
  /** Levels of nested lists and mappings. */
  readonly nestingDepth: number;
  /** Aliases (`*name`): the YAML reader resolves each by scanning the ones before it. */
  readonly aliases: number;
}

/**
 * Parses YAML or JSON text.
 *
 * Bounded: a text with more than `limits.sourceValues` values is refused before it is parsed (the YAML reader's time
 * and memory grow with them), and one whose aliases expand it beyond `limits.expandedValues` values — an "alias
 * bomb", or simply too big — is refused before it is expanded, with the location of the alias that expands most.
 * Any number of aliases is fine within that. An alias without an anchor is located too.
 * @returns the document and a locator, or the syntax errors (each with line and column)
 * @example parseSource('a:\n  b: 1\n', 'yaml') // ok; source.locate(['a', 'b']) // { line: 2, column: 6 }
 */
export function parseSource(
  text: string,
  format: SourceFormat,
  limits: SourceLimits = SCENARIO_LIMITS,
): { readonly ok: true; readonly source: ParsedSource } | { readonly ok: false; readonly issues: readonly InputIssue[] } {
  const tooLarge = countValues(text, limits.sourceValues);
  if (tooLarge !== null) {
    return {
      ok: false,
      issues: [
        {
          line: tooLarge.line,
          column: 1,
          path: '',
          code: 'too_large',
          message: `the file holds more than ${count(limits.sourceValues)} values (counted as commas and line breaks; the limit is reached on this line); see "Limits" in scenarios/README.md`,
        },
      ],
    };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, merge: true, uniqueKeys: true, prettyErrors: true });
  const language = format === 'json' ? 'JSON' : 'YAML';
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((error) => {
        const start = error.linePos?.[0];
        return {
          ...(start === undefined ? {} : { line: start.line, column: start.col }),
          path: '',
          code: `${format}_syntax`,
          message: `${language} syntax error (${error.code}): ${shortMessage(error.message)}`,
        };
      }),
    };
  }
  const shapeIssues = checkShape(doc, lineCounter, limits);
  if (shapeIssues.length > 0) return { ok: false, issues: shapeIssues };
  let document: unknown;
  try {
    // The expanded size is checked above, so the reader's own alias limit (100 uses of an anchor) is not needed.
    document = doc.toJS({ maxAliasCount: -1 });
  } catch (error) {
    return { ok: false, issues: [{ line: 1, column: 1, path: '', code: `${format}_syntax`, message: `${language} error: ${(error as Error).message}` }] };
  }
  return { ok: true, source: { document, locate: (path, at) => locateIn(doc, lineCounter, path, at) } };
}

/** The line on which the text has more than `max` commas and line breaks, or null when it has at most `max`. */
function countValues(text: string, max: number): { line: number } | null {
  let values = 0;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) line++;
    if ((code === 10 || code === 44) && ++values > max) return { line };
  }
  return null;
}

/**
 * Walks the syntax tree once, sizing every node with its aliases expanded (each anchored node is sized once, so this
 * is linear in the text even for an alias bomb): aliases without an anchor or inside the node they name, more aliases
 * than the limit, nesting deeper than the limit and an expanded size above the limit are issues, located.
 */
function checkShape(doc: Document, lines: LineCounter, limits: SourceLimits): InputIssue[] {
  const issues: InputIssue[] = [];
  const at = (node: unknown): { line?: number; column?: number } => {
    const position = positionOf(node as Node, lines);
    return position === undefined ? {} : { line: position.line, column: position.column };
  };
  // Each alias names the last node anchored with its name before it, in document order (as the YAML reader resolves
  // it); one pass finds them all.
  const targets = new Map<Alias, Node | undefined>();
  const anchored = new Map<string, Node>();
  visit(doc, {
    Node(_key, node) {
      if (isAlias(node)) {
        targets.set(node, anchored.get(node.source));
        if (targets.size === limits.aliases + 1) {
          issues.push({ ...at(node), path: '', code: 'too_many', message: `more than ${count(limits.aliases)} aliases; see "Limits" in scenarios/README.md` });
        }
      } else if (node.anchor !== undefined && node.anchor !== null && node.anchor !== '') anchored.set(node.anchor, node);
    },
  });
  if (issues.length > 0) return issues;
  const sizes = new Map<Node, number>();
  const inProgress = new Set<Node>();
  let largest: { node: Node; size: number } | null = null;
  let tooDeep = false;
  const sizeOf = (node: unknown, depth: number): number => {
    if (isAlias(node)) {
      const target = targets.get(node);
      if (target === undefined) {
        issues.push({ ...at(node), path: '', code: 'unresolved_alias', message: `the alias *${node.source} has no anchor &${node.source} before it` });
        return 1;
      }
      if (inProgress.has(target)) {
        issues.push({ ...at(node), path: '', code: 'unresolved_alias', message: `the alias *${node.source} is inside the node it names` });
        return 1;
      }
      const size = sizeOf(target, depth);
      if (largest === null || size > largest.size) largest = { node, size };
      return size;
    }
    if (!isMap(node) && !isSeq(node)) return 1;
    const known = sizes.get(node);
    if (known !== undefined) return known;
    if (depth > limits.nestingDepth) {
      if (!tooDeep) issues.push({ ...at(node), path: '', code: 'too_deep', message: `nested more than ${limits.nestingDepth} levels deep; see "Limits" in scenarios/README.md` });
      tooDeep = true;
      return 1;
    }
    inProgress.add(node);
    let size = 1;
    if (isMap(node)) for (const pair of node.items) size += sizeOf(pair.key, depth + 1) + sizeOf(pair.value, depth + 1);
    else for (const item of node.items) size += sizeOf(item, depth + 1);
    inProgress.delete(node);
    sizes.set(node, size);
    return size;
  };
  const total = sizeOf(doc.contents, 0);
  if (issues.length > 0) return issues;
  if (total > limits.expandedValues) {
    const bomb = largest as { node: Node; size: number } | null;
    return [
      {
        ...(bomb === null ? { line: 1, column: 1 } : at(bomb.node)),
        path: '',
        code: 'too_large',
        message:
          `the document expands to ${count(total)} values, more than ${count(limits.expandedValues)}` +
          (bomb === null ? '' : ` (this alias alone expands to ${count(bomb.size)}: aliases of aliases multiply)`) +
          '; see "Limits" in scenarios/README.md',
      },
    ];
  }
  return [];
}

function count(value: number): string {
  return Number.isFinite(value) ? value.toLocaleString('en-US') : 'more than can be counted';
}

function positionOf(node: { range?: readonly number[] | null | undefined } | null | undefined, lines: LineCounter): SourcePosition | undefined {
  const offset = node?.range?.[0];
  if (offset === undefined) return undefined;
  const { line, col } = lines.linePos(offset);
  return { line, column: col };
}

function locateIn(doc: Document, lines: LineCounter, path: Path, at: 'key' | undefined): SourcePosition | undefined {
  const resolve = (node: unknown): unknown => (isAlias(node) ? node.resolve(doc) : node);
  let node: unknown = resolve(doc.contents);
  let keyNode: Node | undefined;
  let found = 0;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (pair === undefined) break;
      keyNode = pair.key as Node;
      node = resolve(pair.value);
    } else if (isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
      keyNode = undefined;
      node = resolve(node.items[segment]);
    } else break;
    found++;
  }
  const valueNode = node as Node | null;
  if (found === path.length) {
    const isValue = isScalar(valueNode) && valueNode.source !== '' && valueNode.value !== null;
    if (at === 'key' && keyNode !== undefined) return positionOf(keyNode, lines);
    if (isValue || keyNode === undefined) return positionOf(valueNode, lines) ?? positionOf(keyNode, lines) ?? { line: 1, column: 1 };
    return positionOf(keyNode, lines);
  }
  // A missing key: point at its parent (the parent's key when it has one).
  return positionOf(keyNode, lines) ?? positionOf(valueNode, lines) ?? { line: 1, column: 1 };
}
