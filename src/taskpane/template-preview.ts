import { verdictWith, type IndicatorVerdict } from '../core/engine/indicator-verdict';
import type { Status } from '../core/engine/target-types';
import { generatedCommentary } from '../core/plan/recalc-plan';
import type { Settings } from '../core/settings/settings-schema';

/**
 * The commentary a template would give for a real indicator, as if it had this status: the
 * same function a run writes commentary with. An empty template falls back to the default.
 */
export function previewCommentary(
  verdict: IndicatorVerdict,
  status: Status,
  template: string,
  statusLabel: string,
  settings: Settings,
): string {
  const templates = { ...settings.templates };
  if (template.trim()) templates[status] = template;
  else delete templates[status];
  return generatedCommentary(verdictWith(verdict, { status }), statusLabel, { ...settings, templates }) ?? '';
}
