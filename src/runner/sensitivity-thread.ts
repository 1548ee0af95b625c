/**
 * The explorer's what-if analysis of an edited scenario, off the terminal's thread: what drives the difference of two
 * variants (`explainDifference`, Shapley parts), then the sensitivity of that difference to each input
 * (`sensitivityRows`, one input at a time, with its break-evens). The same computation as `staffsim compare --explain`
 * and `staffsim sensitivity`, told as a stream of messages so the screen can show each part as it arrives.
 *
 * `whatIfMessages` is the stream itself (synchronous: each step can take a second on a large scenario);
 * `analyseWhatIfInThread` runs it in a worker thread (`sensitivity-worker.ts`) that an abort terminates at once.
 */
import { InfeasibleError, InputError } from '../core/errors.js';
import type { Explanation } from '../core/sensitivity/explanation.js';
import type { PointTotals, SensitivityResult, SensitivityRow } from '../core/sensitivity/sensitivity-result.js';
import { loadScenarioDocument } from '../scenario/load.js';
import { sensitivityWorkspace } from '../scenario/sensitivity-inputs.js';
import { explainDifference } from './explain.js';
import { AnalyticPoints, sensitivityRows } from './sensitivity.js';
import { startWorker } from './worker-file.js';

/** What to analyse: an (edited) scenario document and the variants to compare (difference = second − first). */
export interface WhatIfRequest {
  readonly document: unknown;
  /** One or two variant names; with one, only how its total moves (no difference, no break-even, no parts). */
  readonly variants: readonly string[];
  /** The relative range of inputs without their own low and high (0.25: ±25%). */
  readonly range: number;
}

/** One step of the analysis, in the order they come. */
export type WhatIfMessage =
  | {
      readonly kind: 'start';
      readonly variants: readonly string[];
      readonly currency: string;
      readonly range: number;
      /** The compared variants' totals at the scenario's values. */
      readonly atBase: PointTotals;
      /** The inputs that will be varied, and those that cannot be. */
      readonly inputs: number;
      readonly notVaried: SensitivityResult['notVaried'];
    }
  | { readonly kind: 'explanation'; readonly explanation: Explanation }
  | { readonly kind: 'row'; readonly row: SensitivityRow }
  /** A problem the user can fix by editing (an invalid value, a target no staffing meets): the analysis stops. */
  | { readonly kind: 'problem'; readonly message: string }
  | { readonly kind: 'done' };

/**
 * The analysis as a stream: start, the explanation (two variants only; a few plans, so it comes first), one row per
 * input in the workspace's order, done. An input error or an infeasible target ends it with a `problem`.
 * @example for (const message of whatIfMessages({ document, variants: ['switchboard', 'world-class'], range: 0.25 })) show(message)
 */
export function* whatIfMessages(request: WhatIfRequest): Generator<WhatIfMessage, void, undefined> {
  try {
    const scenario = loadScenarioDocument(request.document);
    const workspace = sensitivityWorkspace(scenario, { variants: request.variants, range: request.range });
    const points = new AnalyticPoints(workspace);
    yield {
      kind: 'start',
      variants: workspace.variants,
      currency: workspace.currency,
      range: request.range,
      atBase: points.atBase(),
      inputs: workspace.inputs.length,
      notVaried: workspace.notVaried,
    };
    const [first, second] = workspace.variants;
    if (first !== undefined && second !== undefined) {
      yield { kind: 'explanation', explanation: explainDifference({ scenario, variant: first }, { scenario, variant: second }) };
    }
    for (const row of sensitivityRows(points)) yield { kind: 'row', row };
    yield { kind: 'done' };
  } catch (error) {
    if (error instanceof InputError || error instanceof InfeasibleError) {
      yield { kind: 'problem', message: error instanceof InputError ? error.issues.map((issue) => issue.message).join('; ') : `infeasible: ${error.message}` };
      return;
    }
    throw error;
  }
}

/**
 * Runs `whatIfMessages` in a worker thread, calling `onMessage` with each message as it arrives; resolves after
 * `done` or a `problem`. Aborting terminates the thread and rejects with an Error named AbortError.
 * @throws Error when the thread fails (a bug)
 */
export function analyseWhatIfInThread(
  request: WhatIfRequest,
  options: { readonly signal: AbortSignal; readonly onMessage: (message: WhatIfMessage) => void },
): Promise<void> {
  const { signal } = options;
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(abortError());
      return;
    }
    const worker = startWorker('runner/sensitivity-worker', { workerData: request });
    let outcome: { ok: true } | { ok: false; error: unknown } | null = null;
    const onAbort = (): void => {
      outcome ??= { ok: false, error: abortError() };
      void worker.terminate();
    };
    signal.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (message: WhatIfMessage) => {
      if (outcome !== null) return;
      options.onMessage(message);
      if (message.kind === 'done' || message.kind === 'problem') outcome = { ok: true };
    });
    worker.on('error', (error) => {
      outcome ??= { ok: false, error };
    });
    worker.on('exit', (code) => {
      signal.removeEventListener('abort', onAbort);
      if (outcome === null) reject(new Error(`the sensitivity thread stopped before it finished (exit code ${code})`));
      else if (outcome.ok) resolve();
      else reject(outcome.error);
    });
  });
}

function abortError(): Error {
  const error = new Error('sensitivity analysis cancelled');
  error.name = 'AbortError';
  return error;
}
