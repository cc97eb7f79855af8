import type { RunOptions } from '../core/run/run-kpi-tracker';

export interface RunStep {
  /** The button's name, and how the result is titled. */
  readonly label: string;
  readonly steps: RunOptions['steps'];
}

/** The four things the Run view can do, in the order of its buttons. */
export const RUN_STEPS: readonly RunStep[] = [
  { label: 'Recalculate status', steps: { statuses: true, actionPlan: false, committee: false } },
  { label: 'Build action plan', steps: { statuses: false, actionPlan: true, committee: false } },
  { label: 'Generate committee sheet', steps: { statuses: false, actionPlan: false, committee: true } },
  { label: 'Recalculate, plan and report', steps: { statuses: true, actionPlan: true, committee: true } },
];

export const ALL_STEPS: RunOptions['steps'] = { statuses: true, actionPlan: true, committee: true };
