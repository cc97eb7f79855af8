import { z } from 'zod';
import type { Cell, CellRange, Sheet, Workbook } from '../../core/model/workbook';

/**
 * A workbook as plain JSON, for the browser workbench: the samples are read from .xlsx once, at
 * build time (Node), and the page loads the JSON. The model is JSON already except for the
 * Sets of hidden rows and columns, which become sorted arrays here. Rows stay sparse: a missing
 * cell is `null`.
 */
export const WORKBOOK_JSON_VERSION = 1;

const CellValueSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('empty') }),
  z.object({ kind: z.literal('number'), value: z.number() }),
  z.object({ kind: z.literal('text'), value: z.string() }),
  z.object({ kind: z.literal('boolean'), value: z.boolean() }),
  z.object({ kind: z.literal('date'), serial: z.number() }),
  z.object({ kind: z.literal('error'), code: z.string() }),
]);

const CellSchema = z.object({
  value: CellValueSchema,
  format: z.string().optional(),
  formula: z.string().optional(),
  fill: z
    .string()
    .regex(/^#[0-9A-Fa-f]{6}$/)
    .optional(),
});

const Index = z.number().int().nonnegative();
const RangeSchema = z.object({ top: Index, left: Index, bottom: Index, right: Index });

const SheetSchema = z.object({
  name: z.string().min(1),
  visibility: z.enum(['visible', 'hidden', 'veryHidden']),
  isProtected: z.boolean(),
  rows: z.array(z.array(CellSchema.nullable()).nullable()),
  merges: z.array(RangeSchema),
  hiddenRows: z.array(Index),
  hiddenColumns: z.array(Index),
  tables: z.array(z.object({ name: z.string(), range: RangeSchema, hasHeaderRow: z.boolean(), hasTotalsRow: z.boolean() })),
});

export const WorkbookJsonSchema = z.object({
  version: z.literal(WORKBOOK_JSON_VERSION),
  sheets: z.array(SheetSchema),
});

export type WorkbookJson = z.infer<typeof WorkbookJsonSchema>;
type CellJson = z.infer<typeof CellSchema>;

function cellToJson(cell: Cell | undefined): CellJson | null {
  if (!cell) return null;
  return {
    value: { ...cell.value },
    ...(cell.format !== undefined ? { format: cell.format } : {}),
    ...(cell.formula !== undefined ? { formula: cell.formula } : {}),
    ...(cell.fill !== undefined ? { fill: cell.fill } : {}),
  };
}

function rangeCopy(range: CellRange): CellRange {
  return { top: range.top, left: range.left, bottom: range.bottom, right: range.right };
}

export function serialiseWorkbook(workbook: Workbook): WorkbookJson {
  return {
    version: WORKBOOK_JSON_VERSION,
    sheets: workbook.sheets.map((sheet) => ({
      name: sheet.name,
      visibility: sheet.visibility,
      isProtected: sheet.isProtected,
      // Array.from turns the holes of a sparse array into undefined, then null.
      rows: Array.from(sheet.rows, (row) => (row ? Array.from(row, cellToJson) : null)),
      merges: sheet.merges.map(rangeCopy),
      hiddenRows: [...sheet.hiddenRows].sort((a, b) => a - b),
      hiddenColumns: [...sheet.hiddenColumns].sort((a, b) => a - b),
      tables: sheet.tables.map((table) => ({
        name: table.name,
        range: rangeCopy(table.range),
        hasHeaderRow: table.hasHeaderRow,
        hasTotalsRow: table.hasTotalsRow,
      })),
    })),
  };
}

function cellFromJson(cell: CellJson | null): Cell | undefined {
  if (!cell) return undefined;
  return {
    value: cell.value,
    ...(cell.format !== undefined ? { format: cell.format } : {}),
    ...(cell.formula !== undefined ? { formula: cell.formula } : {}),
    ...(cell.fill !== undefined ? { fill: cell.fill.toUpperCase() } : {}),
  };
}

/** Reads workbook JSON (checked against the schema: it crosses a boundary) back into the model. */
export function deserialiseWorkbook(json: unknown): Workbook {
  const parsed = WorkbookJsonSchema.parse(json);
  return {
    sheets: parsed.sheets.map((sheet): Sheet => ({
      name: sheet.name,
      visibility: sheet.visibility,
      isProtected: sheet.isProtected,
      rows: sheet.rows.map((row) => (row ? row.map(cellFromJson) : undefined)),
      merges: sheet.merges,
      hiddenRows: new Set(sheet.hiddenRows),
      hiddenColumns: new Set(sheet.hiddenColumns),
      tables: sheet.tables,
    })),
  };
}
