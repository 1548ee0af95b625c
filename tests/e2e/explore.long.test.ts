/**
 * `staffsim explore` as a manager runs it: the built binary in a real pseudo-terminal (tmux), driven by keys and read
 * back from the screen; and without a terminal, where it must refuse with a hint and exit 2.
 *
 * The binary is `bin/staffsim.js` when `dist/` is newer than every source file (as after `npm run build`); otherwise
 * the sources are compiled once into a temporary folder, so these tests never run stale code. Every wait polls the
 * screen (or the exit-code file) until the expected text appears, with a generous deadline: no fixed sleeps.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtBinary } from '../helpers/built-binary.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const SCENARIO = 'scenarios/municipal-contact-centre.yaml';

const folders: string[] = [];
function freshFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'staffsim-e2e-explore-'));
  folders.push(folder);
  return folder;
}


let bin = '';
let cleanUpBuild = (): void => undefined;
/** A tmux server of our own (its own socket), so no user session is touched. */
const socket = `staffsim-e2e-${process.pid}`;

function tmux(...args: string[]): string {
  return execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
}

beforeAll(() => {
  const version = spawnSync('tmux', ['-V'], { encoding: 'utf8' });
  if (version.status !== 0) throw new Error('tmux is needed for the terminal tests (apt-get install tmux)');
  const built = builtBinary();
  bin = built.bin;
  cleanUpBuild = built.cleanUp;
});

afterAll(() => {
  spawnSync('tmux', ['-L', socket, 'kill-server'], { encoding: 'utf8' });
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  cleanUpBuild();
});

function shellQuote(text: string): string {
  return `'${text.replaceAll("'", "'\\''")}'`;
}

