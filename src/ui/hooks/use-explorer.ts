/**
 * The explorer's behaviour: state, keys, and the work they start (recomputation, simulation, sweep, export, save,
 * open). Keys arriving in one burst (a paste, a key held down, tmux send-keys) each see the state the previous one
 * left, because the state is kept in a ref and rendered from a copy.
 */
import { basename, dirname, extname, join, resolve } from 'node:path';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { InfeasibleError, InputError } from '../../core/errors.js';
import type { LoadedScenario } from '../../scenario/load.js';
import { parseScenarioText } from '../../scenario/load.js';
import { scenarioYaml } from '../../scenario/save.js';
import { createAnalyser } from '../model/analysis.js';
import type { Analyser } from '../model/analysis.js';
import { comparisonReport } from '../model/comparison.js';
import type { ExplorerState, Message, Mode } from '../model/explorer-state.js';
import { initialState, isEdited } from '../model/explorer-state.js';
import { formatKnobValue, knobsFor, knobText, parseKnobInput, steppedValue } from '../model/knobs.js';
import type { Knob } from '../model/knobs.js';
import { editLine, lineOf } from '../model/line-editor.js';
import { computeSweep, sweepParametersFor } from '../model/sweep.js';
import type { ExplorerServices } from '../services.js';

/** The key flags the explorer reads (a subset of Ink's `Key`). */
export interface KeyPress {
  readonly upArrow?: boolean;
  readonly downArrow?: boolean;
  readonly leftArrow?: boolean;
  readonly rightArrow?: boolean;
  readonly return?: boolean;
  readonly escape?: boolean;
  readonly ctrl?: boolean;
  readonly shift?: boolean;
  readonly meta?: boolean;
  readonly tab?: boolean;
  readonly backspace?: boolean;
  readonly delete?: boolean;
  readonly home?: boolean;
  readonly end?: boolean;
}

export interface ExplorerOptions {
  readonly path: string;
  readonly scenario: LoadedScenario;
  readonly services: ExplorerServices;
  readonly staffsimVersion: string;
  /** Quit with this exit code (0 for q, 130 for Ctrl-C). */
  readonly onExit: (code: number) => void;
  /** An unexpected error: show it and exit 70. */
  readonly onCrash: (error: unknown) => void;
  /** Today's date for the saved file's header comment (tests fix it). */
  readonly today?: () => string;
  /** The shipped scenarios' folder, listed by `o` after the open file's own folder. */
  readonly libraryFolder?: string;
}

