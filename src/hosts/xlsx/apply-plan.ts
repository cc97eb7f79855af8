import type { CellEdit, OwnedSheet, Plan } from '../../core/plan/plan-types';
import { getOrInsert } from '../../core/model/memo';
import { damagedWorkbook, WorkbookFileError, type XlsxSource } from './read-xlsx';
import { drawingPartsOf, sheetDrawing } from './chart-parts';
import { appendRows, buildSheetXml, patchSheetCells, printTitlesFormula } from './sheet-xml-write';
import { RELATIONSHIPS_NS, relationshipsPartOf, relativeTarget } from './xlsx-package';
import { escapeAttribute } from './xml-text';
import {
  allTags,
  attribute,
  attributeSpans,
  closingTag,
  elementEnd,
  findTag,
  nextTag,
  openingTag,
  removeAttribute,
  rootTag,
  setAttributeText,
  XmlDamageError,
  type Tag,
} from './xml-tokenizer';
import { entryFromContent, writeZip, ZipFormatError, type ZipEntry } from './zip-archive';
import { DamagedPackageError } from './package-damage';
import { WrittenXmlCheck } from './written-xml-check';

const WORKSHEET_TYPE = `${RELATIONSHIPS_NS}/worksheet`;
const STYLES_TYPE = `${RELATIONSHIPS_NS}/styles`;
const WORKSHEET_CONTENT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const STYLES_CONTENT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';

/**
 * Applies a plan to the .xlsx file it was made from and returns the new file's bytes. Only the
 * parts the plan touches are rewritten: the edited sheets (rows without an edit copied as they
 * were), the sheets the run owns, the styles it adds to, and the workbook's list of sheets. Every
 * other part (charts, pivot tables, macros, filters, comments…) is carried over byte for byte.
 * Nothing is applied when the plan has refusals.
 */
export async function applyPlanToXlsx(source: XlsxSource, plan: Plan): Promise<{ bytes: Buffer; notes: string[] }> {
  try {
    return await applyPlan(source, plan);
  } catch (error) {
    // A part read only now (or a sheet without its rows) turned out damaged: refused like any damaged file.
    if (error instanceof DamagedPackageError || error instanceof XmlDamageError || error instanceof ZipFormatError)
      throw damagedWorkbook(source.fileName, error);
    throw error;
  }
}

async function applyPlan(source: XlsxSource, plan: Plan): Promise<{ bytes: Buffer; notes: string[] }> {
  const notes: string[] = [];
  if (plan.refusals.length > 0 || (plan.edits.length === 0 && plan.sheets.length === 0)) {
    return { bytes: writeZip(source.package.entries), notes };
  }
  const check = new WrittenXmlCheck();
  try {
    return await writeParts(source, plan, check, notes);
  } finally {
    await check.stop();
  }
}