interface Session {
  readonly name: string;
  /** The screen as text. */
  screen(): string;
  /** Waits until the screen satisfies `test`; fails with the last screen after `timeoutMs`. */
  waitFor(test: (screen: string) => boolean, what: string, timeoutMs?: number): Promise<string>;
  keys(...keys: string[]): void;
  /** Waits for the explorer's exit code. */
  exitCode(timeoutMs?: number): Promise<number>;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts `staffsim explore` in a new terminal (100 × 30 unless given) in `cwd` (the repository unless given); the
 * shell writes the exit code to a file when it ends.
 */
function startExplorer(
  name: string,
  args: readonly string[] = ['explore', SCENARIO],
  size: { columns: number; rows: number } = { columns: 100, rows: 30 },
  cwd = root,
): Session {
  const exitFile = join(freshFolder(), 'exit-code');
  // The environment of a user at a terminal: no CI, no test runner's NODE_ENV, colour as the terminal wants.
  const command = [
    'env -u CI -u NODE_ENV -u FORCE_COLOR -u NO_COLOR',
    shellQuote(process.execPath),
    shellQuote(bin),
    ...args.map(shellQuote),
    `; echo "EXIT:$?" > ${shellQuote(exitFile)}; sleep 600`,
  ].join(' ');
  tmux('new-session', '-d', '-s', name, '-x', String(size.columns), '-y', String(size.rows), '-c', cwd, `sh -c ${shellQuote(command)}`);
  const screen = (): string => tmux('capture-pane', '-p', '-t', name);
  return {
    name,
    screen,
    async waitFor(test, what, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      let last = '';
      for (;;) {
        last = screen();
        if (test(last)) return last;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; the screen was:\n${last}`);
        await sleep(50);
      }
    },
    keys(...keys) {
      tmux('send-keys', '-t', name, ...keys);
    },
    async exitCode(timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        if (existsSync(exitFile)) {
          const match = /EXIT:(\d+)/.exec(readFileSync(exitFile, 'utf8'));
          if (match !== null) return Number(match[1]);
        }
        if (Date.now() > deadline) throw new Error(`the explorer did not exit; the screen was:\n${screen()}`);
        await sleep(50);
      }
    },
  };
}

/** The screen line that contains `text`. */
function lineWith(screen: string, text: string): string {
  return screen.split('\n').find((line) => line.includes(text)) ?? '';
}

describe('staffsim explore in a terminal', () => {
  it('shows the comparison, changes the figures as keys turn a knob, switches variant, opens help, and quits with q (exit 0)', async () => {
    const session = startExplorer('keys');
    const first = await session.waitFor((s) => s.includes('Key figures') && s.includes('Cost breakdown'), 'the first screen');
    expect(first).toContain('staffsim explore · Municipal contact centre');
    expect(first).toContain('[1 switchboard]');
    expect(first).toMatch(/analytic estimates \(Erlang A\)/);
    expect(lineWith(first, 'SL target')).toMatch(/40 %/);
    const serviceLevelBefore = lineWith(first, 'service level');
    const totalCostBefore = lineWith(first, 'total cost');
    expect(serviceLevelBefore).toMatch(/\d+\.\d%/);

    // → five times: the switchboard's service-level target goes from 40% to 45%, and its figures follow.
    session.keys('Right', 'Right', 'Right', 'Right', 'Right');
    const changed = await session.waitFor((s) => lineWith(s, 'SL target').includes('*45'), 'the target to reach 45%');
    await session.waitFor((s) => lineWith(s, 'service level') !== serviceLevelBefore, 'the service level to change');
    expect(lineWith(session.screen(), 'total cost')).not.toBe(totalCostBefore);
    expect(changed).toContain('(edited)');

    session.keys('Tab');
    const mediocre = await session.waitFor((s) => s.includes('[2 mediocre]'), 'the second variant');
    expect(mediocre).toMatch(/mediocre 1–\d+\/2\d/);
    expect(lineWith(mediocre, 'SL target')).toMatch(/ 60 %/);

    session.keys('?');
    await session.waitFor((s) => s.includes('closes this help'), 'the help screen');
    session.keys('Escape');
    await session.waitFor((s) => /mediocre 1–\d+\/2\d/.test(s), 'the main screen again');

    // Unsaved changes: q asks, y quits.
    session.keys('q');
    await session.waitFor((s) => s.includes('Quit anyway?'), 'the question');
    session.keys('y');
    expect(await session.exitCode()).toBe(0);
    // The terminal is given back: the explorer's frame is erased.
    await session.waitFor((s) => !s.includes('Key figures'), 'the screen to be cleared');
  });

  it('exits 130 on Ctrl-C', async () => {
    const session = startExplorer('ctrl-c');
    await session.waitFor((s) => s.includes('Key figures'), 'the first screen');
    // The explorer reads keys (a second parameter gets selected), then Ctrl-C.
    session.keys('Down');
    await session.waitFor((s) => lineWith(s, 'target within').includes('▸'), 'the second parameter to be selected');
    session.keys('C-c');
    expect(await session.exitCode()).toBe(130);
  });

  it('simulates with r: simulated means ±95%, which a change turns back into estimates', async () => {
    const session = startExplorer('simulate');
    await session.waitFor((s) => s.includes('Key figures'), 'the first screen');
    session.keys('r');
    const done = await session.waitFor((s) => s.includes('simulated · 20 replications'), 'the simulated figures', 60_000);
    expect(lineWith(done, 'service level')).toMatch(/±/);
    session.keys('Right');
    await session.waitFor((s) => s.includes('analytic estimates'), 'analytic estimates after a change');
    session.keys('q');
    await session.waitFor((s) => s.includes('Quit anyway?'), 'the question');
    session.keys('y');
    expect(await session.exitCode()).toBe(0);
  });

  it('stays responsive during a long simulation, cancels it with Esc, and exits at once', async () => {
    const session = startExplorer('cancel', ['explore', 'tests/ui/fixtures/slow-centre.yaml']);
    await session.waitFor((s) => s.includes('Key figures'), 'the first screen');
    session.keys('r');
    await session.waitFor((s) => /simulating base \[/.test(s), 'the progress bar');
    // Keys still work while the worker threads run.
    session.keys('?');
    await session.waitFor((s) => s.includes('closes this help'), 'the help during the simulation');
    session.keys('x');
    await session.waitFor((s) => s.includes('Parameters: base') && s.includes('simulating base'), 'the main screen during the simulation');
    session.keys('Escape');
    await session.waitFor((s) => s.includes('simulation cancelled'), 'the cancellation');
    session.keys('r');
    await session.waitFor((s) => /simulating base \[/.test(s), 'a second simulation');
    const started = Date.now();
    session.keys('q');
    expect(await session.exitCode()).toBe(0);
    // The worker threads are stopped: the process does not wait for the replications to finish.
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('staffsim explore at 120 × 40 and 80 × 24', () => {
  const big = { columns: 120, rows: 40 };
  const small = { columns: 80, rows: 24 };
  const scenario = join(root, SCENARIO);

  it('120 × 40: every knob, every difference, the charts named by variant and day with the target line', async () => {
    const session = startExplorer('big', ['explore', scenario], big);
    const screen = await session.waitFor((s) => s.includes('Key figures') && s.includes('Cost breakdown'), 'the first screen');
    const lines = screen.trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(39);
    for (const label of ['SL target', 'max occupancy', 'method', 'new cases/day', 'opens', 'closes', 'overtime hour', 'wait cost/min', 'unresolved']) {
      expect(screen).toContain(label);
    }
    expect(lineWith(screen, 'service level')).toMatch(/\d+\.\d%\s+\d+\.\d%\s+[+−]\d+\.\dpp\s+\d+\.\d%\s+[+−]\d+\.\dpp/);
    // Where failure demand goes, and every group's paid hours and occupancy (the case officers' blocked share too).
    for (const label of ['calls/case', 'transfer lost', 'tasks on time', '  paid hours', '  occupancy', '  blocked']) expect(screen).toContain(label);
    expect(screen).toMatch(/ front-line\n/);
    expect(screen).toMatch(/ case-officers\n/);
    expect(lineWith(screen, '█ front-line')).toContain('▚ case-officers');
    expect(screen).toContain('front-line · 1/2 g ⇆');
    expect(screen).toContain('switchboard · mean of 5 days');
    expect(screen).toContain('Service level % (60 s) ╌ target 40%');
    expect(lineWith(screen, '40┤')).toContain('╌╌╌╌');
    expect(screen).toContain('d day');

    // A share typed as a fraction: 0.86 for the switchboard's resolved share is 86 %, and the status line says so
    // (the transferred and unresolved shares keep their proportions).
    session.keys('Down', 'Down', 'Down', 'Down', 'Down', 'Enter', 'C-u');
    session.keys('0.86', 'Enter');
    const typed = await session.waitFor((s) => s.includes('read as the share'), 'the understood share');
    expect(lineWith(typed, 'resolved')).toMatch(/\*86 %/);
    expect(lineWith(typed, 'transferred')).toMatch(/\*12\.35 %/);
    expect(typed).toContain('resolved = 86 % · 0.86 read as the share 0.86 = 86 % · transferred 75 % → 12.35 %');

    // Several Backspaces in one write: 90 + three Backspaces + 120 is 120.
    session.keys('Up', 'Up', 'Up', 'Up', 'Enter', 'C-u');
    session.keys('90');
    await session.waitFor((s) => s.includes('target within (s): 90'), 'the typed 90');
    tmux('send-keys', '-t', session.name, 'BSpace', 'BSpace', 'BSpace', '1', '2', '0');
    await session.waitFor((s) => s.includes('target within (s): 120'), 'the retyped value');
    session.keys('Enter');
    await session.waitFor((s) => lineWith(s, 'target within').includes('*120 s'), 'the new target time');

    // Infinite patience on an Erlang A variant: its front line is staffed by Erlang C instead, and said so.
    session.keys(...Array.from({ length: 12 }, () => 'Down'), 'Enter', 'C-u');
    session.keys('none', 'Enter');
    const none = await session.waitFor((s) => s.includes('staffed by Erlang C'), 'the method switch');
    expect(none.split('\n').find((line) => /^[▸ ]patience /.test(line))).toMatch(/\*∞/);
    expect(lineWith(none, 'method')).toMatch(/\*Erlang C/);

    // g: the case officers' knobs; one more case officer raises their paid hours and the variant's.
    const caseOfficersHours = (s: string): string => {
      const lines = s.split('\n');
      const heading = lines.findIndex((line) => line.trimEnd().endsWith(' case-officers'));
      return lines.slice(heading + 1).find((line) => line.includes('paid hours')) ?? '';
    };
    const hoursBefore = caseOfficersHours(session.screen());
    const totalBefore = lineWith(session.screen(), 'paid agent h');
    session.keys('g');
    await session.waitFor((s) => s.includes('case-officers · 2/2 g ⇆'), 'the case officers’ knobs');
    session.keys(...Array.from({ length: 20 }, () => 'Up'), 'Right');
    const more = await session.waitFor((s) => lineWith(s, 'phone agents').includes('*5'), 'a fifth case officer');
    expect(caseOfficersHours(more)).not.toBe(hoursBefore);
    expect(lineWith(more, 'paid agent h')).not.toBe(totalBefore);
    session.keys('C-c');
    expect(await session.exitCode()).toBe(130);
  });

  it('80 × 24: names, differences and key hints stay; help scrolls; q asks; w saves into the current folder', async () => {
    const cwd = freshFolder();
    const session = startExplorer('small', ['explore', scenario], small, cwd);
    const screen = await session.waitFor((s) => s.includes('Key figures') && s.includes('Cost breakdown'), 'the first screen');
    const lines = screen.trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(23);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
    expect(screen.split('\n').find((l) => l.includes('world-class') && !l.includes('variants'))).toMatch(/switchboard\s+mediocre\s+world-class/);
    expect(lineWith(screen, 'total cost')).toMatch(/\d+,\d{3}\s+[+−]\d+,\d{3}\s+\d+,\d{3}\s+[+−]\d+,\d{3}$/);
    for (const hint of ['↑↓←→ edit', '⏎ type', 'u undo', 'tab variant', 'g group', 'r simulate', 's sweep', 'e export', 'w save', 'o open', '? help', 'q quit']) {
      expect(screen).toContain(hint);
    }
    // The selected group's figures (g shows the other's), and the cost bars by group across the screen.
    expect(screen).toMatch(/ front-line\n/);
    expect(lineWith(screen, '█ front-line')).toContain('▚ case-officers');
    session.keys('g');
    const officers = await session.waitFor((s) => /  blocked /.test(s) && / case-officers\n/.test(s), 'the case officers’ figures');
    expect(officers).not.toMatch(/ front-line\n/);
    expect(officers).toContain('case-officers · 2/2 g ⇆');

    session.keys('?');
    const help = await session.waitFor((s) => /Keys · lines 1–\d+ of \d+/.test(s), 'the help');
    const total = /of (\d+)/.exec(help)?.[1] ?? '';
    session.keys('Space', 'Space', 'Space');
    await session.waitFor((s) => new RegExp(`lines \\d+–${total} of ${total}`).test(s), 'the end of the help');
    session.keys('Escape');
    await session.waitFor((s) => s.includes('Key figures'), 'the main screen');

    session.keys('Right', 'q');
    await session.waitFor((s) => s.includes('Quit anyway?'), 'the question');
    session.keys('n');
    await session.waitFor((s) => s.includes('not quitting'), 'staying');
    session.keys('w');
    await session.waitFor((s) => s.includes('save scenario as: municipal-contact-centre-edited.yaml'), 'the save prompt');
    session.keys('Enter');
    const saved = await session.waitFor((s) => s.includes('saved municipal-contact-centre-edited.yaml'), 'the save');
    expect(saved).not.toContain('(edited)');
    expect(existsSync(join(cwd, 'municipal-contact-centre-edited.yaml'))).toBe(true);
    expect(existsSync(join(root, 'scenarios', 'municipal-contact-centre-edited.yaml'))).toBe(false);
    session.keys('q');
    expect(await session.exitCode()).toBe(0);
  });
});

describe('staffsim explore without a terminal', () => {
  it('prints a one-line hint to use run or compare and exits 2, without a stack trace', () => {
    const result = spawnSync(process.execPath, [bin, 'explore', SCENARIO], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^staffsim: explore needs an interactive terminal \(stdin is not one\); use 'staffsim compare .*' or 'staffsim run .*' instead$/);
    expect(result.stderr).not.toMatch(/Raw mode|\n\s+at /);
  });

  it('says which stream is not a terminal', () => {
    const result = spawnSync(process.execPath, [bin, 'explore', SCENARIO], { cwd: root, encoding: 'utf8', input: '' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('stdin is not one');
  });

  it('prints the help, not the explorer, when run without a command and without a terminal', () => {
    const env: Record<string, string | undefined> = { ...process.env };
    delete env['CI'];
    const result = spawnSync(process.execPath, [bin], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('staffsim <command> [options]');
    expect(result.stdout).toContain('explore [scenario]');
  });

  it('opens the explorer when run without a command on a terminal', async () => {
    const session = startExplorer('no-command', []);
    const screen = await session.waitFor((s) => s.includes('Key figures'), 'the explorer');
    expect(screen).toContain('Municipal contact centre');
    session.keys('q');
    expect(await session.exitCode()).toBe(0);
  });
});
