import { Box, Text, useInput, useStdin } from 'ink';
import type { Key } from 'ink';
import { useCallback, useMemo, useRef } from 'react';
import type { LoadedScenario } from '../../scenario/load.js';
import { intervalProfile } from '../model/charts.js';
import { comparisonTable, significanceOf } from '../model/comparison.js';
import { isEdited } from '../model/explorer-state.js';
import { keyFigureLineCounts, keyFigureLines, networkShapeOf } from '../model/figures.js';
import { formatKnobValue, groupNamesOf } from '../model/knobs.js';
import { unstableSummary } from '../model/stability.js';
import { weekdayOfDay } from '../../core/model/contact-centre-model.js';
import { layoutFor, panelLines } from '../model/layout.js';
import { sweepParametersFor } from '../model/sweep.js';
import { nextAgainst, whatIfPair } from '../model/what-if.js';
import { useExplorer } from '../hooks/use-explorer.js';
import type { ExplorerServices } from '../services.js';
import { ComparisonPanel } from './ComparisonPanel.js';
import { CostBars } from './CostBars.js';
import { Header } from './Header.js';
import { helpMaxOffset, helpPageRows, HelpView } from './HelpView.js';
import { IntervalChart } from './IntervalChart.js';
import { KeyFooter } from './KeyFooter.js';
import { ParameterPanel } from './ParameterPanel.js';
import { ScenarioPicker } from './ScenarioPicker.js';
import { StatusLine } from './StatusLine.js';
import { SweepView } from './SweepView.js';
import { VariantTabs } from './VariantTabs.js';
import { whatIfScroll, WhatIfView } from './WhatIfView.js';

export interface ExplorerProps {
  /** The scenario file, as given (exports and saves go beside it). */
  readonly path: string;
  /** The scenario, already read and validated. */
  readonly scenario: LoadedScenario;
  /** Figures, simulation and files (fakes in tests). */
  readonly services: ExplorerServices;
  /** For exported reports. */
  readonly staffsimVersion: string;
  /** Terminal size. */
  readonly columns: number;
  readonly rows: number;
  /** Quit with an exit code: 0 for q, 130 for Ctrl-C. */
  readonly onExit: (code: number) => void;
  /** An unexpected error (a bug): shown, then exit 70. */
  readonly onCrash: (error: unknown) => void;
  /** Today's date, "YYYY-MM-DD", for a saved file's header (default: the clock). */
  readonly today?: () => string;
  /** The shipped scenarios' folder, offered by `o` besides the open file's folder. */
  readonly libraryFolder?: string;
  /** Where exports and saves go unless a path says otherwise (default: the current directory). */
  readonly workingFolder?: string;
}

/** How far the help screen scrolls at a terminal size (its body does not depend on the knobs). */
function helpScrollFor(columns: number, rows: number, groups: boolean): { maxOffset: number; page: number } {
  const layout = layoutFor(columns, rows, 0, { groups });
  return { maxOffset: helpMaxOffset(layout.columns, layout.bodyRows), page: helpPageRows(layout.bodyRows) };
}

