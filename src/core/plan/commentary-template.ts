import { z } from 'zod';
import type { Status } from '../engine/target-types';
import { memoByText } from '../model/memo';

export const TEMPLATE_FIELDS = [
  'indicator',
  'ref',
  'period',
  'actual',
  'target',
  'variance',
  'direction',
  'previous',
  'owner',
  'status',
] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];
export type TemplateValues = Readonly<Record<TemplateField, string>>;

export const DEFAULT_TEMPLATES: Readonly<Partial<Record<Status, string>>> = {
  met: '{period}: {actual} against a target of {target} ({variance}). Target met{direction}.',
  near: '{period}: {actual} against a target of {target} ({variance}). Just short of target, within the tolerance{direction}.',
  missed: '{period}: {actual} against a target of {target} ({variance}). Target not met{direction}; see the action plan.',
  'not-due': '{period}: in progress; due {target}.',
  overdue: '{period}: not complete by {target}; overdue.',
  'no-data': '{period}: figures not yet available.',
  // Every status written beside a figure names its period, so the sheet says which period it shows.
  'no-target': '{period}: {actual}. No target is set; reported for information.',
};

const FIELD = /\{([a-zA-Z]+)\}/g;

/** A template as an officer may write it: known {fields} only, so a typo is caught before a run. */
export const TemplateSchema = z
  .string()
  .max(2000)
  .superRefine((text, ctx) => {
    for (const match of text.matchAll(FIELD)) {
      if (!(TEMPLATE_FIELDS as readonly string[]).includes(match[1]!)) {
        ctx.addIssue({
          code: 'custom',
          message: `{${match[1]}} is not a field KPI Tracker knows; use ${TEMPLATE_FIELDS.map((f) => `{${f}}`).join(', ')}`,
        });
      }
    }
  });

/** A template split once into its words and its known {fields}; an unknown {field} stays as written. */
const templateParts = memoByText((template: string): ReadonlyArray<string | { readonly field: TemplateField }> => {
  const parts: Array<string | { field: TemplateField }> = [];
  let from = 0;
  for (const match of template.matchAll(FIELD)) {
    if (!(TEMPLATE_FIELDS as readonly string[]).includes(match[1]!)) continue;
    parts.push(template.slice(from, match.index), { field: match[1] as TemplateField });
    from = match.index! + match[0].length;
  }
  parts.push(template.slice(from));
  return parts;
}, 100);

/** Fills a template; an empty field leaves no stray punctuation such as "()" behind. */
export function renderTemplate(template: string, values: TemplateValues): string {
  return fillTemplate(template, (field) => values[field]);
}

/** renderTemplate, asking for a field's value only where the template holds the field. */
export function fillTemplate(template: string, valueOf: (field: TemplateField) => string): string {
  // Filled for every indicator of a run, so the template is not searched afresh each time.
  let filled = '';
  for (const part of templateParts(template)) filled += typeof part === 'string' ? part : valueOf(part.field);
  // Most filled templates need no tidying: one search tells, rather than three replaces.
  if (!UNTIDY.test(filled)) return filled.trim();
  return filled
    .replace(/\(\s*\)/g, '')
    .replace(/\s+([.,;])/g, '$1')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/** What the replaces above would change: "()" with or without space inside, space before punctuation or more space. */
const UNTIDY = /\(\s*\)|\s[\s.,;]/;
