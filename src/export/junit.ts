/**
 * JUnit XML of a `staffsim check` run, in the de-facto shape that GitHub Actions reporters, GitLab and Jenkins read
 * (TOOLCHAIN §5; the shape vitest writes): one `<testsuite>` per scenario file, one `<testcase>` per assertion, per
 * variant compared with a baseline and per error, with `classname` = the scenario file.
 *
 * - `<failure message type>` for a failed assertion or baseline comparison, `<error>` for a file that could not be
 *   checked, `<skipped>` for a variant without a baseline; the body holds the numbers behind the message.
 * - Counts on `<testsuites>` and `<testsuite>` are those of the test cases inside; `time` in seconds; `timestamp`
 *   ISO 8601 in UTC without fractions; `<properties>` per suite: scenario, seed, replications, quick, `modifiedWith`
 *   (the `--set` values, when the scenarios were changed), version, and the baseline file and tolerance when there is one.
 * - UTF-8; `& < > " '` escaped; ANSI escape sequences removed, other control characters shown as escapes, and the
 *   characters XML 1.0 does not allow at all removed.
 *
 * Pure: the run (with its timestamp) comes in, the text goes out.
 */
import { checkCases, countCases, type CheckCase, type CheckRun, type ScenarioCheck } from '../core/check/check-report.js';
import { terminalText } from '../core/printable.js';

/**
 * Text that XML 1.0 can carry, safe to show: removes ANSI escape sequences (colour codes), shows every other control
 * character but tab, line feed and carriage return as an escape (`\u0007`, as `terminalText` does: C0, DEL, C1 and
 * bidirectional overrides), then removes what XML 1.0 does not allow at all (lone surrogates, U+FFFE, U+FFFF).
 * @example xmlSafeText('\u001b[31mred\u001b[0m\u0000') // 'red\\u0000'
 */
export function xmlSafeText(text: string): string {
  const withoutAnsi = text.replace(/\u001b\[[0-?]*[ -/]*[@-~]|\u001b[@-Z\\-_]/g, '');
  let out = '';
  for (const char of terminalText(withoutAnsi)) {
    const code = char.codePointAt(0) as number;
    const allowed =
      code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
    if (allowed) out += char;
  }
  return out;
}

/** Escapes text for an element's content. @example escapeXmlText('a < b & c') // 'a &lt; b &amp; c' */
export function escapeXmlText(text: string): string {
  return xmlSafeText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Escapes text for a double-quoted attribute; line breaks and tabs become character references so that parsers keep
 * them (they would otherwise normalise them to spaces).
 * @example escapeXmlAttribute('say "hi"\n') // 'say &quot;hi&quot;&#10;'
 */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

/** Seconds with millisecond precision. */
function seconds(value: number): string {
  return (Number.isFinite(value) && value > 0 ? value : 0).toFixed(3);
}

function attributes(pairs: readonly (readonly [string, string | number | undefined])[]): string {
  return pairs
    .filter((pair): pair is readonly [string, string | number] => pair[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXmlAttribute(String(value))}"`)
    .join('');
}

/** One value for all variants, or `name=value, …` when they differ. */
function perVariant(scenario: ScenarioCheck, value: (variant: ScenarioCheck['variants'][number]) => number): string | undefined {
  if (scenario.variants.length === 0) return undefined;
  const values = scenario.variants.map(value);
  if (values.every((v) => v === values[0])) return String(values[0]);
  return scenario.variants.map((variant, i) => `${variant.name}=${String(values[i])}`).join(', ');
}

function properties(run: CheckRun, scenario: ScenarioCheck): string {
  const list: [string, string | undefined][] = [
    ['scenario', scenario.name ?? undefined],
    ['seed', perVariant(scenario, (v) => v.seed)],
    ['replications', perVariant(scenario, (v) => v.replications)],
    ['quick', String(run.quick)],
    // The scenarios were checked with these values set in every variant, not as the files have them.
    ['modifiedWith', (run.overrides ?? []).length === 0 ? undefined : `--set ${(run.overrides ?? []).join(' --set ')}`],
    ['staffsimVersion', run.staffsimVersion],
  ];
  if (scenario.baseline !== null) {
    list.push(['baseline', scenario.baseline.file]);
    if (scenario.baseline.mode === 'compare') list.push(['tolerance', String(run.tolerance)]);
  }
  const shown = list.filter((entry): entry is [string, string] => entry[1] !== undefined);
  return `    <properties>\n${shown.map(([name, value]) => `      <property${attributes([['name', name], ['value', value]])}/>\n`).join('')}    </properties>\n`;
}

function testcase(scenario: ScenarioCheck, entry: CheckCase): string {
  const head = `    <testcase${attributes([
    ['classname', scenario.file],
    ['name', entry.name],
    ['time', seconds(entry.seconds)],
    ['file', entry.file ?? scenario.file],
    ['line', entry.line],
  ])}`;
  if (entry.status === 'passed') return `${head}/>\n`;
  if (entry.status === 'skipped') return `${head}>\n      <skipped${attributes([['message', entry.message]])}/>\n    </testcase>\n`;
  const element = entry.status === 'failed' ? 'failure' : 'error';
  return `${head}>\n      <${element}${attributes([['message', entry.message], ['type', entry.type]])}>${escapeXmlText(entry.detail)}</${element}>\n    </testcase>\n`;
}

/**
 * The JUnit XML document of a check run.
 * @example toJunitXml(run).startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="staffsim check"') // true
 */
export function toJunitXml(run: CheckRun): string {
  const suites = run.scenarios.map((scenario) => ({ scenario, cases: checkCases(scenario, run) }));
  const all = countCases(suites.flatMap((suite) => suite.cases));
  const counts = (c: ReturnType<typeof countCases>): [string, number][] => [
    ['tests', c.tests],
    ['failures', c.failed],
    ['errors', c.errors],
    ['skipped', c.skipped],
  ];
  let xml = '<?xml version="1.0" encoding="UTF-8"?>\n';
  xml += `<testsuites${attributes([['name', 'staffsim check'], ...counts(all), ['time', seconds(run.seconds)], ['timestamp', run.timestamp]])}>\n`;
  for (const { scenario, cases } of suites) {
    xml += `  <testsuite${attributes([
      ['name', scenario.file],
      ...counts(countCases(cases)),
      ['time', seconds(scenario.seconds)],
      ['timestamp', run.timestamp],
      ['file', scenario.file],
    ])}>\n`;
    xml += properties(run, scenario);
    for (const entry of cases) xml += testcase(scenario, entry);
    xml += '  </testsuite>\n';
  }
  xml += '</testsuites>\n';
  return xml;
}
