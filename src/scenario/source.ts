/**
 * Source text → plain document, keeping the YAML syntax tree so that any path can be located as
 * line:column. JSON is parsed by the same YAML parser (JSON is YAML 1.2), so positions work for both.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { InputIssue } from '../core/errors.js';
import type { Path } from './issues.js';

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

/**
 * Parses YAML or JSON text.
 * @returns the document and a locator, or the syntax errors (each with line and column)
 * @example parseSource('a:\n  b: 1\n', 'yaml') // ok; source.locate(['a', 'b']) // { line: 2, column: 6 }
 */
export function parseSource(
  text: string,
  format: SourceFormat,
): { readonly ok: true; readonly source: ParsedSource } | { readonly ok: false; readonly issues: readonly InputIssue[] } {
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
  let document: unknown;
  try {
    document = doc.toJS();
  } catch (error) {
    return { ok: false, issues: [{ path: '', code: `${format}_syntax`, message: `${language} error: ${(error as Error).message}` }] };
  }
  return { ok: true, source: { document, locate: (path, at) => locateIn(doc, lineCounter, path, at) } };
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
    if (isValue || keyNode === undefined) return positionOf(valueNode, lines) ?? positionOf(keyNode, lines);
    return positionOf(keyNode, lines);
  }
  // A missing key: point at its parent (the parent's key when it has one).
  return positionOf(keyNode, lines) ?? positionOf(valueNode, lines) ?? { line: 1, column: 1 };
}
