/* global CustomFunctions */
import type { FormulaValue } from '../core/engine/formula-functions';

/**
 * A cell's value as Excel hands it to a custom function. functions.json allows custom data for
 * parameters of type "any" (allowCustomDataForDataTypeAny, which the metadata generator always
 * sets), so a cell holding a data type arrives as its JSON: a formatted number
 * `{ type: "FormattedNumber", basicValue: 0.902, numberFormat: "0.0%" }`, a double, string or boolean
 * with `basicValue`, an entity or linked data type `{ type: "Entity", text: "…", properties: … }`, an
 * error `{ type: "Error", basicValue: "#N/A" }`.
 */
interface DataTypeValue {
  readonly type: string;
  readonly basicValue?: unknown;
  readonly text?: unknown;
}

const isPlain = (value: unknown): value is FormulaValue =>
  value === null || value === undefined || typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean';

/**
 * The value KPI Tracker judges: a plain value as it is; a data type's basic value (a formatted
 * number's number, an error's "#N/A"); an entity or linked data type's text, which is what its
 * cell shows. Anything else is a #VALUE! error saying which argument could not be read.
 */
export function formulaInput(value: unknown, fn: string, parameter: string): FormulaValue {
  if (isPlain(value)) return value;
  if (typeof value === 'object' && 'type' in value) {
    const dataType = value as DataTypeValue;
    if (/^(Linked)?Entity$/i.test(dataType.type) && typeof dataType.text === 'string') return dataType.text;
    if (dataType.basicValue !== undefined && isPlain(dataType.basicValue)) return dataType.basicValue;
  }
  const kind =
    typeof value === 'object' && value !== null && 'type' in value ? `a ${String((value as DataTypeValue).type)} value` : 'this value';
  throw new CustomFunctions.Error(
    CustomFunctions.ErrorCode.invalidValue,
    `${fn} can't read the ${parameter}: ${kind} has no figure or text.`,
  );
}

/** Runs a custom function so that a failure shows in the cell as #VALUE! with its reason, not a bare error. */
export function plainErrors<T>(fn: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof CustomFunctions.Error) throw error;
    const reason = error instanceof Error && error.message ? error.message : `${fn} could not work this out.`;
    throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, reason);
  }
}
