import { closestName } from '../core/closest-name.js';

/**
 * yargs' "Unknown argument(s): a, b" in staffsim's words: each unknown option named as it was typed (`--replicatons`)
 * with the option it most likely meant, and each extra argument quoted. Returns null for any other message.
 *
 * @param message yargs' message
 * @param argv the command line as given
 * @param known the option names of the command (as declared: `replications`, `max-occupancy`, …)
 * @example unknownArgumentsMessage('Unknown argument: replicatons', ['run', 'a.yaml', '--replicatons', '3'], ['replications', 'seed'])
 *   // 'unknown option --replicatons; did you mean --replications?'
 */
export function unknownArgumentsMessage(message: string, argv: readonly string[], known: readonly string[]): string | null {
  const match = /^Unknown arguments?: (.+)$/.exec(message);
  if (match === null) return null;
  const flags = known.filter((name) => name.length > 1);
  const options: string[] = [];
  const extras: string[] = [];
  const names = (match[1] as string).split(', ');
  // yargs names an unknown --max-ocupancy twice, also as maxOcupancy.
  const kebab = (name: string): string => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
  for (const name of names.filter((name) => kebab(name) === name || !names.includes(kebab(name)))) {
    const typed = argv.find((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`) || arg === `-${name}`);
    if (typed === undefined) {
      extras.push(`"${name}"`);
      continue;
    }
    const meant = closestName(name, flags);
    options.push(`${typed.split('=')[0] as string}${meant === undefined ? '' : ` (did you mean --${meant}?)`}`);
  }
  const parts: string[] = [];
  if (options.length === 1 && extras.length === 0 && /\(did you mean/.test(options[0] as string)) {
    parts.push(`unknown option ${(options[0] as string).replace(/ \((did you mean [^)]*)\)$/, '; $1')}`);
  } else if (options.length > 0) {
    parts.push(`unknown option${options.length === 1 ? '' : 's'} ${options.join(', ')}`);
  }
  if (extras.length > 0) parts.push(`unexpected argument${extras.length === 1 ? '' : 's'} ${extras.join(', ')}`);
  return parts.join('; ');
}