/** The explorer's screen: header, tabs, parameters, comparison, charts, status line and key footer. */
export function Explorer(props: ExplorerProps) {
  const { isRawModeSupported } = useStdin();
  const explorer = useExplorer({
    path: props.path,
    scenario: props.scenario,
    services: props.services,
    staffsimVersion: props.staffsimVersion,
    onExit: props.onExit,
    onCrash: props.onCrash,
    ...(props.today === undefined ? {} : { today: props.today }),
    ...(props.libraryFolder === undefined ? {} : { libraryFolder: props.libraryFolder }),
    ...(props.workingFolder === undefined ? {} : { workingFolder: props.workingFolder }),
    helpScroll: helpScrollFor(props.columns, props.rows, props.scenario.variants.some((v) => v.model.network !== undefined)),
    whatIfScroll: (s) => {
      const size = layoutFor(props.columns, props.rows, 0, { groups: s.scenario.variants.some((v) => v.model.network !== undefined) });
      return whatIfScroll(s.whatIf, size.columns - 1, size.bodyRows);
    },
  });
  // One subscription for the screen's life: the handler reads the latest state itself.
  const handleKey = useRef(explorer.handleKey);
  handleKey.current = explorer.handleKey;
  const onInput = useCallback((input: string, key: Key) => handleKey.current(input, key), []);
  useInput(onInput, { isActive: isRawModeSupported === true });

  const { state, knobs, originalKnobs } = explorer;
  const names = state.scenario.variants.map((v) => v.name);
  const variantName = names[state.variantIndex] ?? '';
  const shape = useMemo(() => networkShapeOf(state.scenario.variants.map((v) => v.model)), [state.scenario]);
  const groupNames = groupNamesOf(state.scenario, variantName);
  const selectedGroup = groupNames.includes(state.groupName ?? '') ? state.groupName : (groupNames[0] ?? null);
  const layout = layoutFor(props.columns, props.rows, panelLines(knobs).length, {
    figureLines: keyFigureLineCounts(shape),
    variants: names.length,
    groups: shape !== null,
  });
  const run = state.simulation.status === 'done' ? state.simulation.run : null;
  const results = run !== null ? names.map((name) => run.variants.find((v) => v.variant === name) ?? null) : state.figures.map((f) => f.result);
  const selectedResult = results[state.variantIndex] ?? null;
  const edited = useMemo(() => isEdited(state), [state.scenario, state.original]);
  const editedVariants = useMemo(() => {
    const out = new Set<string>();
    for (const variant of state.scenario.variants) {
      const before = state.original.variants.find((v) => v.name === variant.name);
      if (before === undefined || JSON.stringify(before.model) !== JSON.stringify(variant.model)) out.add(variant.name);
    }
    return out;
  }, [state.scenario, state.original]);

  const sources = new Set(state.figures.flatMap((f) => (f.result === null ? [] : [f.result.source])));
  const analyticSource = sources.size === 1 && sources.has('erlang-c') ? 'Erlang C' : sources.size === 1 ? 'Erlang A' : 'Erlang A/C';
  const headerSource =
    run !== null
      ? `simulated · ${run.replicationCount} replications · mean ±95% CI`
      : `analytic estimates (${analyticSource}), ${state.computedOnOpen ? 'computed' : 'recomputed'} in ${state.recomputeMs.toFixed(0)} ms${state.simulation.status === 'running' ? ' · simulating…' : ''}`;
  const whatIfProgress =
    state.whatIf?.status === 'computing' && state.mode.kind !== 'what-if' ? ` · what-if ${state.whatIf.rows.length}/${state.whatIf.start?.inputs ?? '…'}` : '';

  const knob = knobs[state.knobIndex];
  const stepUnit = knob?.kind === 'time' ? ' min' : knob === undefined || knob.unit === '' || knob.unit === 'avg' ? '' : ` ${knob.unit}`;
  const hint =
    knob === undefined
      ? ''
      : knob.kind === 'choice'
        ? `${knob.description} · ←→ switch`
        : `${knob.description} · ←→ ${formatKnobValue(knob.step)}, shift ${formatKnobValue(knob.bigStep)}${stepUnit}`;

  // Analytic figures of a plan with an overloaded queue without patience are unbounded: ∞, and the status line says where.
  const unstable = names.map((_, i) => run === null && ((state.figures[i]?.overloaded.length ?? 0) > 0 || (state.figures[i]?.taskOverloads.length ?? 0) > 0));
  const selected = state.figures[state.variantIndex];
  const warning = run === null ? unstableSummary(variantName, selected?.overloaded ?? [], selected?.taskOverloads ?? []) : null;
  const costBars = (width: number, rows: number) => (
    <CostBars
      variants={names.map((name, i) => {
        const result = results[i] ?? null;
        return { name, totals: result?.totals ?? null, unstable: unstable[i] === true, ...(result?.groups === undefined ? {} : { groups: result.groups }) };
      })}
      groupOrder={shape?.groups.map((g) => g.name) ?? []}
      selected={state.variantIndex}
      currency={state.scenario.currency}
      width={width}
      rows={rows}
    />
  );

  const bodyRows = layout.bodyRows;
  let body;
  if (state.mode.kind === 'help') {
    body = <HelpView width={layout.columns} rows={bodyRows} offset={state.mode.offset} />;
  } else if (state.mode.kind === 'open') {
    body = <ScenarioPicker files={state.mode.files} index={state.mode.index} currentPath={state.path} edited={edited} width={layout.columns} rows={bodyRows} />;
  } else if (state.mode.kind === 'what-if') {
    const pair = whatIfPair(names, state.variantIndex, state.whatIfAgainst);
    const against = names.length > 2 ? nextAgainst(names, pair[0] ?? null) : null;
    body = <WhatIfView whatIf={state.whatIf} offset={state.mode.offset} nextAgainst={against} width={layout.columns} rows={bodyRows} />;
  } else if (state.mode.kind === 'sweep') {
    body = (
      <SweepView
        sweep={state.sweep}
        parameters={sweepParametersFor(knobs)}
        variantName={variantName}
        currency={state.scenario.currency}
        width={layout.columns}
        rows={bodyRows}
      />
    );
  } else {
    const lines = keyFigureLines(shape, selectedGroup, layout.figureLines);
    const table = comparisonTable(names, results, state.variantIndex, layout.comparisonWidth - 1, significanceOf(run), lines);
    const model = state.scenario.variants[state.variantIndex]?.model;
    const days = model?.calendar.days ?? 1;
    const day = state.chartDay !== null && state.chartDay < days ? state.chartDay : null;
    const sl = selectedResult === null ? null : intervalProfile(selectedResult, 'serviceLevel', day);
    const attempts = selectedResult === null ? null : intervalProfile(selectedResult, 'attempts', day);
    const slValues = sl === null ? [] : sl.values.map((v) => v * 100);
    const targetLevel = model?.staffing.kind === 'target' ? model.staffing.target.serviceLevel : null;
    const target = targetLevel === null || targetLevel === undefined ? undefined : targetLevel * 100;
    const finiteSl = [...slValues, ...(target === undefined ? [] : [target])].filter((v) => Number.isFinite(v));
    const slMin = finiteSl.length === 0 ? 0 : Math.max(0, Math.floor(Math.min(...finiteSl) / 10) * 10);
    const slMax = finiteSl.length === 0 ? 100 : Math.min(100, Math.max(slMin + 10, Math.ceil(Math.max(...finiteSl) / 10) * 10));
    const dayText =
      day === null
        ? days === 1
          ? 'day 1'
          : `mean of ${days} days`
        : `day ${day + 1} (${model === undefined ? '' : weekdayOfDay(model.calendar, day)})`;
    const within = model?.serviceLevel.answerWithinSeconds;
    const chartsWidth = layout.slChartWidth + layout.queueChartWidth + 1;
    const chartRows = layout.chartPlotRows + 3;
    body = (
      <Box flexDirection="column" height={bodyRows}>
        <Box height={layout.topRows}>
          <ParameterPanel
            knobs={knobs}
            selected={state.knobIndex}
            originalValues={originalKnobs}
            variantName={variantName}
            groups={groupNames}
            width={layout.parametersWidth}
            visibleRows={layout.visibleKnobs}
          />
          <ComparisonPanel table={table} title={run !== null ? '(simulated, ±95%)' : '(analytic)'} width={layout.comparisonWidth} />
        </Box>
        {layout.costOnlyRows > 0 ? costBars(layout.costWidth, layout.costOnlyRows) : null}
        {layout.chartPlotRows > 0 ? (
          <Box marginTop={layout.gap ? 1 : 0} height={chartRows}>
            {selectedResult === null ? (
              <Box width={chartsWidth}>
                <Text color="red" wrap="wrap">
                  {variantName}: {state.figures[state.variantIndex]?.error ?? 'no figures'}
                </Text>
              </Box>
            ) : (
              <Box flexDirection="column" width={chartsWidth}>
                <Text wrap="truncate-end">
                  <Text bold>{variantName}</Text> · {dayText}
                  <Text dimColor>{days > 1 ? ` · d: ${day === null ? 'day 1' : day + 1 < days ? `day ${day + 2}` : 'mean'}` : ''}</Text>
                </Text>
                <Box>
                  <IntervalChart
                    title={slChartTitle(within, target, layout.slChartWidth - 1)}
                    values={slValues}
                    starts={sl?.starts ?? []}
                    width={layout.slChartWidth}
                    plotRows={layout.chartPlotRows}
                    min={slMin}
                    max={slMax}
                    {...(target === undefined ? {} : { reference: target })}
                    color="green"
                  />
                  <Box width={1} />
                  <IntervalChart
                    title="Attempts per interval"
                    values={attempts?.values ?? []}
                    starts={attempts?.starts ?? []}
                    width={layout.queueChartWidth}
                    plotRows={layout.chartPlotRows}
                    min={0}
                    color="magenta"
                  />
                </Box>
              </Box>
            )}
            <Box width={1} />
            {costBars(layout.costWidth, chartRows)}
          </Box>
        ) : null}
      </Box>
    );
  }

  return (
    <Box flexDirection="column" width={layout.columns}>
      <Header scenarioName={state.scenario.name} source={`${headerSource}${whatIfProgress}`} simulated={run !== null} edited={edited} width={layout.columns} />
      <VariantTabs names={names} selected={state.variantIndex} edited={editedVariants} width={layout.columns} />
      <Box height={bodyRows} flexDirection="column">
        {body}
      </Box>
      <StatusLine mode={state.mode} simulation={state.simulation} message={state.message} hint={hint} warning={warning} width={layout.columns} />
      <KeyFooter width={layout.columns} groups={shape !== null} />
    </Box>
  );
}

/** The service-level chart's title: the threshold and the target line's value, shortened to fit `width`. */
function slChartTitle(withinSeconds: number | undefined, target: number | undefined, width: number): string {
  const within = withinSeconds === undefined ? '' : ` (${withinSeconds} s)`;
  const line = target === undefined ? '' : ` ╌ target ${formatKnobValue(target)}%`;
  const candidates = [`Service level %${within}${line}`, `SL %${within}${line}`, `SL %${line}`];
  return candidates.find((title) => [...title].length <= width) ?? (candidates[candidates.length - 1] as string);
}
