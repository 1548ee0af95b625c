/** The explorer's state: what is open, what is selected, which figures are shown and what the screen is doing. */
import type { LoadedScenario } from '../../scenario/load.js';
import type { SimulationRun } from '../services.js';
import type { VariantFigures } from './analysis.js';
import type { LineState } from './line-editor.js';
import type { SweepOutcome } from './sweep.js';
import type { WhatIfState } from './what-if.js';

/** What the keys currently drive. */
export type Mode =
  | { readonly kind: 'main' }
  /** The help screen, scrolled down by `offset` lines. */
  | { readonly kind: 'help'; readonly offset: number }
  | { readonly kind: 'sweep' }
  /** The what-if view (sensitivity, break-even, what drives the difference), scrolled down by `offset` lines. */
  | { readonly kind: 'what-if'; readonly offset: number }
  | { readonly kind: 'prompt'; readonly purpose: 'value' | 'export' | 'save'; readonly label: string; readonly line: LineState; readonly knobId?: string }
  | { readonly kind: 'confirm-overwrite'; readonly path: string }
  /** `q` with unsaved changes: quit anyway, save first, or stay. */
  | { readonly kind: 'confirm-quit' }
  | { readonly kind: 'open'; readonly files: readonly string[]; readonly index: number };

export type SimulationState =
  | { readonly status: 'idle' }
  | { readonly status: 'running'; readonly variant: string; readonly done: number; readonly total: number }
  | { readonly status: 'done'; readonly run: SimulationRun; readonly seconds: number };

export type SweepState =
  | { readonly status: 'computing'; readonly parameterIndex: number; readonly done: number; readonly total: number }
  | { readonly status: 'ready'; readonly parameterIndex: number; readonly outcome: SweepOutcome }
  | { readonly status: 'failed'; readonly parameterIndex: number; readonly message: string };

export interface Message {
  readonly kind: 'info' | 'success' | 'error';
  readonly text: string;
}

export interface ExplorerState {
  /** The scenario file as given on the command line (or picked). */
  readonly path: string;
  /** The scenario as read from the file, and as edited. */
  readonly original: LoadedScenario;
  readonly scenario: LoadedScenario;
  /** Earlier versions of `scenario`, for undo (most recent last). */
  readonly history: readonly LoadedScenario[];
  readonly variantIndex: number;
  /**
   * The agent group whose knobs the parameters panel shows (and whose key figures a small screen shows), by name; null
   * for the first group, or a scenario without groups. A variant without this group shows its first.
   */
  readonly groupName: string | null;
  readonly knobIndex: number;
  /** Analytic figures of every variant of `scenario`. */
  readonly figures: readonly VariantFigures[];
  /** How long the last computation took (edit, validation and analysis), ms, and whether it was for opening the file. */
  readonly recomputeMs: number;
  readonly computedOnOpen: boolean;
  readonly simulation: SimulationState;
  readonly sweep: SweepState | null;
  /**
   * The what-if analysis of the scenario as edited: null until `a` first opens it; from then on it follows every
   * edit (restarted in the background).
   */
  readonly whatIf: WhatIfState | null;
  /** The variant the what-if view compares the selected one with, by name; null for the first. */
  readonly whatIfAgainst: string | null;
  readonly mode: Mode;
  readonly message: Message | null;
  /** Where `w` last saved (as typed), to offer it again. */
  readonly savedPath: string | null;
  /** The day the interval charts show (0-based), or null for the mean of every day. */
  readonly chartDay: number | null;
}

/** The state right after opening a scenario. */
export function initialState(path: string, scenario: LoadedScenario, figures: readonly VariantFigures[], recomputeMs: number): ExplorerState {
  return {
    path,
    original: scenario,
    scenario,
    history: [],
    variantIndex: 0,
    groupName: null,
    knobIndex: 0,
    figures,
    recomputeMs,
    computedOnOpen: true,
    simulation: { status: 'idle' },
    sweep: null,
    whatIf: null,
    whatIfAgainst: null,
    mode: { kind: 'main' },
    message: null,
    savedPath: null,
    chartDay: null,
  };
}

/** Whether the scenario differs from the file. */
export function isEdited(state: ExplorerState): boolean {
  return JSON.stringify(state.scenario.document) !== JSON.stringify(state.original.document);
}
