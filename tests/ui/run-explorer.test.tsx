import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';

// Ink draws only its last frame when it believes it runs in CI (it reads CI when it is first imported); this
// test drives a terminal, as `staffsim explore` does after clearing CI itself, so clear it before Ink loads.
vi.hoisted(() => {
  delete process.env['CI'];
  delete process.env['CONTINUOUS_INTEGRATION'];
});
import { readScenarioFile } from '../../src/scenario/load.js';
import { runExplorer } from '../../src/ui/run-explorer.js';
import { fakeServices, KEY, plain, SMALL } from './helpers.js';

/** A terminal's stdin as Ink uses it, recording raw mode. */
class FakeStdin extends EventEmitter {
  isTTY = true;
  rawModes: boolean[] = [];
  private data: string | null = null;
  setRawMode(mode: boolean): this {
    this.rawModes.push(mode);
    return this;
  }
  setEncoding(): this {
    return this;
  }
  resume(): this {
    return this;
  }
  pause(): this {
    return this;
  }
  ref(): this {
    return this;
  }
  unref(): this {
    return this;
  }
  read(): string | null {
    const data = this.data;
    this.data = null;
    return data;
  }
  press(data: string): void {
    this.data = data;
    this.emit('readable');
  }
}

class FakeStdout extends EventEmitter {
  isTTY = true;
  columns = 100;
  rows = 30;
  output = '';
  write(text: string): boolean {
    this.output += text;
    return true;
  }
}

async function until(test: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out; ${String(test)}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function start(services = fakeServices()) {
  const stdin = new FakeStdin();
  const stdout = new FakeStdout();
  const stderr = new FakeStdout();
  const outcome = runExplorer({
    path: SMALL,
    scenario: readScenarioFile(SMALL),
    services,
    staffsimVersion: '0.0.0-test',
    stdin: stdin as unknown as NodeJS.ReadStream,
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: stderr as unknown as NodeJS.WriteStream,
    patchConsole: false, // vitest's console cannot be patched
  });
  return { stdin, stdout, outcome };
}

describe('runExplorer', () => {
  it('ends with 0 on q, with raw mode switched off again', async () => {
    const { stdin, stdout, outcome } = start();
    await until(() => plain(stdout.output).includes('Key figures') && stdin.listenerCount('readable') > 0);
    stdin.press('q');
    expect(await outcome).toEqual({ code: 0 });
    expect(stdin.rawModes[0]).toBe(true);
    expect(stdin.rawModes.at(-1)).toBe(false);
  });

  it('ends with 130 on Ctrl-C', async () => {
    const { stdin, stdout, outcome } = start();
    await until(() => plain(stdout.output).includes('Key figures') && stdin.listenerCount('readable') > 0);
    stdin.press(KEY.ctrlC);
    expect(await outcome).toEqual({ code: 130 });
  });

  it('ends with 70 and the error when the explorer crashes, leaving the error on screen and the terminal restored', async () => {
    const services = fakeServices();
    let calls = 0;
    const plan = services.plan.bind(services);
    services.plan = (model) => {
      calls++;
      if (calls > 2) throw new TypeError('a bug in the planner');
      return plan(model);
    };
    const { stdin, stdout, outcome } = start(services);
    await until(() => plain(stdout.output).includes('Key figures') && stdin.listenerCount('readable') > 0);
    stdin.press(KEY.right);
    const result = await outcome;
    expect(result.code).toBe(70);
    expect(result.code === 70 && result.error instanceof TypeError && result.error.message).toBe('a bug in the planner');
    expect(plain(stdout.output)).toContain('staffsim explore stopped: internal error');
    expect(stdin.rawModes.at(-1)).toBe(false);
  });
});
