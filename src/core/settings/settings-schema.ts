import { z } from 'zod';
import { COLUMN_ROLES } from '../detect/types';
import { PolaritySchema, StatusSchema } from '../engine/target-types';
import { ToleranceSchema } from '../engine/tolerance';
import { SettingsRecord } from './settings-record';

/** One column of a table as the officer confirmed it. */
export const SavedColumnSchema = z.object({
  /** Column letter, e.g. `C`. */
  column: z.string().regex(/^[A-Z]{1,3}$/),
  /** The header text when it was confirmed, so a changed sheet is noticed. */
  header: z.string(),
  role: z.enum(COLUMN_ROLES as unknown as [string, ...string[]]),
  /** A period label such as `Q1 2024/25`, for actual and target columns. */
  period: z.string().optional(),
});

export const SavedTableSchema = z.object({
  sheet: z.string().min(1),
  /** 1-based row numbers of the header, as Excel shows them. */
  headerRows: z.array(z.number().int().positive()).min(1).max(2),
  columns: z.array(SavedColumnSchema).min(1),
  /** The officer said this is not a KPI table. */
  ignored: z.boolean().optional(),
});

const HexColour = z.string().regex(/^#[0-9A-Fa-f]{6}$/, 'not a colour KPI Tracker can read');

/** A period whose statuses a committee has seen: they stay as they were. */
export const SignOffSchema = z.object({
  period: z.string(),
  /** ISO date */
  signedOffOn: z.string(),
  committee: z.string().optional(),
  /** Cell (`Sheet!H4`) → the status label it held when signed off. */
  statuses: z.record(z.string(), z.object({ status: StatusSchema, label: z.string() })),
});

/** What a run saw of an indicator's commentary, to notice commentary copied unchanged. */
export const SeenCommentarySchema = z.object({
  period: z.string(),
  actual: z.string(),
  fingerprint: z.string(),
});

/**
 * A record of `value`s by key, read into a SettingsRecord (see there why). Settings parsed again
 * (a form's edit of them) keep the record they hold.
 */
function savedRecord<T extends z.ZodType>(value: T) {
  const plain = z.record(z.string(), value);
  return z
    .unknown()
    .transform((input, ctx): SettingsRecord<z.output<T>> => {
      if (input instanceof SettingsRecord) return input as SettingsRecord<z.output<T>>;
      const parsed = plain.safeParse(input);
      if (parsed.success) return SettingsRecord.fromObject(parsed.data);
      for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, input: undefined } as never);
      return z.NEVER;
    })
    .default(() => SettingsRecord.empty<z.output<T>>());
}

export const CommitteeSchema = z.object({
  name: z.string().optional(),
  meetingDate: z.string().optional(),
  service: z.string().optional(),
  preparedBy: z.string().optional(),
});

export const SettingsSchema = z.object({
  version: z.literal(1),
  tables: z.array(SavedTableSchema).default([]),
  /** Sheets KPI Tracker created and may replace (committee sheets, action plan, change log). */
  ownedSheets: z.array(z.string()).default([]),
  tolerance: ToleranceSchema.optional(),
  /** The officer's own status labels, replacing those read from the workbook. */
  labels: z.partialRecord(StatusSchema, z.string().min(1).max(60)).default({}),
  colours: z.partialRecord(StatusSchema, HexColour).default({}),
  /** Commentary templates per status, with {fields}. */
  templates: z.partialRecord(StatusSchema, z.string().max(2000)).default({}),
  /** The officer's polarity per indicator reference. */
  polarity: z.record(z.string(), PolaritySchema).default({}),
  /** Cell (`Sheet!I4`) → fingerprint of the text KPI Tracker last wrote there. */
  written: savedRecord(z.string()),
  seenCommentary: savedRecord(SeenCommentarySchema),
  signOffs: z.array(SignOffSchema).default([]),
  committee: CommitteeSchema.default({}),
  region: z.enum(['england-and-wales', 'scotland', 'northern-ireland']).default('england-and-wales'),
});

export type SavedColumn = z.infer<typeof SavedColumnSchema>;
export type SavedTable = z.infer<typeof SavedTableSchema>;
export type SignOff = z.infer<typeof SignOffSchema>;
export type SeenCommentary = z.infer<typeof SeenCommentarySchema>;
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({ version: 1 });