async function writeParts(
  source: XlsxSource,
  plan: Plan,
  check: WrittenXmlCheck,
  notes: string[],
): Promise<{ bytes: Buffer; notes: string[] }> {
  const pkg = source.package;
  const replaced = new Map<string, string | Uint8Array | null>();
  // Each big part starts compressing, and being read back, as soon as it is built, while the next one is being built.
  const compressing = new Map<string, Promise<ZipEntry>>();
  const compress = (part: string, content: string | Uint8Array): void => {
    replaced.set(part, content);
    compressing.set(part.toLowerCase(), entryFromContent(part, content));
    check.add(part, content);
  };
  const workbookXml = pkg.text(source.workbookPart)!;
  if (/\sconformance\s*=\s*["']strict["']/.test(workbookXml) || workbookXml.includes('http://purl.oclc.org/ooxml/spreadsheetml/main')) {
    throw new WorkbookFileError(
      'The workbook is saved as "Strict Open XML Spreadsheet", which KPI Tracker reads but does not write. In Excel, use File → Save As → "Excel Workbook (.xlsx)" and run again. Nothing was written.',
    );
  }
  const sheetsByName = new Map(source.sheets.map((sheet) => [sheet.name, sheet]));
  // Excel holds sheet names the same whatever their case: "kpi action plan" is the run's sheet, not a second one.
  const sheetsByFoldedName = new Map(source.sheets.map((sheet) => [sheet.name.toLowerCase(), sheet]));
  const editsBySheet = new Map<string, CellEdit[]>();
  for (const edit of plan.edits) {
    if (!sheetsByName.has(edit.sheet)) throw new Error(`The plan names a sheet "${edit.sheet}" that is not in the workbook.`);
    getOrInsert(editsBySheet, edit.sheet, (): CellEdit[] => []).push(edit);
  }
  for (const [name, edits] of editsBySheet) {
    const sheet = sheetsByName.get(name)!;
    const patched = patchSheetCells(pkg.text(sheet.part)!, edits, source.styles);
    pkg.forget(sheet.part);
    // An appended sheet that is also edited is compressed once it is whole, below.
    if (plan.sheets.some((owned) => owned.name === name && owned.mode === 'append')) replaced.set(sheet.part, patched);
    else compress(sheet.part, patched);
  }

  const workbook = new WorkbookPart(workbookXml, source.allSheetNames.length);
  let workbookRels = pkg.text(relationshipsPartOf(source.workbookPart)) ?? emptyRelationships();
  let contentTypes = pkg.text('[Content_Types].xml')!;
  const partNames = new Set(pkg.entries.map((entry) => entry.name.toLowerCase()));

  for (const owned of plan.sheets) {
    const existing = sheetsByFoldedName.get(owned.name.toLowerCase());
    if (!existing && source.allSheetNames.some((name) => name.toLowerCase() === owned.name.toLowerCase())) {
      throw new WorkbookFileError(
        `The workbook has a chart sheet called "${owned.name}", the name of a sheet KPI Tracker writes. Rename that chart sheet and run again. Nothing was written.`,
      );
    }
    /** The sheet's chart, written as parts of its own; the sheet's `<drawing>` names it. */
    const drawChart = (part: string): string | undefined => {
      if (!owned.chart) return undefined;
      const drawing = sheetDrawing(part, owned, owned.chart, partNames);
      for (const made of drawing.parts) {
        partNames.add(made.part.toLowerCase());
        compress(made.part, made.content);
        if (made.contentType) contentTypes = addOverride(contentTypes, made.part, made.contentType);
      }
      return drawing.relationshipId;
    };
    if (existing) {
      if (owned.mode === 'append') {
        const edited = replaced.get(existing.part);
        const xml = edited instanceof Uint8Array ? Buffer.from(edited).toString('utf8') : pkg.text(existing.part)!;
        compress(existing.part, appendRows(xml, existing.layout, owned.rows, source.styles, owned.rowHeights));
        pkg.forget(existing.part);
      } else {
        // What hung off the old sheet (a chart drawn by the add-in or an earlier run) belongs to the sheet being replaced.
        for (const part of drawingPartsOf(pkg, existing.part)) {
          replaced.set(part, null);
          partNames.delete(part.toLowerCase());
          contentTypes = removeOverride(contentTypes, part);
        }
        const rels = relationshipsPartOf(existing.part);
        if (pkg.has(rels)) replaced.set(rels, null);
        compress(existing.part, buildSheetXml(owned, source.styles, drawChart(existing.part)));
      }
      workbook.setState(existing.relationshipId, owned.visibility);
      workbook.setPrintTitles(existing.position, owned);
      continue;
    }
    let number = 1;
    while (partNames.has(`xl/worksheets/sheet${number}.xml`)) number++;
    const part = `xl/worksheets/sheet${number}.xml`;
    partNames.add(part);
    compress(part, buildSheetXml(owned, source.styles, drawChart(part)));
    const relationshipId = freeRelationshipId(workbookRels);
    workbookRels = addRelationship(workbookRels, relationshipId, WORKSHEET_TYPE, relativeTarget(source.workbookPart, part));
    contentTypes = addOverride(contentTypes, part, WORKSHEET_CONTENT);
    const position = workbook.addSheet(owned.name, relationshipId, owned.visibility);
    workbook.setPrintTitles(position, owned);
  }

  if (source.styles.changed) {
    const stylesPart = source.stylesPart ?? 'xl/styles.xml';
    replaced.set(stylesPart, source.styles.toXml());
    if (!source.stylesPart) {
      workbookRels = addRelationship(
        workbookRels,
        freeRelationshipId(workbookRels),
        STYLES_TYPE,
        relativeTarget(source.workbookPart, stylesPart),
      );
      contentTypes = addOverride(contentTypes, stylesPart, STYLES_CONTENT);
    }
  }

  // Excel rebuilds the calculation chain itself; a stale one (cells on a replaced sheet) would make it offer a repair.
  const calcChain = [...pkg.relationships(source.workbookPart).values()].find((rel) => /\/calcChain$/.test(rel.type));
  const calcChainPart = calcChain?.target ?? (pkg.has('xl/calcChain.xml') ? 'xl/calcChain.xml' : undefined);
  if (calcChainPart) {
    replaced.set(calcChainPart, null);
    if (calcChain) workbookRels = removeRelationship(workbookRels, calcChain.id);
    contentTypes = removeOverride(contentTypes, calcChainPart);
  }
  replaced.set(source.workbookPart, workbook.toXml());
  replaced.set(relationshipsPartOf(source.workbookPart), workbookRels);
  replaced.set('[Content_Types].xml', contentTypes);

  const written = new Set<string>();
  const changed = new Map([...replaced].map(([part, content]) => [part.toLowerCase(), { part, content }]));
  const newEntry = (part: string, content: string | Uint8Array): Promise<ZipEntry> =>
    compressing.get(part.toLowerCase()) ?? entryFromContent(part, content);
  const pending: Array<ZipEntry | Promise<ZipEntry>> = [];
  for (const entry of pkg.entries) {
    const key = entry.name.toLowerCase();
    const change = changed.get(key);
    written.add(key);
    if (!change) pending.push(entry);
    else if (change.content !== null) pending.push(newEntry(entry.name, change.content));
  }
  for (const [key, { part, content }] of changed) if (content !== null && !written.has(key)) pending.push(newEntry(part, content));
  for (const [key, { part, content }] of changed) if (content !== null && !compressing.has(key)) check.add(part, content);
  // Nothing is saved unless every part would read back.
  const unsound = await check.firstFault();
  if (unsound) {
    throw new WorkbookFileError(
      `KPI Tracker could not make a sound copy of ${source.fileName}: its part ${unsound.part} would not read back as XML (${unsound.fault}). Nothing was written. The workbook may be damaged: open it in Excel, save it again, and run KPI Tracker on the saved workbook.`,
    );
  }
  return { bytes: writeZip(await Promise.all(pending)), notes };
}

function emptyRelationships(): string {
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
}

function freeRelationshipId(rels: string): string {
  const used = new Set(allTags(rels, 'Relationship').map((tag) => attribute(tag.attributeText, 'Id')));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  return `rId${n}`;
}

/** `xml` with `child` as the last child of the element `parent` opens (a self-closed one is opened up). */
function withLastChild(xml: string, parent: Tag, child: string): string {
  if (parent.selfClosing) {
    const name = `${parent.prefix}${parent.name}`;
    return `${xml.slice(0, parent.start)}<${name}${parent.attributeText}>${child}</${name}>${xml.slice(parent.end)}`;
  }
  const close = closingTag(xml, parent);
  return `${xml.slice(0, close.start)}${child}${xml.slice(close.start)}`;
}

/**
 * The document with a last child for its root element, built by `element` with the root's own
 * prefix: a prefixed `<pr:Relationships>` gets a `<pr:Relationship>`.
 */
function appendToRoot(xml: string, element: (prefix: string) => string): string {
  const root = rootTag(xml);
  if (!root) throw new DamagedPackageError('a part KPI Tracker adds to holds no XML element');
  return withLastChild(xml, root, element(root.prefix));
}

function addRelationship(rels: string, id: string, type: string, target: string): string {
  return appendToRoot(rels, (p) => `<${p}Relationship Id="${id}" Type="${type}" Target="${escapeAttribute(target)}"/>`);
}

function removeRelationship(rels: string, id: string): string {
  const tag = allTags(rels, 'Relationship').find((t) => attribute(t.attributeText, 'Id') === id);
  return tag ? rels.slice(0, tag.start) + rels.slice(elementEnd(rels, tag)) : rels;
}

function overrideFor(types: string, part: string): Tag | undefined {
  return allTags(types, 'Override').find((t) => (attribute(t.attributeText, 'PartName') ?? '').toLowerCase() === `/${part}`.toLowerCase());
}

/** Gives `part` its content type, in place of any override already naming it (one left behind by a part since removed, say). */
function addOverride(types: string, part: string, contentType: string): string {
  const without = removeOverride(types, part);
  return appendToRoot(without, (p) => `<${p}Override PartName="/${escapeAttribute(part)}" ContentType="${contentType}"/>`);
}

function removeOverride(types: string, part: string): string {
  let tag = overrideFor(types, part);
  while (tag) {
    types = types.slice(0, tag.start) + types.slice(elementEnd(types, tag));
    tag = overrideFor(types, part);
  }
  return types;
}

/** Edits to the workbook part: sheets added, sheet states, print titles and recalculation on open. */
class WorkbookPart {
  private xml: string;
  private readonly prefix: string;
  /** The prefix bound to the relationships namespace, for the `r:id` of sheets added. */
  private readonly relationshipsPrefix: string;
  /** Every `<sheet>` the workbook lists, chart sheets too: the position the next one takes. */
  private sheetCount: number;

  constructor(xml: string, sheetCount: number) {
    const root = rootTag(xml);
    if (!root) throw new DamagedPackageError('its workbook part holds no XML element');
    this.xml = xml;
    this.prefix = root.prefix;
    this.sheetCount = sheetCount;
    const declarations = attributeSpans(root.attributeText).filter((a) => a.name.startsWith('xmlns:'));
    const bound = declarations.find((a) => a.value === RELATIONSHIPS_NS);
    if (bound) this.relationshipsPrefix = bound.name.slice('xmlns:'.length);
    else {
      // Declared on the root for the sheets added, under a prefix the root does not use already.
      const taken = new Set(declarations.map((a) => a.name.slice('xmlns:'.length)));
      let prefix = 'r';
      for (let n = 1; taken.has(prefix); n++) prefix = `r${n}`;
      this.relationshipsPrefix = prefix;
      this.xml = `${xml.slice(0, root.start)}${openingTag(root, `${root.attributeText} xmlns:${prefix}="${RELATIONSHIPS_NS}"`)}${xml.slice(root.end)}`;
    }
  }

  /** Adds a `<sheet>` at the end and returns its position. */
  addSheet(name: string, relationshipId: string, visibility: OwnedSheet['visibility']): number {
    const ids = allTags(this.xml, 'sheet').map((tag) => Number(attribute(tag.attributeText, 'sheetId') ?? 0));
    const sheetId = Math.max(0, ...ids.filter(Number.isFinite)) + 1;
    const state = visibility === 'visible' ? '' : ` state="${visibility}"`;
    const sheets = findTag(this.xml, 'sheets');
    if (!sheets) throw new DamagedPackageError('its workbook part has no list of sheets');
    const entry = `<${sheets.prefix}sheet name="${escapeAttribute(name)}" sheetId="${sheetId}"${state} ${this.relationshipsPrefix}:id="${relationshipId}"/>`;
    this.xml = withLastChild(this.xml, sheets, entry);
    return this.sheetCount++;
  }

  setState(relationshipId: string, visibility: OwnedSheet['visibility']): void {
    const tag = allTags(this.xml, 'sheet').find((t) => attribute(t.attributeText, 'id') === relationshipId);
    if (!tag) return;
    const withoutState = removeAttribute(tag.attributeText, 'state');
    const attributes = visibility === 'visible' ? withoutState : setAttributeText(withoutState, { state: visibility });
    this.xml = `${this.xml.slice(0, tag.start)}${openingTag(tag, attributes)}${this.xml.slice(tag.end)}`;
  }

  setPrintTitles(position: number, owned: OwnedSheet): void {
    const existing = allTags(this.xml, 'definedName').find(
      (tag) =>
        attribute(tag.attributeText, 'name') === '_xlnm.Print_Titles' && attribute(tag.attributeText, 'localSheetId') === String(position),
    );
    if (existing) this.xml = this.xml.slice(0, existing.start) + this.xml.slice(elementEnd(this.xml, existing));
    const rows = owned.print?.repeatRows;
    const names = findTag(this.xml, 'definedNames');
    if (!rows) {
      // An empty <definedNames> is not allowed by the schema.
      if (names && (names.selfClosing || nextTag(this.xml, names.end)?.closing))
        this.xml = this.xml.slice(0, names.start) + this.xml.slice(elementEnd(this.xml, names));
      return;
    }
    const p = names?.prefix ?? this.prefix;
    const entry = `<${p}definedName name="_xlnm.Print_Titles" localSheetId="${position}">${escapeAttribute(printTitlesFormula(owned.name, rows))}</${p}definedName>`;
    if (names) {
      this.xml = withLastChild(this.xml, names, entry);
      return;
    }
    const at = this.endOfAny(['externalReferences', 'functionGroups', 'sheets']);
    this.xml = `${this.xml.slice(0, at)}<${p}definedNames>${entry}</${p}definedNames>${this.xml.slice(at)}`;
  }

  toXml(): string {
    // Formulas that count statuses must see the new ones as soon as the file is opened.
    const calc = findTag(this.xml, 'calcPr');
    if (calc) {
      const attributes = setAttributeText(calc.attributeText, { fullCalcOnLoad: '1' });
      return `${this.xml.slice(0, calc.start)}${openingTag(calc, attributes)}${this.xml.slice(calc.end)}`;
    }
    const at = this.endOfAny(['definedNames', 'externalReferences', 'functionGroups', 'sheets']);
    return `${this.xml.slice(0, at)}<${this.prefix}calcPr fullCalcOnLoad="1"/>${this.xml.slice(at)}`;
  }

  /** Just after the first of these elements the workbook has, taken in order (the schema's order of children). */
  private endOfAny(names: readonly string[]): number {
    for (const name of names) {
      const tag = findTag(this.xml, name);
      if (tag) return elementEnd(this.xml, tag);
    }
    return rootTag(this.xml)!.end;
  }
}
