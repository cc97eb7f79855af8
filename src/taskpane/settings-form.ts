import { STATUSES, STATUS_WORDS, type Status } from '../core/engine/target-types';
import { DEFAULT_TOLERANCE, type Tolerance } from '../core/engine/tolerance';
import { DEFAULT_TEMPLATES, TemplateSchema } from '../core/plan/commentary-template';
import { DEFAULT_COLOURS, type StatusColours, type StatusLabels } from '../core/plan/status-style';
import { SettingsSchema, type Settings } from '../core/settings/settings-schema';

/** The Settings view's fields as typed (numbers as text until saved). */
export interface SettingsForm {
  readonly rule: Tolerance['rule'];
  /** Relative band in %, for every rule (the points rule uses it for targets that are not rates). */
  readonly percent: string;
  readonly points: string;
  readonly labels: Readonly<Record<Status, string>>;
  readonly colours: Readonly<Record<Status, string>>;
  readonly templates: Readonly<Record<Status, string>>;
  readonly committee: { readonly name: string; readonly meetingDate: string; readonly service: string; readonly preparedBy: string };
}

/** A problem with one field, named as the field's label names it. */
export interface FormProblem {
  readonly field: string;
  readonly message: string;
}

const mapStatuses = <T>(f: (status: Status) => T): Record<Status, T> =>
  Object.fromEntries(STATUSES.map((status) => [status, f(status)])) as Record<Status, T>;

export function formFromSettings(settings: Settings, labels: StatusLabels, colours: StatusColours): SettingsForm {
  const tolerance = settings.tolerance ?? DEFAULT_TOLERANCE;
  return {
    rule: tolerance.rule,
    percent: String(tolerance.percent),
    points: tolerance.rule === 'points' ? String(tolerance.points) : '0.5',
    labels: mapStatuses((status) => labels[status]),
    colours: mapStatuses((status) => colours[status].toUpperCase()),
    templates: mapStatuses((status) => settings.templates[status] ?? DEFAULT_TEMPLATES[status] ?? ''),
    committee: {
      name: settings.committee.name ?? '',
      meetingDate: settings.committee.meetingDate ?? '',
      service: settings.committee.service ?? '',
      preparedBy: settings.committee.preparedBy ?? '',
    },
  };
}

/** Problems with a template's {fields}, as TemplateSchema words them. */
export function templateProblems(text: string): string[] {
  const parsed = TemplateSchema.safeParse(text);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
}

/** The templates worth saving: those the officer changed from the default (an empty one means the default). */
export function templatesFromForm(form: SettingsForm): Settings['templates'] {
  const templates: Partial<Record<Status, string>> = {};
  for (const status of STATUSES) {
    const text = form.templates[status].trim();
    if (text && text !== DEFAULT_TEMPLATES[status]) templates[status] = text;
  }
  return templates;
}

function number(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text.replace(',', '.'));
}

function toleranceFrom(form: SettingsForm): Tolerance {
  const percent = number(form.percent);
  if (form.rule === 'points') return { rule: 'points', points: number(form.points), percent };
  return { rule: form.rule, percent } as Tolerance;
}

/** The field an issue of SettingsSchema is about, by the label the form gives it. */
function fieldOf(path: readonly PropertyKey[]): string {
  const [head, key] = path.map(String);
  const status = STATUSES.find((s) => s === key);
  switch (head) {
    case 'tolerance':
      return key === 'points' ? 'Tolerance in percentage points' : 'Tolerance (%)';
    case 'labels':
      return status ? `Label for ${STATUS_WORDS[status]}` : 'Status labels';
    case 'colours':
      return status ? `Colour for ${STATUS_WORDS[status]}` : 'Status colours';
    case 'templates':
      return status ? `Template for ${STATUS_WORDS[status]}` : 'Templates';
    case 'committee':
      return 'Committee details';
    default:
      return 'Settings';
  }
}

/**
 * The settings the form describes, checked with SettingsSchema; only what differs from the
 * workbook's own labels and the default colours and templates is stored.
 */
export function settingsFromForm(
  settings: Settings,
  form: SettingsForm,
  workbookLabels: StatusLabels,
): { settings: Settings | null; problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  const labels: Partial<Record<Status, string>> = {};
  const colours: Partial<Record<Status, string>> = {};
  for (const status of STATUSES) {
    const label = form.labels[status].trim();
    if (label !== workbookLabels[status]) labels[status] = label;
    const colour = form.colours[status].toUpperCase();
    if (colour !== DEFAULT_COLOURS[status]) colours[status] = colour;
    for (const message of templateProblems(form.templates[status]))
      problems.push({ field: `Template for ${STATUS_WORDS[status]}`, message });
  }
  const committee = Object.fromEntries(
    Object.entries(form.committee)
      .map(([key, value]) => [key, value.trim()])
      .filter(([, value]) => value !== ''),
  );
  const candidate = { ...settings, tolerance: toleranceFrom(form), labels, colours, templates: templatesFromForm(form), committee };
  const parsed = SettingsSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOf(issue.path);
      const message =
        field.startsWith('Label') && issue.code === 'too_small'
          ? 'a label cannot be empty'
          : issue.code === 'invalid_type' && field.startsWith('Tolerance')
            ? 'write a number from 0 to 100'
            : issue.message;
      problems.push({ field, message });
    }
  }
  return { settings: problems.length === 0 && parsed.success ? parsed.data : null, problems };
}
