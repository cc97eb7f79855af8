/**
 * A record of the saved settings with an entry per cell or per indicator: `written` holds one for
 * every cell KPI Tracker wrote (90,000 in a large workbook). A plain object of that size would make
 * every key a property name to intern and then be walked again by JSON.stringify, so the entries
 * are kept in two arrays and written to JSON text directly.
 *
 * The entries are kept in the order JSON.stringify gives a plain object holding them: array-index
 * keys ("12") first, in numeric order, then the others in the order they were set. So the JSON
 * text, and what `toJSON` gives, are the same as for the plain object this record stands for.
 */
export class SettingsRecord<T> {
  /** Where each key is, made the first time a key is looked up in a record not in code-unit order. */
  private index: Map<string, number> | undefined;

  private constructor(
    private readonly keyList: readonly string[],
    private readonly valueList: readonly T[],
    /** How many keys at the start are array indices (in numeric order). */
    private readonly indexKeys: number,
    /** Whether the keys after the array indices are in code-unit order, so a lookup can halve. */
    private readonly sorted: boolean,
  ) {}

  static empty<T>(): SettingsRecord<T> {
    return new SettingsRecord<T>([], [], 0, true);
  }

  /** The record a plain object (as JSON.parse and the schema give it) stands for, in the same order. */
  static fromObject<T>(record: Readonly<Record<string, T>>): SettingsRecord<T> {
    const keys = Object.keys(record);
    const values = keys.map((key) => record[key]!);
    let indexKeys = 0;
    while (indexKeys < keys.length && isArrayIndex(keys[indexKeys]!)) indexKeys++;
    return new SettingsRecord(keys, values, indexKeys, inCodeUnitOrder(keys, indexKeys));
  }

  /**
   * The record whose keys and values these are, in this order (as `keys()` and `values()` give
   * them): how the task pane's worker hands a record to the page, where a class does not cross.
   */
  static fromKeysAndValues<T>(keys: readonly string[], values: readonly T[]): SettingsRecord<T> {
    let indexKeys = 0;
    while (indexKeys < keys.length && isArrayIndex(keys[indexKeys]!)) indexKeys++;
    return new SettingsRecord([...keys], [...values], indexKeys, inCodeUnitOrder(keys, indexKeys));
  }

  get size(): number {
    return this.keyList.length;
  }

  get(key: string): T | undefined {
    const at = this.indexOf(key);
    return at < 0 ? undefined : this.valueList[at];
  }

  has(key: string): boolean {
    return this.indexOf(key) >= 0;
  }

  keys(): readonly string[] {
    return this.keyList;
  }

  values(): readonly T[] {
    return this.valueList;
  }

  *entries(): IterableIterator<[string, T]> {
    for (let i = 0; i < this.keyList.length; i++) yield [this.keyList[i]!, this.valueList[i]!];
  }

