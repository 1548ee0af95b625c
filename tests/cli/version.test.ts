import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { reportAddress } from '../../src/cli/version.js';

describe('reportAddress', () => {
  it('takes bugs first, then the repository in any form npm accepts', () => {
    expect(reportAddress({ bugs: 'https://example.org/tracker', repository: 'acme/staffsim' })).toBe('https://example.org/tracker');
    expect(reportAddress({ bugs: { url: 'https://example.org/b' } })).toBe('https://example.org/b');
    expect(reportAddress({ repository: 'acme/staffsim' })).toBe('https://github.com/acme/staffsim/issues');
    expect(reportAddress({ repository: 'github:acme/staffsim' })).toBe('https://github.com/acme/staffsim/issues');
    expect(reportAddress({ repository: { type: 'git', url: 'git+https://github.com/acme/staffsim.git' } })).toBe('https://github.com/acme/staffsim/issues');
    expect(reportAddress({ repository: { type: 'git', url: 'git+ssh://git@github.com/acme/staffsim.git' } })).toBe('https://github.com/acme/staffsim/issues');
    expect(reportAddress({ repository: { type: 'git', url: 'https://git.example.org/acme/staffsim' } })).toBe('https://git.example.org/acme/staffsim');
  });

  it('gives no address when package.json has none', () => {
    expect(reportAddress({})).toBe(null);
    expect(reportAddress({ repository: { type: 'git' } })).toBe(null);
    expect(reportAddress({ repository: '' })).toBe(null);
  });
});

describe('the internal-error message', () => {
  it('asks for a report at the address package.json gives, and invents none', async () => {
    let stderr = '';
    const io: CliIo = {
      stdout: {
        write: () => {
          throw new Error('the output broke');
        },
      },
      stderr: { write: (text: string) => (stderr += text) },
      stdinIsTTY: false,
      env: {},
      cwd: process.cwd(),
    };
    expect(await main(['schema'], io)).toBe(70);
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { bugs?: unknown; repository?: unknown };
    const address = reportAddress(pkg);
    expect(stderr).toBe(
      `staffsim: internal error: the output broke\nThis is a bug in staffsim; please report it${address === null ? '' : ` at ${address}`} with the command you ran.\n`,
    );
    expect(stderr).not.toContain('github.com/staffsim/staffsim');
  });
});
