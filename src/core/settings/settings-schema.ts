import { z } from 'zod';
import { COLUMN_ROLES } from '../detect/types';

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

export const SettingsSchema = z.object({
  version: z.literal(1),
  tables: z.array(SavedTableSchema).default([]),
  /** Sheets KPI Tracker created and may replace (committee sheets, action plan, change log). */
  ownedSheets: z.array(z.string()).default([]),
});

export type SavedColumn = z.infer<typeof SavedColumnSchema>;
export type SavedTable = z.infer<typeof SavedTableSchema>;
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = { version: 1, tables: [], ownedSheets: [] };
