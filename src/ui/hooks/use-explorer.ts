/**
 * The explorer's behaviour: state, keys, and the work they start (recomputation, simulation, sweep, export, save,
 * open). Keys arriving in one burst (a paste, a key held down, tmux send-keys) each see the state the previous one
 * left, because the state is kept in a ref and rendered from a copy.
 */
import { basename, dirname, extname, resolve } from 'node:path';
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
import { groupNamesOf, knobInputText, localKnobId, knobsFor, knobValueWithUnit, parseKnobInput, steppedValue } from '../model/knobs.js';
import type { Knob } from '../model/knobs.js';
import { editLine, lineOf } from '../model/line-editor.js';
import { computeSweep, sweepParametersFor } from '../model/sweep.js';
import { nextAgainst, startedWhatIf, whatIfPair, withWhatIfMessage } from '../model/what-if.js';
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
  /** Where exports and saves go unless a path says otherwise (the current directory). */
  readonly workingFolder?: string;
  /** How far the help screen scrolls (its last offset) and how many lines a page has. */
  readonly helpScroll?: { readonly maxOffset: number; readonly page: number };
  /** The same for the what-if view, whose length grows as its analysis arrives. */
  readonly whatIfScroll?: (state: ExplorerState) => { readonly maxOffset: number; readonly page: number };
}

