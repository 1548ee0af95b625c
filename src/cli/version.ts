import { readFileSync } from 'node:fs';

/** The fields of package.json that the command line reads. */
interface PackageJson {
  readonly version: string;
  readonly bugs?: unknown;
  readonly repository?: unknown;
}

/** package.json (two folders up from both src/cli and dist/cli). */
function packageJson(): PackageJson {
  return JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as PackageJson;
}

/** The staffsim version from package.json. */
export function staffsimVersion(): string {
  return packageJson().version;
}

/** Where to report a bug, from package.json's `bugs` or `repository` field; null when neither is set. */
export function staffsimReportAddress(): string | null {
  return reportAddress(packageJson());
}

/**
 * Where to report a bug, as npm reads a package: `bugs` (a URL, or `{ url }`), else `repository` (`owner/name`,
 * `github:owner/name`, a URL, or `{ url }`; a GitHub repository's issues page); null when neither is set.
 * @example reportAddress({ repository: { type: 'git', url: 'git+https://github.com/acme/staffsim.git' } }) // 'https://github.com/acme/staffsim/issues'
 * @example reportAddress({}) // null
 */
export function reportAddress(pkg: { readonly bugs?: unknown; readonly repository?: unknown }): string | null {
  const bugs = urlOf(pkg.bugs);
  if (bugs !== null) return bugs;
  const repository = urlOf(pkg.repository);
  if (repository === null) return null;
  const shorthand = /^(?:github:)?([\w.-]+\/[\w.-]+)$/.exec(repository);
  if (shorthand !== null) return `https://github.com/${shorthand[1]}/issues`;
  const url = repository.replace(/^git\+/, '').replace(/\.git$/, '');
  const github = /^(?:https?|git|ssh):\/\/(?:git@)?github\.com[/:]([\w.-]+\/[\w.-]+)$/.exec(url);
  if (github !== null) return `https://github.com/${github[1]}/issues`;
  return /^https?:\/\//.test(url) ? url : null;
}

function urlOf(field: unknown): string | null {
  const value = typeof field === 'object' && field !== null ? (field as { url?: unknown }).url : field;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}