  /**
   * This record with `added` set (keys it lacks, or new values for keys it has), every key in
   * code-unit order after the array indices: the same on every machine, and far cheaper than
   * localeCompare on 100,000 keys. A record read from the settings is in that order already, so only
   * the added keys are sorted and merged in; a run that adds nothing sorts nothing.
   * The added keys are distinct; `addedInOrder` says they come in code-unit order already and none
   * is an array index (which saves looking at 90,000 keys again). The record may keep the arrays
   * given: they must not be changed after.
   */
  with(addedKeys: readonly string[], addedValues: readonly T[], addedInOrder = false): SettingsRecord<T> {
    if (addedKeys.length === 0 && this.sorted) return this;
    if (this.keyList.length === 0 && (addedInOrder || !addedKeys.some(isArrayIndex))) {
      // Nothing saved yet (a first run): the added entries alone, sorted.
      if (addedInOrder) return new SettingsRecord(addedKeys, addedValues, 0, true);
      const order = sortedOrder(addedKeys);
      return new SettingsRecord(
        order.map((i) => addedKeys[i]!),
        order.map((i) => addedValues[i]!),
        0,
        true,
      );
    }
    const replaced = new Set<string>();
    if (this.keyList.length > 0) for (const key of addedKeys) if (this.has(key)) replaced.add(key);
    // The array-index keys (rare: a person's own edit of the settings) go first, in numeric order.
    const numbered: Array<[string, T]> = [];
    const keys: string[] = [];
    const values: T[] = [];
    const own = (i: number): void => {
      const key = this.keyList[i]!;
      if (replaced.has(key)) return;
      if (i < this.indexKeys) numbered.push([key, this.valueList[i]!]);
      else {
        keys.push(key);
        values.push(this.valueList[i]!);
      }
    };
    let order = addedInOrder ? addedKeys.map((_, i) => i) : sortedOrder(addedKeys);
    if (!addedInOrder && order.some((i) => isArrayIndex(addedKeys[i]!))) {
      for (const i of order) if (isArrayIndex(addedKeys[i]!)) numbered.push([addedKeys[i]!, addedValues[i]!]);
      order = order.filter((i) => !isArrayIndex(addedKeys[i]!));
    }
    if (!this.sorted) {
      // Saved out of order (edited by hand): everything is sorted afresh.
      for (let i = 0; i < this.keyList.length; i++) own(i);
      for (const i of order) {
        keys.push(addedKeys[i]!);
        values.push(addedValues[i]!);
      }
      const all = sortedOrder(keys);
      return SettingsRecord.fromParts(
        numbered,
        all.map((i) => keys[i]!),
        all.map((i) => values[i]!),
      );
    }
    for (let i = 0; i < this.indexKeys; i++) own(i);
    let a = this.indexKeys;
    let b = 0;
    while (a < this.keyList.length && b < order.length) {
      if (this.keyList[a]! < addedKeys[order[b]!]!) own(a++);
      else {
        keys.push(addedKeys[order[b]!]!);
        values.push(addedValues[order[b++]!]!);
      }
    }
    while (a < this.keyList.length) own(a++);
    for (; b < order.length; b++) {
      keys.push(addedKeys[order[b]!]!);
      values.push(addedValues[order[b]!]!);
    }
    return SettingsRecord.fromParts(numbered, keys, values);
  }

  /** The plain object this record stands for (JSON.stringify of a Settings object calls this). */
  toJSON(): Record<string, T> {
    const record: Record<string, T> = {};
    for (let i = 0; i < this.keyList.length; i++) record[this.keyList[i]!] = this.valueList[i]!;
    return record;
  }

  /** JSON.stringify(this.toJSON()), without making the object. */
  json(): string {
    const pieces: string[] = [];
    this.writeJson(pieces);
    return pieces.join('');
  }

  /**
   * Appends json() to `into`, in pieces to be joined. Keys and values are almost always plain text
   * needing no escapes, so each is put in quotes as it is, a few hundred entries at a time, and each
   * such piece is then checked once; a piece that needs escapes is written again by JSON.stringify.
   * (Strings joined one by one into the whole text would all stay alive, for the garbage collector to
   * copy, until the text is first read.)
   */
  writeJson(into: string[]): void {
    const keys = this.keyList;
    const values = this.valueList;
    into.push('{');
    for (let from = 0; from < keys.length; from += JSON_PIECE) {
      const to = Math.min(from + JSON_PIECE, keys.length);
      into.push(plainJson(keys, values, from, to) ?? stringifiedJson(keys, values, from, to));
    }
    into.push('}');
  }

  private static fromParts<T>(numbered: Array<[string, T]>, keys: string[], values: T[]): SettingsRecord<T> {
    if (numbered.length === 0) return new SettingsRecord(keys, values, 0, true);
    numbered.sort((x, y) => Number(x[0]) - Number(y[0]));
    return new SettingsRecord(
      [...numbered.map(([key]) => key), ...keys],
      [...numbered.map(([, value]) => value), ...values],
      numbered.length,
      true,
    );
  }