/** How long the what-if analysis waits after an edit before it restarts (a key held down restarts it once). */
export const WHAT_IF_RESTART_DELAY_MS = 250;

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
  const whatIfRef = useRef<{ readonly controller: AbortController; timer: ReturnType<typeof setTimeout> | null } | null>(null);
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
      const whatIf = whatIfRef.current;
      if (whatIf !== null) {
        if (whatIf.timer !== null) clearTimeout(whatIf.timer);
        whatIf.controller.abort();
      }
    };
  }, []);

  const variantName = (s: ExplorerState): string => s.scenario.variants[s.variantIndex]?.name ?? '';
  /** The knobs the panel shows now: the selected variant's (and, with agent groups, the selected group's). */
  const knobsOf = (s: ExplorerState): Knob[] => knobsFor(s.scenario, variantName(s), s.groupName);

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

  const cancelWhatIf = (): void => {
    const running = whatIfRef.current;
    if (running === null) return;
    whatIfRef.current = null;
    if (running.timer !== null) clearTimeout(running.timer);
    running.controller.abort();
  };

  /** The variants the what-if view compares now. */
  const whatIfVariants = (s: ExplorerState): string[] => whatIfPair(s.scenario.variants.map((v) => v.name), s.variantIndex, s.whatIfAgainst);

  /**
   * (Re)starts the what-if analysis of the scenario as it is now, in the background (a thread): its parts are shown
   * as they arrive; an earlier run is stopped. After an edit it waits `delayMs`, so a burst of edits restarts it once.
   */
  const startWhatIf = (delayMs = 0): void => {
    cancelWhatIf();
    const s = ref.current;
    const scenario = s.scenario;
    const variants = whatIfVariants(s);
    const running = { controller: new AbortController(), timer: null as ReturnType<typeof setTimeout> | null };
    whatIfRef.current = running;
    update({ whatIf: startedWhatIf(scenario, variants) });
    const run = (): void => {
      running.timer = null;
      const started = performance.now();
      services
        .whatIf(scenario, variants, {
          signal: running.controller.signal,
          onMessage: (message) => {
            const current = ref.current.whatIf;
            if (whatIfRef.current !== running || current === null) return;
            update({ whatIf: withWhatIfMessage(current, message, (performance.now() - started) / 1000) });
          },
        })
        .then(() => {
          if (whatIfRef.current === running) whatIfRef.current = null;
        })
        .catch((error: unknown) => {
          if (whatIfRef.current !== running || isAbort(error)) return;
          whatIfRef.current = null;
          onCrash(error);
        });
    };
    if (delayMs > 0) running.timer = setTimeout(run, delayMs);
    else run();
  };

  /** Restarts the what-if analysis when it is on and what it should show has changed (an edit, another pair). */
  const followWhatIf = (delayMs: number): void => {
    const s = ref.current;
    if (s.whatIf === null) return;
    const variants = whatIfVariants(s);
    if (s.whatIf.scenario === s.scenario && variants.join('\u0000') === s.whatIf.variants.join('\u0000')) return;
    startWhatIf(delayMs);
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
        failed !== undefined
          ? { kind: 'error', text: `${failed.name}: ${failed.error ?? ''}` }
          : (message ?? (wasSimulated ? { kind: 'info', text: 'changed: back to analytic estimates (r simulates again)' } : null)),
    });
    followWhatIf(WHAT_IF_RESTART_DELAY_MS);
  };

  /**
   * Sets a knob. A typed value (`note` given, possibly empty) is always confirmed on the status line with what was
   * understood; a step only when the knob has something to add (a method switched with the patience).
   */
  const applyKnob = (knob: Knob, value: number | null, typed: { note: string | null } | null = null): void => {
    const s = ref.current;
    const started = performance.now();
    const shown = knobValueWithUnit(knob, value);
    let next: LoadedScenario;
    try {
      next = knob.apply(s.scenario, value);
    } catch (error) {
      const message = userMessage(error);
      if (message === null) throw error;
      say('error', `${knob.label} ${shown}: ${message}`);
      return;
    }
    const notes = [typed?.note ?? null, knob.explain?.(value) ?? null].filter((note): note is string => note !== null);
    const message: Message | null =
      typed !== null || notes.length > 0 ? { kind: 'info', text: `${knob.label} = ${shown}${notes.length === 0 ? '' : ` · ${notes.join(' · ')}`}` } : null;
    changeScenario(next, started, [...s.history, s.scenario].slice(-200), message);
  };

  const selectVariant = (index: number): void => {
    const s = ref.current;
    const count = s.scenario.variants.length;
    if (count === 0) return;
    const nextIndex = ((index % count) + count) % count;
    const current = knobsOf(s)[s.knobIndex];
    const next = { ...s, variantIndex: nextIndex };
    set({ ...next, knobIndex: sameKnobIndex(current, knobsOf(next), s.knobIndex) });
    if (ref.current.mode.kind === 'sweep') startSweep(ref.current.sweep?.parameterIndex ?? 0);
    followWhatIf(ref.current.mode.kind === 'what-if' ? 0 : WHAT_IF_RESTART_DELAY_MS);
  };

  /** Opens the what-if view, starting its analysis unless one of the scenario as it is now is there. */
  const openWhatIf = (): void => {
    update({ mode: { kind: 'what-if', offset: 0 } });
    if (ref.current.whatIf === null) startWhatIf();
    else followWhatIf(0);
  };

  /** Shows the next (or previous) agent group's knobs, keeping the same parameter selected where the group has it. */
  const selectGroup = (direction: 1 | -1): void => {
    const s = ref.current;
    const groups = groupNamesOf(s.scenario, variantName(s));
    if (groups.length === 0) {
      say('info', 'this scenario has no agent groups (g shows the knobs of one group at a time)');
      return;
    }
    const at = Math.max(0, groups.indexOf(s.groupName ?? groups[0] ?? ''));
    const groupName = groups[(((at + direction) % groups.length) + groups.length) % groups.length] ?? null;
    const current = knobsOf(s)[s.knobIndex];
    const next = { ...s, groupName };
    set({ ...next, knobIndex: sameKnobIndex(current, knobsOf(next), s.knobIndex), message: { kind: 'info', text: `parameters of ${groupName ?? ''} (group ${groups.indexOf(groupName ?? '') + 1} of ${groups.length}; g switches)` } });
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
    const parameters = sweepParametersFor(knobsOf(s));
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
      groupName: s.groupName,
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

  /** The file's name without its extension: defaults for exports and saves in the working folder. */
  const stem = (path: string): string => basename(path, extname(path));
  const workingFolder = options.workingFolder ?? resolve('.');
  /** Where a typed path goes: relative paths are in the working folder. */
  const inWorkingFolder = (typed: string): string => resolve(workingFolder, typed);
  /** " (in FOLDER)" for a relative path, so the user knows where the file went. */
  const folderNote = (typed: string): string => (resolve(typed) === typed ? '' : ` (in ${dirname(inWorkingFolder(typed))})`);

  const startExport = (text: string): void => {
    const s = ref.current;
    const target = text.trim();
    if (target === '') {
      say('error', 'export: no file name given');
      return;
    }
    const extension = extname(target).toLowerCase();
    const typed = extension === '.xlsx' ? { xlsx: target } : extension === '.csv' ? { csv: target } : { xlsx: `${target}.xlsx`, csv: `${target}.csv` };
    const paths = {
      ...(typed.xlsx === undefined ? {} : { xlsx: inWorkingFolder(typed.xlsx) }),
      ...(typed.csv === undefined ? {} : { csv: inWorkingFolder(typed.csv) }),
    };
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
      .then(() => update({ message: { kind: 'success', text: `wrote ${[typed.xlsx, typed.csv].filter((p) => p !== undefined).join(' and ')}${folderNote(target)}` } }))
      .catch((error: unknown) => {
        const message = userMessage(error);
        if (message === null) {
          onCrash(error);
          return;
        }
        update({ message: { kind: 'error', text: `export failed: ${message}` } });
      });
  };

  /**
   * Writes the edited scenario to `typed` (relative to the working folder). The saved file becomes the open one: the
   * header no longer says "(edited)", `o` no longer warns, and `q` quits without asking.
   */
  const saveTo = (typed: string): void => {
    const s = ref.current;
    const path = inWorkingFolder(typed);
    // The name stays: the header comment says where the file came from.
    const document = structuredClone(s.scenario.document) as Record<string, unknown>;
    const original = services.readText(s.path);
    const today = options.today?.() ?? new Date().toISOString().slice(0, 10);
    const text = scenarioYaml(document, {
      ...(original === null ? {} : { originalText: original }),
      headerComment: `Saved by staffsim explore on ${today} from ${basename(s.path)}, with the changes made there.`,
    });
    let saved: LoadedScenario;
    try {
      saved = parseScenarioText(text, { file: path }); // what is written must load
      services.writeText(path, text);
    } catch (error) {
      const message = userMessage(error);
      if (message === null) throw error;
      update({ mode: { kind: 'main' }, message: { kind: 'error', text: `not saved: ${message}` } });
      return;
    }
    const started = performance.now();
    const figures = analyser.analyse(saved);
    set({
      ...ref.current,
      path,
      original: saved,
      scenario: saved,
      figures,
      recomputeMs: performance.now() - started,
      computedOnOpen: false,
      mode: { kind: 'main' },
      savedPath: typed,
      message: { kind: 'success', text: `saved ${typed}${folderNote(typed)}` },
    });
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
    cancelWhatIf();
    const started = performance.now();
    const figures = analyser.analyse(scenario);
    set({ ...initialState(path, scenario, figures, performance.now() - started), message: { kind: 'success', text: `opened ${path}` } });
  };

  /** Quits at once, or asks first when there are unsaved changes. */
  const requestQuit = (): void => {
    if (isEdited(ref.current)) {
      update({ mode: { kind: 'confirm-quit' } });
      return;
    }
    quit();
  };

  const quit = (): void => {
    cancelSimulation();
    cancelSweep();
    cancelWhatIf();
    onExit(0);
  };

  const savePrompt = (): Mode => ({
    kind: 'prompt',
    purpose: 'save',
    label: 'save scenario as',
    line: lineOf(ref.current.savedPath ?? `${stem(ref.current.path)}-edited.yaml`),
  });

  const submitPrompt = (mode: Extract<Mode, { kind: 'prompt' }>): void => {
    const text = mode.line.text;
    if (mode.purpose === 'value') {
      update({ mode: { kind: 'main' } });
      const knob = knobsOf(ref.current).find((k) => k.id === mode.knobId);
      if (knob === undefined) return;
      const parsed = parseKnobInput(knob, text);
      if (!parsed.ok) {
        say('error', parsed.message);
        return;
      }
      applyKnob(knob, parsed.value, { note: parsed.note });
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
    if (services.fileExists(inWorkingFolder(path))) {
      update({ mode: { kind: 'confirm-overwrite', path } });
      return;
    }
    saveTo(path);
  };

  const handleMainKey = (input: string, key: KeyPress): void => {
    const s = ref.current;
    const knobs = knobsOf(s);
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
        say('info', `${knob.label}: ${arrow[0] > 0 ? 'at its maximum' : 'at its minimum'} (${knobValueWithUnit(knob, knob.value)})`);
        return;
      }
      applyKnob(knob, value);
      return;
    }
    if (key.return === true) {
      if (knob === undefined) return;
      const unit = knob.unit === '' ? '' : ` (${knob.unit})`;
      update({ mode: { kind: 'prompt', purpose: 'value', label: `${knob.label}${unit}`, line: lineOf(knobInputText(knob)), knobId: knob.id } });
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
      case 'g':
        selectGroup(1);
        return;
      case 'G':
        selectGroup(-1);
        return;
      case 'r':
        startSimulation();
        return;
      case 's':
        update({ mode: { kind: 'sweep' } });
        startSweep(s.sweep?.parameterIndex ?? 0);
        return;
      case 'a':
        openWhatIf();
        return;
      case 'd': {
        const days = s.scenario.variants[s.variantIndex]?.model.calendar.days ?? 1;
        const next = s.chartDay === null ? 0 : s.chartDay + 1 < days ? s.chartDay + 1 : null;
        update({ chartDay: days <= 1 ? null : next });
        return;
      }
      case 'e':
        update({ mode: { kind: 'prompt', purpose: 'export', label: 'export .xlsx+.csv to', line: lineOf(`${stem(s.path)}-comparison`) } });
        return;
      case 'w':
        update({ mode: savePrompt() });
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
        update({ mode: { kind: 'help', offset: 0 } });
        return;
      default:
        return;
    }
  };

  /**
   * Keys that arrived in one read (a fast typist, tmux send-keys) are handled one after another: in a prompt the text
   * between Enter, Tab and Esc is typed as one piece (with its Backspaces), elsewhere each character is a key.
   */
  const handleKey = (input: string, key: KeyPress): void => {
    const parts = input.length > 1 ? (splitBurst(input) ?? [{ input, key }]) : [{ input, key }];
    for (const part of parts) {
      const text = [...part.input];
      if (text.length > 1 && ref.current.mode.kind !== 'prompt') for (const ch of text) handleOneKey(ch, {});
      else handleOneKey(part.input, part.key);
    }
  };

  const handleOneKey = (input: string, key: KeyPress): void => {
    try {
      const s = ref.current;
      if (key.ctrl === true && input === 'c') {
        cancelSimulation();
        cancelSweep();
        cancelWhatIf();
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
          const line = editLine(mode.line, input, key);
          if (line !== null) update({ mode: { ...mode, line } });
          return;
        }
        case 'confirm-overwrite': {
          if (input === 'y' || input === 'Y') saveTo(mode.path);
          else if (input === 'n' || input === 'N' || key.escape === true) update({ mode: { kind: 'main' }, message: { kind: 'info', text: `not saved; ${mode.path} is unchanged` } });
          return;
        }
        case 'confirm-quit': {
          if (input === 'y' || input === 'Y' || input === 'q') quit();
          else if (input === 'w') update({ mode: savePrompt() });
          else if (input === 'n' || input === 'N' || key.escape === true) update({ mode: { kind: 'main' }, message: { kind: 'info', text: 'not quitting; w saves the changes' } });
          return;
        }
        case 'open': {
          if (key.escape === true) update({ mode: { kind: 'main' } });
          else if (key.upArrow === true || input === 'k') update({ mode: { ...mode, index: Math.max(0, mode.index - 1) } });
          else if (key.downArrow === true || input === 'j') update({ mode: { ...mode, index: Math.min(mode.files.length - 1, mode.index + 1) } });
          else if (key.return === true) {
            const file = mode.files[mode.index];
            if (file !== undefined) openScenario(file);
          } else if (input === 'q') requestQuit();
          return;
        }
        case 'help': {
          const page = options.helpScroll?.page ?? 10;
          const scroll = key.upArrow === true || input === 'k' ? -1 : key.downArrow === true || input === 'j' ? 1 : input === ' ' ? page : input === 'b' ? -page : 0;
          const last = options.helpScroll?.maxOffset ?? Number.POSITIVE_INFINITY;
          if (scroll !== 0) update({ mode: { kind: 'help', offset: Math.min(last, Math.max(0, mode.offset + scroll)) } });
          else if (input === 'q') requestQuit();
          else update({ mode: { kind: 'main' } });
          return;
        }
        case 'sweep': {
          if (input === 'q') requestQuit();
          else if (key.escape === true || input === 's' || key.return === true) {
            cancelSweep();
            update({ mode: { kind: 'main' } });
          } else if (input === 't') startSweep((s.sweep?.parameterIndex ?? 0) + 1);
          else if (input === 'g' || input === 'G') selectGroup(input === 'g' ? 1 : -1);
          else if (key.tab === true) selectVariant(s.variantIndex + (key.shift === true ? -1 : 1));
          else if (/^[1-9]$/.test(input) && Number(input) <= s.scenario.variants.length) selectVariant(Number(input) - 1);
          else if (input === '?') update({ mode: { kind: 'help', offset: 0 } });
          return;
        }
        case 'what-if': {
          const scroll = options.whatIfScroll?.(s) ?? { maxOffset: Number.POSITIVE_INFINITY, page: 10 };
          const by = key.upArrow === true || input === 'k' ? -1 : key.downArrow === true || input === 'j' ? 1 : input === ' ' ? scroll.page : input === 'b' ? -scroll.page : 0;
          if (by !== 0) update({ mode: { kind: 'what-if', offset: Math.min(scroll.maxOffset, Math.max(0, mode.offset + by)) } });
          else if (input === 'q') requestQuit();
          else if (key.escape === true || input === 'a' || key.return === true) update({ mode: { kind: 'main' } });
          else if (key.tab === true) selectVariant(s.variantIndex + (key.shift === true ? -1 : 1));
          else if (/^[1-9]$/.test(input) && Number(input) <= s.scenario.variants.length) selectVariant(Number(input) - 1);
          else if (input === 'c') {
            const names = s.scenario.variants.map((v) => v.name);
            update({ whatIfAgainst: nextAgainst(names, whatIfVariants(s)[0] ?? null) });
            followWhatIf(0);
          } else if (input === '?') update({ mode: { kind: 'help', offset: 0 } });
          return;
        }
        case 'main': {
          if (input === 'q') {
            requestQuit();
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

  const knobs = useMemo(() => knobsFor(state.scenario, state.scenario.variants[state.variantIndex]?.name ?? '', state.groupName), [state.scenario, state.variantIndex, state.groupName]);
  const originalKnobs = useMemo(() => {
    const name = state.scenario.variants[state.variantIndex]?.name ?? '';
    const map = new Map<string, number | null>();
    if (!state.original.variants.some((v) => v.name === name)) return map;
    for (const knob of knobsFor(state.original, name, state.groupName)) map.set(knob.id, knob.value);
    return map;
  }, [state.original, state.scenario, state.variantIndex, state.groupName]);

  return { state, knobs, originalKnobs, analyser, handleKey };
}

/**
 * Where the selection goes when the knobs change (another variant or group): the same parameter where the new list
 * has it (by id, or by its path inside the group for a knob of another group), else the same position.
 */
export function sameKnobIndex(current: Knob | undefined, next: readonly Knob[], index: number): number {
  const same = current === undefined ? -1 : next.findIndex((k) => k.id === current.id);
  const alike = same >= 0 || current === undefined ? same : next.findIndex((k) => k.group !== undefined && current.group !== undefined && localKnobId(k) === localKnobId(current));
  return alike >= 0 ? alike : Math.max(0, Math.min(index, next.length - 1));
}

/** Control characters that are keys of their own: Enter, Tab, Esc and Ctrl-C. */
const KEY_CHARACTERS: Record<string, { input: string; key: KeyPress }> = {
  '\r': { input: '', key: { return: true } },
  '\n': { input: '', key: { return: true } },
  '\t': { input: '', key: { tab: true } },
  '\u001b': { input: '', key: { escape: true } },
  '\u0003': { input: 'c', key: { ctrl: true } },
};

/**
 * Several keys read at once, as the keys they were: Enter, Tab, Esc and Ctrl-C on their own, the text between them
 * (with its Backspaces and Ctrl-U) as one piece. Null when the read holds none of those keys (one key, or pasted text).
 * @example splitBurst('0.86\r') // [{ input: '0.86', key: {} }, { input: '', key: { return: true } }]
 */
export function splitBurst(input: string): { input: string; key: KeyPress }[] | null {
  if (![...input].some((ch) => ch in KEY_CHARACTERS)) return null;
  const parts: { input: string; key: KeyPress }[] = [];
  let text = '';
  for (const ch of input) {
    const special = KEY_CHARACTERS[ch];
    if (special === undefined) {
      text += ch;
      continue;
    }
    if (text !== '') parts.push({ input: text, key: {} });
    text = '';
    parts.push(special);
  }
  if (text !== '') parts.push({ input: text, key: {} });
  return parts;
}
