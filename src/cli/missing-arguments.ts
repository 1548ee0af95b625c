/**
 * yargs' "Not enough non-option arguments: got 0, need at least 1" in staffsim's words: which argument of the
 * command's usage line is missing, and the usage line. Returns null for any other message.
 *
 * @param message yargs' message
 * @param usage the command's usage line as declared (`plan <scenario>`, `compare <scenarios..>`)
 * @example missingArgumentsMessage('Not enough non-option arguments: got 0, need at least 1', 'plan <scenario>')
 *   // 'missing <scenario>: staffsim plan <scenario> [options]'
 */
export function missingArgumentsMessage(message: string, usage: string): string | null {
  const match = /^Not enough non-option arguments: got (\d+), need at least \d+$/.exec(message);
  if (match === null) return null;
  const missing = (usage.match(/<[^>]+>/g) ?? []).slice(Number(match[1]));
  if (missing.length === 0) return null;
  return `missing ${missing.join(' ')}: staffsim ${usage} [options]`;
}