  private indexOf(key: string): number {
    const keys = this.keyList;
    if (keys.length === 0) return -1;
    if (!this.sorted || isArrayIndex(key)) {
      if (!this.index) {
        this.index = new Map();
        for (let i = 0; i < keys.length; i++) this.index.set(keys[i]!, i);
      }
      return this.index.get(key) ?? -1;
    }
    let low = this.indexKeys;
    let high = keys.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const at = keys[middle]!;
      if (at === key) return middle;
      if (at < key) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }
}

/** How many entries `writeJson` writes at a time. */
const JSON_PIECE = 256;

/**
 * The JSON of entries [from, to), each key and each string (a value, or a field of a value that is a
 * plain object of strings) put in quotes as it is; undefined where that would not be what
 * JSON.stringify writes (a string needing escapes, a value of another kind).
 */
function plainJson(keys: readonly string[], values: readonly unknown[], from: number, to: number): string | undefined {
  let text = '';
  let quotes = 0;
  for (let i = from; i < to; i++) {
    const value = values[i];
    text += `${i === 0 ? '"' : ',"'}${keys[i]!}":`;
    if (typeof value === 'string') {
      text += `"${value}"`;
      quotes += 4;
      continue;
    }
    if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return undefined;
    // JSON.stringify writes an object's fields in the order Object.keys gives them.
    const fields = Object.keys(value);
    const record = value as Record<string, unknown>;
    text += '{';
    for (let f = 0; f < fields.length; f++) {
      const field = record[fields[f]!];
      if (typeof field !== 'string') return undefined;
      text += `${f === 0 ? '"' : ',"'}${fields[f]!}":"${field}"`;
    }
    text += '}';
    quotes += 2 + 4 * fields.length;
  }
  return ESCAPED_BUT_QUOTE.test(text) || quoteCount(text, quotes) !== quotes ? undefined : text;
}

function stringifiedJson(keys: readonly string[], values: readonly unknown[], from: number, to: number): string {
  let text = '';
  for (let i = from; i < to; i++) text += `${i === 0 ? '' : ','}${JSON.stringify(keys[i])}:${JSON.stringify(values[i])}`;
  return text;
}

/** A key a plain object keeps ahead of the others, in numeric order ("0" to "4294967294"). */
export function isArrayIndex(key: string): boolean {
  const first = key.charCodeAt(0);
  if (!(first >= 48 && first <= 57)) return false;
  return /^(?:0|[1-9]\d{0,9})$/.test(key) && Number(key) < 4_294_967_295;
}

function inCodeUnitOrder(keys: readonly string[], from: number): boolean {
  for (let i = from + 1; i < keys.length; i++) if (!(keys[i - 1]! < keys[i]!)) return false;
  return true;
}

/** The positions of `keys` in code-unit order of the keys (the built-in sort's order for strings). */
function sortedOrder(keys: readonly string[]): number[] {
  if (inCodeUnitOrder(keys, 0)) return keys.map((_, i) => i);
  const where = new Map<string, number>();
  for (let i = 0; i < keys.length; i++) where.set(keys[i]!, i);
  return [...keys].sort().map((key) => where.get(key)!);
}

/**
 * Characters JSON.stringify writes as escapes, but for the quote: controls, backslash, and
 * surrogates (a lone one is escaped; a pair is not, but is rare enough to take the long way).
 */
// eslint-disable-next-line no-control-regex
const ESCAPED_BUT_QUOTE = /[\u0000-\u001f\\\ud800-\udfff]/;

/** How many quotes `text` holds, counting no further than `limit` + 1. */
function quoteCount(text: string, limit: number): number {
  let count = 0;
  for (let at = text.indexOf('"'); at !== -1 && count <= limit; at = text.indexOf('"', at + 1)) count++;
  return count;
}
