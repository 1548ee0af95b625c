import type { Argv } from 'yargs';
import { InputError } from '../../core/errors.js';
import type { IntervalPlanRow, VariantPlan } from '../../core/plan/interval-plan.js';
import { planVariant } from '../../core/plan/interval-plan.js';
import { toJson } from '../../export/json.js';
import { formatClock, formatMoney, formatNumber, formatPercent, formatSeconds, renderTable } from '../../report/format.js';
import type { LoadedScenario } from '../../scenario/load.js';
import { readScenarioFile } from '../../scenario/load.js';
import type { CliIo } from '../io.js';

export function registerPlanCommand(cli: Argv, io: CliIo, _setExitCode: (code: number) => void): Argv {
  return cli.command(
    'plan <scenario>',
    'Per-interval requirements of each variant: attempts after redials and repeat contacts, agents, predicted service',
    (y) =>
      y
        .positional('scenario', { type: 'string', demandOption: true, describe: 'Scenario file (.yaml, .yml or .json)' })
        .option('variant', { type: 'string', describe: 'Only this variant' })
        .option('json', { type: 'boolean', default: false, describe: 'Print one JSON document' })
        .example('$0 plan scenarios/municipal-contact-centre.yaml', 'Every variant, interval by interval')
        .example('$0 plan scenarios/textbook-erlang-c.yaml --json', 'The same as JSON'),
    (args) => {
      const scenario = readScenarioFile(String(args.scenario));
      const variants = selectVariants(scenario, args.variant);
      const plans = variants.map((variant) => planVariant(variant.model));
      if (args.json === true) {
        io.stdout.write(toJson({ scenario: scenario.name, variants: plans.map(planJson) }));
        return;
      }
      io.stdout.write(`${plans.map(planText).join('\n\n')}\n`);
      for (const plan of plans) warnAboutPlan(plan, io);
    },
  );
}

/** The variants a command should run: all, or the one named by --variant (an unknown name is bad input). */
export function selectVariants(scenario: LoadedScenario, name: unknown): LoadedScenario['variants'] {
  if (name === undefined) return scenario.variants;
  const chosen = scenario.variants.filter((variant) => variant.name === name);
  if (chosen.length === 0) {
    throw new InputError([
      {
        path: '',
        code: 'unknown_variant',
        message: `--variant: no variant named "${String(name)}" in ${scenario.file ?? scenario.name}; it has ${scenario.variants.map((v) => `"${v.name}"`).join(', ')}`,
      },
    ]);
  }
  return chosen;
}

function planJson(plan: VariantPlan): Record<string, unknown> {
  return {
    name: plan.model.variantName,
    source: plan.source,
    converged: plan.converged,
    totals: plan.totals,
    intervals: plan.rows.map((row) => ({
      day: row.day + 1,
      start: formatClock(row.startSeconds),
      cases: row.cases,
      redials: row.redials,
      repeatContacts: row.repeatContacts,
      attempts: row.attempts,
      onPhoneAgents: row.onPhoneAgents,
      paidAgents: row.paidAgents,
      stable: row.stable,
      serviceLevel: row.serviceLevel,
      probabilityOfWaiting: row.probabilityOfWaiting,
      asaSeconds: row.asaSeconds,
      meanWaitSeconds: row.meanWaitSeconds,
      abandonedShare: row.abandonedShare,
      occupancy: row.occupancy,
      ...row.costs,
    })),
  };
}

function planText(plan: VariantPlan): string {
  const { model, totals } = plan;
  const staffingNote = model.staffing.kind === 'target' ? 'agents solved for the target' : `staffing: ${model.staffing.kind}`;
  const title = `${model.scenarioName} — ${model.variantName} (${plan.source === 'erlang-a' ? 'Erlang A' : 'Erlang C'}, analytic; ${staffingNote})`;
  const table = renderTable(
    [
      { header: 'day' },
      { header: 'start' },
      { header: 'cases' },
      { header: 'attempts' },
      { header: 'agents' },
      { header: 'paid' },
      { header: 'SL' },
      { header: 'ASA' },
      { header: 'aband.' },
      { header: 'occ.' },
    ],
    plan.rows.map((row: IntervalPlanRow) => [
      String(row.day + 1),
      formatClock(row.startSeconds),
      formatNumber(row.cases, 1),
      formatNumber(row.attempts, 1),
      formatNumber(row.onPhoneAgents, Number.isInteger(row.onPhoneAgents) ? 0 : 1),
      formatNumber(row.paidAgents, 1),
      formatPercent(row.serviceLevel),
      formatSeconds(row.asaSeconds),
      formatPercent(row.abandonedShare),
      formatPercent(row.occupancy),
    ]),
  );
  const t = (name: keyof typeof totals): number => totals[name] ?? 0;
  const summary = [
    `cases ${formatNumber(t('cases'))} · attempts ${formatNumber(t('attempts'))} (${formatNumber(t('attemptsPerCase'), 2)} per case) · resolved ${formatPercent(t('resolvedShareOfCases'))} · contacts per resolved case ${formatNumber(t('contactsPerResolvedCase'), 2)}`,
    `service level ${formatPercent(t('serviceLevel'))} (${model.serviceLevel.answerWithinSeconds} s) · ASA ${formatSeconds(t('asaSeconds'))} · abandoned ${formatPercent(t('abandonedShare'))} · occupancy ${formatPercent(t('occupancy'))}`,
    `paid agent hours ${formatNumber(t('paidAgentHours'), 1)} · total cost ${formatMoney(t('totalCost'), model.currency)} · per resolved case ${formatMoney(t('costPerResolvedCase'), model.currency, 1)}`,
  ];
  return [title, table, ...summary].join('\n');
}

function warnAboutPlan(plan: VariantPlan, io: CliIo): void {
  const overloaded = plan.rows.filter((row) => !row.stable).length;
  if (overloaded > 0) {
    io.stderr.write(
      `staffsim: warning: ${plan.model.variantName}: ${overloaded} interval(s) are overloaded (Erlang C, load ≥ agents): waits are unbounded there and their waiting is not priced.\n`,
    );
  }
  if (!plan.converged) io.stderr.write(`staffsim: warning: ${plan.model.variantName}: the retrial fixed point did not converge in every interval.\n`);
}
