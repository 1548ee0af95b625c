import { readFileSync } from 'node:fs';

/** The staffsim version from package.json (two folders up from both src/cli and dist/cli). */
export function staffsimVersion(): string {
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}
