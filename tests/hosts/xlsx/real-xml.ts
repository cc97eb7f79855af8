/**
 * Reading what KPI Tracker wrote with a real XML parser (saxes, namespaces on), not with the host's
 * own tokenizer: the test would otherwise agree with the code it checks.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';

/** Why the text is not well-formed, namespace-correct XML, or undefined when it is. */
export function xmlError(xml: string): string | undefined {
  const parser = new SaxesParser({ xmlns: true });
  let error: string | undefined;
  parser.on('error', (e) => {
    error ??= e.message;
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    error ??= (e as Error).message;
  }
  return error;
}

/** Runs saxes over the text, calling back for each element opened and closed and for its text (CDATA included). */
function walk(
  xml: string,
  on: { open?: (tag: SaxesTagNS, path: readonly string[]) => void; close?: (name: string) => void; text?: (text: string) => void },
): void {
  const parser = new SaxesParser({ xmlns: true });
  const path: string[] = [];
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (tag) => {
    path.push(tag.local);
    on.open?.(tag, path);
  });
  parser.on('closetag', (tag) => {
    path.pop();
    on.close?.(tag.local);
  });
  parser.on('text', (text) => on.text?.(text));
  parser.on('cdata', (text) => on.text?.(text));
  parser.write(xml).close();
}

/** The strings of a shared-strings part, phonetic guides left out. */
export function sharedStringsByParser(xml: string): string[] {
  const strings: string[] = [];
  let current: string | undefined;
  let inText = false;
  let phonetic = 0;
  walk(xml, {
    open: (tag) => {
      if (tag.local === 'si') current = '';
      else if (tag.local === 'rPh') phonetic++;
      else if (tag.local === 't') inText = phonetic === 0;
    },
    close: (name) => {
      if (name === 'si') strings.push(current ?? '');
      else if (name === 'rPh') phonetic--;
      else if (name === 't') inText = false;
    },
    text: (text) => {
      if (inText && current !== undefined) current += text;
    },
  });
  return strings;
}

/**
 * Every cell of a worksheet part with something in it, address → the text it shows: an inline
 * string's runs, a shared string, or the value as written. Formulas are left out.
 */
export function cellTextsByParser(xml: string, sharedStrings: readonly string[] = []): Map<string, string> {
  const cells = new Map<string, string>();
  let address: string | undefined;
  let type = 'n';
  let value = '';
  let inline = '';
  let reading: 'v' | 't' | undefined;
  let phonetic = 0;
  walk(xml, {
    open: (tag, path) => {
      if (tag.local === 'c' && path[path.length - 2] === 'row') {
        address = tag.attributes['r']?.value;
        type = tag.attributes['t']?.value ?? 'n';
        value = '';
        inline = '';
      } else if (address !== undefined && tag.local === 'v') reading = 'v';
      else if (address !== undefined && tag.local === 'rPh') phonetic++;
      else if (address !== undefined && tag.local === 't' && phonetic === 0) reading = 't';
    },
    close: (name) => {
      if (name === 'c' && address !== undefined) {
        const text = type === 'inlineStr' ? inline : type === 's' ? (sharedStrings[Number(value)] ?? '') : value;
        if (text !== '') cells.set(address, text);
        address = undefined;
      } else if (name === 'rPh') phonetic--;
      else if (name === 'v' || name === 't') reading = undefined;
    },
    text: (text) => {
      if (reading === 'v') value += text;
      else if (reading === 't') inline += text;
    },
  });
  return cells;
}

/** A part name from a relationship target, as the Open Packaging Conventions resolve it against the source part. */
function resolveTarget(source: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : source.slice(0, source.lastIndexOf('/') + 1) + target;
  const out: string[] = [];
  for (const piece of path.split('/')) {
    if (piece === '..') out.pop();
    else if (piece !== '.' && piece !== '') out.push(piece);
  }
  return out.join('/');
}

function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A part's relationships: id → { target part, type }. */
export function relationshipsByParser(parts: ReadonlyMap<string, Buffer>, source: string): Map<string, { target: string; type: string }> {
  const found = new Map<string, { target: string; type: string }>();
  const xml = parts.get(relsPartOf(source))?.toString('utf8');
  if (!xml) return found;
  walk(xml, {
    open: (tag) => {
      if (tag.local !== 'Relationship' || tag.attributes['TargetMode']?.value === 'External') return;
      const id = tag.attributes['Id']?.value;
      const target = tag.attributes['Target']?.value;
      if (id && target) found.set(id, { target: resolveTarget(source, target), type: tag.attributes['Type']?.value ?? '' });
    },
  });
  return found;
}

/** The workbook part and its sheets in order (name and part; the part is undefined when no relationship leads to one). */
export function workbookByParser(parts: ReadonlyMap<string, Buffer>): {
  part: string;
  sheets: Array<{ name: string; part: string | undefined }>;
} {
  const root = [...relationshipsByParser(parts, '').values()].find((rel) => rel.type.endsWith('/officeDocument'));
  const part = root?.target ?? 'xl/workbook.xml';
  const rels = relationshipsByParser(parts, part);
  const sheets: Array<{ name: string; part: string | undefined }> = [];
  walk(parts.get(part)!.toString('utf8'), {
    open: (tag) => {
      if (tag.local !== 'sheet') return;
      const id = Object.values(tag.attributes).find((a) => a.local === 'id' && /relationships$/.test(a.uri))?.value;
      sheets.push({ name: tag.attributes['name']?.value ?? '', part: id ? rels.get(id)?.target : undefined });
    },
  });
  return { part, sheets };
}