export interface Explorer {
  readonly state: ExplorerState;
  readonly knobs: readonly Knob[];
  /** The knobs of the selected variant as the file has them (to mark edited values). */
  readonly originalKnobs: ReadonlyMap<string, number | null>;
  readonly analyser: Analyser;
  handleKey(input: string, key: KeyPress): void;
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/**
 * The message for an error a user can act on, or null for a bug. Paths are shown inside the variant
 * (`staffing.target.method`, not `variants.lean.staffing.target.method`), without the `path=value:` prefix of an
 * override.
 */
function userMessage(error: unknown): string | null {
  if (error instanceof InputError) {
    return error.issues
      .map((issue) => {
        const path = issue.path.replace(/^variants(\.[^.[]+|\["[^"]*"\])\./, '');
        const message = issue.message.replace(/^[\w.[\]"-]+=[^:]*: /, '');
        return path === '' ? message : `${path}: ${message}`;
      })
      .join('; ');
  }
  if (error instanceof InfeasibleError) return `infeasible: ${error.message}`;
  return null;
}

export function useExplorer(options: ExplorerOptions): Explorer {
  const { services, onExit, onCrash } = options;
  const analyser = useMemo(() => createAnalyser((model) => services.plan(model)), [services]);
  const [state, setState] = useState<ExplorerState>(() => {
    const started = performance.now();
    const figures = analyser.analyse(options.scenario);
    return initialState(options.path, options.scenario, figures, performance.now() - started);
  });
  const ref = useRef(state);
  const simulationRef = useRef<AbortController | null>(null);
  const sweepRef = useRef<AbortController | null>(null);
  const mounted = useRef(true);

  const set = useCallback((next: ExplorerState): void => {
    ref.current = next;
    if (mounted.current) setState(next);
  }, []);
  const update = useCallback((patch: Partial<ExplorerState>): void => set({ ...ref.current, ...patch }), [set]);
  const say = useCallback((kind: Message['kind'], text: string): void => update({ message: { kind, text } }), [update]);

  // Tear down running work when the screen goes away, so the process can exit.
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      simulationRef.current?.abort();
      sweepRef.current?.abort();
    };
  }, []);

  const variantName = (s: ExplorerState): string => s.scenario.variants[s.variantIndex]?.name ?? '';

  const cancelSimulation = (): boolean => {
    const controller = simulationRef.current;
    if (controller === null) return false;
    simulationRef.current = null;
    controller.abort();
    return true;
  };

  const cancelSweep = (): void => {
    sweepRef.current?.abort();
    sweepRef.current = null;
  };

  /** Puts an edited scenario on screen: recompute the analytic figures, drop simulated ones. */
  const changeScenario = (next: LoadedScenario, started: number, history: readonly LoadedScenario[], message: Message | null = null): void => {
    const s = ref.current;
    const wasSimulated = s.simulation.status !== 'idle';
    cancelSimulation();
    const figures = analyser.analyse(next);
    const recomputeMs = performance.now() - started;
    const failed = figures.find((f) => f.error !== null && f.name === variantName(s));
    set({
      ...s,
      scenario: next,
      history,
      figures,
      recomputeMs,
      computedOnOpen: false,
      simulation: { status: 'idle' },
      message:
        message ??
        (failed !== undefined
          ? { kind: 'error', text: `${failed.name}: ${failed.error ?? ''}` }
          : wasSimulated
            ? { kind: 'info', text: 'changed: back to analytic estimates (r simulates again)' }
            : null),
    });
  };

  const applyKnob = (knob: Knob, value: number | null): void => {
    const s = ref.current;
    const started = performance.now();
    let next: LoadedScenario;
    try {
      next = knob.apply(s.scenario, value);
    } catch (error) {
      const message = userMessage(error);
      if (message === null) throw error;
      const shown = value === null ? (knob.noneText ?? 'none') : `${formatKnobValue(value)}${knob.unit === '' ? '' : ` ${knob.unit}`}`;
      say('error', `${knob.label} ${shown}: ${message}`);
      return;
    }
    changeScenario(next, started, [...s.history, s.scenario].slice(-200));
  };

  const selectVariant = (index: number): void => {
    const s = ref.current;
    const count = s.scenario.variants.length;
    if (count === 0) return;
    const nextIndex = ((index % count) + count) % count;
    const currentKnob = knobsFor(s.scenario, variantName(s))[s.knobIndex]?.id;
    const nextKnobs = knobsFor(s.scenario, s.scenario.variants[nextIndex]?.name ?? '');
    const sameKnob = nextKnobs.findIndex((k) => k.id === currentKnob);
    set({ ...s, variantIndex: nextIndex, knobIndex: sameKnob >= 0 ? sameKnob : Math.min(s.knobIndex, nextKnobs.length - 1) });
    if (ref.current.mode.kind === 'sweep') startSweep(ref.current.sweep?.parameterIndex ?? 0);
  };

  const startSimulation = (): void => {
    const s = ref.current;
    if (s.simulation.status === 'running') {
      say('info', 'already simulating — Esc cancels');
      return;
    }
    const controller = new AbortController();
    simulationRef.current = controller;
    const scenarioAtStart = s.scenario;
    const models = s.scenario.variants.map((v) => v.model);
    const replications = models[0]?.simulation.replications ?? 0;
    const started = performance.now();
    update({ simulation: { status: 'running', variant: models[0]?.variantName ?? '', done: 0, total: replications * models.length }, message: null });
    services
      .simulate(models, {
        signal: controller.signal,
        onProgress: (progress) => {
          if (simulationRef.current === controller) update({ simulation: { status: 'running', ...progress } });
        },
      })
      .then((run) => {
        if (simulationRef.current !== controller || ref.current.scenario !== scenarioAtStart) return;
        simulationRef.current = null;
        const seconds = (performance.now() - started) / 1000;
        update({
          simulation: { status: 'done', run, seconds },
          message: { kind: 'success', text: `simulated ${run.variants.length} variant${run.variants.length === 1 ? '' : 's'} × ${run.replicationCount} replications in ${seconds.toFixed(1)} s on ${run.workers} worker threads` },
        });
      })
      .catch((error: unknown) => {
        if (simulationRef.current !== controller) return; // cancelled on purpose
        simulationRef.current = null;
        if (isAbort(error)) {
          update({ simulation: { status: 'idle' } });
          return;
        }
        const message = userMessage(error);
        if (message === null) {
          onCrash(error);
          return;
        }
        update({ simulation: { status: 'idle' }, message: { kind: 'error', text: `cannot simulate: ${message}` } });
      });
  };

  const startSweep = (parameterIndex: number): void => {
    cancelSweep();
    const s = ref.current;
    const name = variantName(s);
    const parameters = sweepParametersFor(knobsFor(s.scenario, name));
    const index = parameters.length === 0 ? 0 : ((parameterIndex % parameters.length) + parameters.length) % parameters.length;
    const parameter = parameters[index];
    if (parameter === undefined) {
      update({ sweep: { status: 'failed', parameterIndex: 0, message: 'this variant has nothing to sweep' } });
      return;
    }
    const controller = new AbortController();
    sweepRef.current = controller;
    update({ sweep: { status: 'computing', parameterIndex: index, done: 0, total: parameter.values.length } });
    computeSweep(s.scenario, name, parameter, analyser, {
      signal: controller.signal,
      onProgress: (done, total) => {
        if (sweepRef.current === controller) update({ sweep: { status: 'computing', parameterIndex: index, done, total } });
      },
    })
      .then((outcome) => {
        if (sweepRef.current !== controller) return;
        sweepRef.current = null;
        update({ sweep: { status: 'ready', parameterIndex: index, outcome } });
      })
      .catch((error: unknown) => {
        if (sweepRef.current !== controller || isAbort(error)) return;
        sweepRef.current = null;
        const message = userMessage(error);
        if (message === null) {
          onCrash(error);
          return;
        }
        update({ sweep: { status: 'failed', parameterIndex: index, message } });
      });
  };

  const stem = (path: string): string => join(dirname(path), basename(path, extname(path)));

  const startExport = (text: string): void => {
    const s = ref.current;
    const target = text.trim();
    if (target === '') {
      say('error', 'export: no file name given');
      return;
    }
    const extension = extname(target).toLowerCase();
    const paths =
      extension === '.xlsx' ? { xlsx: target } : extension === '.csv' ? { csv: target } : { xlsx: `${target}.xlsx`, csv: `${target}.csv` };
    const report = comparisonReport({
      scenario: s.scenario,
      figures: s.figures,
      simulation: s.simulation.status === 'done' ? s.simulation.run : null,
      staffsimVersion: options.staffsimVersion,
      edited: isEdited(s),
    });
    update({ message: { kind: 'info', text: 'exporting…' } });
    services
      .exportReport(report, paths)
      .then((written) => update({ message: { kind: 'success', text: `wrote ${written.join(' and ')}` } }))
      .catch((error: unknown) => {
        const message = userMessage(error);
        if (message === null) {
          onCrash(error);
          return;
        }
        update({ message: { kind: 'error', text: `export failed: ${message}` } });
      });
  };

  const saveTo = (path: string): void => {
    const s = ref.current;
    const document = structuredClone(s.scenario.document) as Record<string, unknown>;
    if (typeof document['name'] === 'string' && !document['name'].endsWith('(edited)')) document['name'] = `${document['name']} (edited)`;
    const original = services.readText(s.path);
    const today = options.today?.() ?? new Date().toISOString().slice(0, 10);
    const text = scenarioYaml(document, {
      ...(original === null ? {} : { originalText: original }),
      headerComment: `Saved by staffsim explore on ${today} from ${basename(s.path)}, with the changes made there.`,
    });
    try {
      parseScenarioText(text, { file: path }); // what is written must load
      services.writeText(path, text);
    } catch (error) {
      const message = userMessage(error);
      if (message === null) throw error;
      update({ mode: { kind: 'main' }, message: { kind: 'error', text: `not saved: ${message}` } });
      return;
    }
    update({ mode: { kind: 'main' }, savedPath: path, message: { kind: 'success', text: `saved ${path}` } });
  };

  const openScenario = (path: string): void => {
    let scenario: LoadedScenario;
    try {
      scenario = services.openScenario(path);
    } catch (error) {
      const message = userMessage(error);
      if (message === null) throw error;
      update({ mode: { kind: 'main' }, message: { kind: 'error', text: `cannot open ${path}: ${message}` } });
      return;
    }
    cancelSimulation();
    cancelSweep();
    const started = performance.now();
    const figures = analyser.analyse(scenario);
    set({ ...initialState(path, scenario, figures, performance.now() - started), message: { kind: 'success', text: `opened ${path}` } });
  };

  const submitPrompt = (mode: Extract<Mode, { kind: 'prompt' }>): void => {
    const text = mode.line.text;
    if (mode.purpose === 'value') {
      update({ mode: { kind: 'main' } });
      const knob = knobsFor(ref.current.scenario, variantName(ref.current)).find((k) => k.id === mode.knobId);
      if (knob === undefined) return;
      const parsed = parseKnobInput(knob, text);
      if (!parsed.ok) {
        say('error', parsed.message);
        return;
      }
      applyKnob(knob, parsed.value);
      return;
    }
    if (mode.purpose === 'export') {
      update({ mode: { kind: 'main' } });
      startExport(text);
      return;
    }
    const path = text.trim();
    if (path === '') {
      update({ mode: { kind: 'main' }, message: { kind: 'error', text: 'not saved: no file name given' } });
      return;
    }
    if (services.fileExists(path)) {
      update({ mode: { kind: 'confirm-overwrite', path } });
      return;
    }
    saveTo(path);
  };

  const handleMainKey = (input: string, key: KeyPress): void => {
    const s = ref.current;
    const knobs = knobsFor(s.scenario, variantName(s));
    const knob = knobs[s.knobIndex];
    if (key.escape === true) {
      if (cancelSimulation()) update({ simulation: { status: 'idle' }, message: { kind: 'info', text: 'simulation cancelled; showing analytic estimates' } });
      else update({ message: null });
      return;
    }
    if (key.upArrow === true || input === 'k') {
      update({ knobIndex: Math.max(0, s.knobIndex - 1) });
      return;
    }
    if (key.downArrow === true || input === 'j') {
      update({ knobIndex: Math.min(knobs.length - 1, s.knobIndex + 1) });
      return;
    }
    if (key.tab === true) {
      selectVariant(s.variantIndex + (key.shift === true ? -1 : 1));
      return;
    }
    if (/^[1-9]$/.test(input)) {
      const index = Number(input) - 1;
      if (index < s.scenario.variants.length) selectVariant(index);
      return;
    }
    const stepKeys: Record<string, [1 | -1, boolean]> = { '+': [1, false], '=': [1, false], '-': [-1, false], ']': [1, true], '[': [-1, true] };
    const arrow: [1 | -1, boolean] | undefined =
      key.rightArrow === true ? [1, key.shift === true] : key.leftArrow === true ? [-1, key.shift === true] : stepKeys[input];
    if (arrow !== undefined) {
      if (knob === undefined) return;
      const value = steppedValue(knob, arrow[0], arrow[1]);
      if (value === knob.value) {
        say('info', `${knob.label}: ${arrow[0] > 0 ? 'at its maximum' : 'at its minimum'} (${knobText(knob)}${knob.unit === '' ? '' : ` ${knob.unit}`})`);
        return;
      }
      applyKnob(knob, value);
      return;
    }
    if (key.return === true) {
      if (knob === undefined) return;
      const unit = knob.unit === '' ? '' : ` (${knob.unit})`;
      update({ mode: { kind: 'prompt', purpose: 'value', label: `${knob.label}${unit}`, line: lineOf(knob.value === null ? '' : String(knob.value)), knobId: knob.id } });
      return;
    }
    switch (input) {
      case 'u': {
        const previous = s.history[s.history.length - 1];
        if (previous === undefined) {
          say('info', 'nothing to undo');
          return;
        }
        changeScenario(previous, performance.now(), s.history.slice(0, -1), { kind: 'info', text: 'undone' });
        return;
      }
      case 'r':
        startSimulation();
        return;
      case 's':
        update({ mode: { kind: 'sweep' } });
        startSweep(s.sweep?.parameterIndex ?? 0);
        return;
      case 'e':
        update({ mode: { kind: 'prompt', purpose: 'export', label: 'export .xlsx+.csv to', line: lineOf(`${stem(s.path)}-comparison`) } });
        return;
      case 'w':
        update({ mode: { kind: 'prompt', purpose: 'save', label: 'save scenario as', line: lineOf(s.savedPath ?? `${stem(s.path)}-edited.yaml`) } });
        return;
      case 'o': {
        const folders = [dirname(s.path), ...(options.libraryFolder === undefined ? [] : [options.libraryFolder])];
        const seen = new Set<string>();
        const files = folders
          .flatMap((folder) => services.listScenarios(folder))
          .filter((file) => {
            const key = resolve(file);
            if (seen.has(key)) return false;
            seen.add(key);
            return true;
          });
        if (files.length === 0) {
          say('error', `no scenario files in ${folders.join(' or ')}`);
          return;
        }
        const current = files.findIndex((f) => resolve(f) === resolve(s.path));
        update({ mode: { kind: 'open', files, index: Math.max(0, current) } });
        return;
      }
      case '?':
        update({ mode: { kind: 'help' } });
        return;
      default:
        return;
    }
  };

  const handleKey = (input: string, key: KeyPress): void => {
    try {
      const s = ref.current;
      if (key.ctrl === true && input === 'c') {
        cancelSimulation();
        cancelSweep();
        onExit(130);
        return;
      }
      const mode = s.mode;
      switch (mode.kind) {
        case 'prompt': {
          if (key.escape === true) {
            update({ mode: { kind: 'main' }, message: null });
            return;
          }
          if (key.return === true) {
            submitPrompt(mode);
            return;
          }
          // Pasted text ending in a newline (or typed faster than it is read) is typed, then submitted.
          const newline = input.search(/[\r\n]/);
          if (newline >= 0 && input.length > 1) {
            const typed = editLine(mode.line, input.slice(0, newline), {}) ?? mode.line;
            submitPrompt({ ...mode, line: typed });
            return;
          }
          const line = editLine(mode.line, input, key);
          if (line !== null) update({ mode: { ...mode, line } });
          return;
        }
        case 'confirm-overwrite': {
          if (input === 'y' || input === 'Y') saveTo(mode.path);
          else if (input === 'n' || input === 'N' || key.escape === true) update({ mode: { kind: 'main' }, message: { kind: 'info', text: `not saved; ${mode.path} is unchanged` } });
          return;
        }
        case 'open': {
          if (key.escape === true) update({ mode: { kind: 'main' } });
          else if (key.upArrow === true || input === 'k') update({ mode: { ...mode, index: Math.max(0, mode.index - 1) } });
          else if (key.downArrow === true || input === 'j') update({ mode: { ...mode, index: Math.min(mode.files.length - 1, mode.index + 1) } });
          else if (key.return === true) {
            const file = mode.files[mode.index];
            if (file !== undefined) openScenario(file);
          } else if (input === 'q') onExit(0);
          return;
        }
        case 'help': {
          if (input === 'q') onExit(0);
          else update({ mode: { kind: 'main' } });
          return;
        }
        case 'sweep': {
          if (input === 'q') {
            cancelSweep();
            onExit(0);
          } else if (key.escape === true || input === 's' || key.return === true) {
            cancelSweep();
            update({ mode: { kind: 'main' } });
          } else if (input === 't') startSweep((s.sweep?.parameterIndex ?? 0) + 1);
          else if (key.tab === true) selectVariant(s.variantIndex + (key.shift === true ? -1 : 1));
          else if (/^[1-9]$/.test(input) && Number(input) <= s.scenario.variants.length) selectVariant(Number(input) - 1);
          else if (input === '?') update({ mode: { kind: 'help' } });
          return;
        }
        case 'main': {
          if (input === 'q') {
            cancelSimulation();
            onExit(0);
            return;
          }
          handleMainKey(input, key);
          return;
        }
      }
    } catch (error) {
      onCrash(error);
    }
  };

  const knobs = useMemo(() => knobsFor(state.scenario, state.scenario.variants[state.variantIndex]?.name ?? ''), [state.scenario, state.variantIndex]);
  const originalKnobs = useMemo(() => {
    const name = state.scenario.variants[state.variantIndex]?.name ?? '';
    const map = new Map<string, number | null>();
    if (!state.original.variants.some((v) => v.name === name)) return map;
    for (const knob of knobsFor(state.original, name)) map.set(knob.id, knob.value);
    return map;
  }, [state.original, state.scenario, state.variantIndex]);

  return { state, knobs, originalKnobs, analyser, handleKey };
}
