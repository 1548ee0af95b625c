/**
 * Saving an edited scenario document as YAML text.
 *
 * When the text of the file it came from is given, the edit is applied to that text's YAML document in place: only
 * the values that changed are rewritten, so the file's comments (its sources and ASSUMPTION notes), key order and
 * flow mappings survive. Without it, or if the in-place result would not read back as the same document, the
 * document is written afresh.
 */
import { isDeepStrictEqual } from 'node:util';
import { Document, isMap, isScalar, isSeq, parse, parseDocument, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { Node } from 'yaml';
import { isPlainObject } from './issues.js';

/** Long text folded near 110 columns, as in the shipped files. */
const TO_STRING = { lineWidth: 110 } as const;

export interface ScenarioYamlOptions {
  /** The YAML (or JSON) text the document was read from, to keep its comments and layout. */
  readonly originalText?: string;
  /** A comment for the top of the file (one or more lines, without `#`). */
  readonly headerComment?: string;
}

/**
 * The YAML text of a scenario document (a plain JSON value such as `LoadedScenario.document`).
 * Reading the text back with `yaml.parse` gives the same document.
 *
 * @example scenarioYaml({ name: 'x', staffing: { agents: 12 } }) // 'name: x\nstaffing:\n  agents: 12\n'
 */
export function scenarioYaml(document: unknown, options: ScenarioYamlOptions = {}): string {
  const edited = options.originalText === undefined ? null : editedInPlace(options.originalText, document, options.headerComment);
  if (edited !== null) return edited;
  const fresh = new Document(document);
  flowSmallMappings(fresh.contents);
  if (options.headerComment !== undefined) fresh.commentBefore = commentLines(options.headerComment);
  return fresh.toString(TO_STRING);
}

function editedInPlace(originalText: string, document: unknown, headerComment: string | undefined): string | null {
  let yamlDocument: Document;
  try {
    yamlDocument = parseDocument(originalText);
  } catch {
    return null;
  }
  if (yamlDocument.errors.length > 0 || !isMap(yamlDocument.contents)) return null;
  yamlDocument.contents = updateNode(yamlDocument, yamlDocument.contents, document) as YAMLMap;
  if (headerComment !== undefined) {
    const existing = yamlDocument.commentBefore;
    yamlDocument.commentBefore = existing === null || existing === undefined || existing === '' ? commentLines(headerComment) : `${commentLines(headerComment)}\n\n${existing}`;
  }
  const text = yamlDocument.toString(TO_STRING);
  // The in-place edit must read back as exactly the edited document; if anything is off, write afresh.
  try {
    return isDeepStrictEqual(parse(text), document) ? text : null;
  } catch {
    return null;
  }
}

/** `value` written into `node`, keeping the node (and its comments) wherever the shape allows. */
function updateNode(document: Document, node: unknown, value: unknown): unknown {
  if (isMap(node) && isPlainObject(value)) {
    const keep = new Set(Object.keys(value));
    node.items = node.items.filter((pair) => keep.has(keyOf(pair.key)));
    const present = new Set<string>();
    for (const pair of node.items) {
      const key = keyOf(pair.key);
      present.add(key);
      pair.value = updateNode(document, pair.value, value[key]);
    }
    for (const [key, child] of Object.entries(value)) {
      if (!present.has(key)) node.add(document.createPair(key, freshNode(document, child)));
    }
    return node;
  }
  if (isSeq(node) && Array.isArray(value) && node.items.length === value.length) {
    node.items = node.items.map((item, i) => updateNode(document, item, value[i]));
    return node;
  }
  if (isScalar(node) && (value === null || typeof value !== 'object')) {
    if (node.value !== value) {
      node.value = value;
      // The source form (e.g. "1.0", a quoted string) described the old value.
      delete node.source;
      if (typeof value !== 'string') node.type = Scalar.PLAIN;
    }
    return node;
  }
  const replacement = freshNode(document, value);
  // A list or mapping written inline stays inline.
  if ((isSeq(node) || isMap(node)) && node.flow === true && (replacement instanceof YAMLSeq || replacement instanceof YAMLMap)) replacement.flow = true;
  return replacement;
}

function freshNode(document: Document, value: unknown): Node {
  const node = document.createNode(value);
  flowSmallMappings(node);
  return node;
}

/**
 * Distributions and lists of numbers are written inline, as in the shipped files; times of day ("08:00") are
 * quoted, as YAML 1.1 readers would take them for numbers.
 */
function flowSmallMappings(node: unknown): void {
  if (isScalar(node) && typeof node.value === 'string' && /^\d{1,2}:\d{2}$/.test(node.value)) node.type = Scalar.QUOTE_DOUBLE;
  if (isMap(node)) {
    if (node.has('distribution') && node.items.every((pair) => isScalar(pair.value))) node.flow = true;
    for (const pair of node.items) flowSmallMappings(pair.value);
  } else if (isSeq(node)) {
    if (node.items.length > 0 && node.items.every((item) => isScalar(item) && typeof item.value === 'number')) node.flow = true;
    for (const item of node.items) flowSmallMappings(item);
  }
}

function keyOf(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}

function commentLines(text: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? '' : ` ${line}`))
    .join('\n');
}
