import { MAIN_NS } from './xlsx-package';
import { escapeAttribute } from './xml-text';
import { allTags, attribute, elementEnd, findTag, nextTag, openingTag, rootPrefix, setAttributeText, type Tag } from './xml-tokenizer';

/** Excel's built-in number formats by id (the ones that read the same in every locale). */
const BUILT_IN_FORMATS: Readonly<Record<number, string>> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** The look of a cell the run builds, as a key into styles already made. */
export interface CellLook {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly size?: number;
  readonly fontColour?: string;
  readonly fill?: string;
  readonly wrap?: boolean;
  readonly align?: 'left' | 'centre' | 'right';
  readonly numberFormat?: string;
  readonly border?: boolean;
}

interface CellFormat {
  readonly tag: Tag;
  /** The whole `<xf>…</xf>` element as written. */
  readonly xml: string;
  readonly numFmtId: number;
  readonly fillId: number;
}

const MINIMAL_STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN_NS}">` +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/** The sections of a styles part KPI Tracker adds to, in the order the schema requires. */
const SECTION_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs'] as const;

const hex = (colour: string): string => `FF${colour.replace('#', '').toUpperCase()}`;

/**
 * styles.xml: read to learn each style's number format and solid fill, and added to (never
 * rewritten) when the run needs a fill or a look the workbook does not have yet.
 */
export class StylesPart {
  private readonly xml: string;
  private readonly prefix: string;
  private readonly formats = new Map<number, string>();
  private readonly fills: (string | undefined)[] = [];
  private readonly cellFormats: CellFormat[] = [];
  private readonly counts = { fonts: 0, borders: 0, cellXfs: 0 };
  /** Elements the file already has, by their XML, so a second run reuses what the first added. */
  private readonly existing = { fonts: new Map<string, number>(), borders: new Map<string, number>(), cellXfs: new Map<string, number>() };
  private readonly added = {
    numFmts: [] as string[],
    fonts: [] as string[],
    fills: [] as string[],
    borders: [] as string[],
    cellStyleXfs: [] as string[],
    cellXfs: [] as string[],
  };
  /** Additions made only because the part lacked a section every styles part needs. */
  private readonly baseline: number;
  private readonly restyled = new Map<string, number>();
  private readonly looks = new Map<string, number>();
  private readonly formatIds = new Map<string, number>();
  private nextFormatId = 164;

  constructor(xml: string | undefined) {
    this.xml = xml ?? MINIMAL_STYLES;
    this.prefix = rootPrefix(this.xml);
    // Only the cell formats' own list: a differential format (<dxfs>) has numFmts of its own.
    const numFmts = this.section('numFmts');
    for (const tag of numFmts ? allTags(this.xml, 'numFmt', numFmts.start, numFmts.end) : []) {
      const id = Number(attribute(tag.attributeText, 'numFmtId'));
      const code = attribute(tag.attributeText, 'formatCode');
      if (Number.isInteger(id) && code !== undefined) {
        this.formats.set(id, code);
        this.formatIds.set(code, id);
        this.nextFormatId = Math.max(this.nextFormatId, id + 1);
      }
    }
    const p = this.prefix;
    const fills = this.section('fills');
    if (fills) for (const tag of allTags(this.xml, 'fill', fills.start, fills.end)) this.fills.push(this.solidColour(tag));
    else {
      // Fills 0 and 1 are reserved (none and gray125) in every styles part.
      this.fills.push(undefined, undefined);
      this.added.fills.push(
        `<${p}fill><${p}patternFill patternType="none"/></${p}fill>`,
        `<${p}fill><${p}patternFill patternType="gray125"/></${p}fill>`,
      );
    }
    const fonts = this.section('fonts');
    for (const tag of fonts ? allTags(this.xml, 'font', fonts.start, fonts.end) : [])
      this.existing.fonts.set(this.elementXml(tag), this.counts.fonts++);
    if (!fonts) this.added.fonts.push(`<${p}font><${p}sz val="11"/><${p}name val="Calibri"/><${p}family val="2"/></${p}font>`);
    const borders = this.section('borders');
    for (const tag of borders ? allTags(this.xml, 'border', borders.start, borders.end) : [])
      this.existing.borders.set(this.elementXml(tag), this.counts.borders++);
    if (!borders) this.added.borders.push(`<${p}border><${p}left/><${p}right/><${p}top/><${p}bottom/><${p}diagonal/></${p}border>`);
    if (!this.section('cellStyleXfs')) this.added.cellStyleXfs.push(`<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>`);
    const xfs = this.section('cellXfs');
    for (const tag of xfs ? allTags(this.xml, 'xf', xfs.start, xfs.end) : []) {
      const xml = this.elementXml(tag);
      this.existing.cellXfs.set(xml, this.counts.cellXfs++);
      this.cellFormats.push(cellFormatOf(tag, xml));
    }
    if (!xfs) this.addCellFormat(`<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`);
    this.baseline = Object.values(this.added).reduce((sum, list) => sum + list.length, 0);
  }

  private elementXml(tag: Tag): string {
    return this.xml.slice(tag.start, elementEnd(this.xml, tag));
  }

  get changed(): boolean {
    return Object.values(this.added).reduce((sum, list) => sum + list.length, 0) > this.baseline;
  }

  /** The number format of a cell style; undefined for General. */
  formatOf(styleIndex: number): string | undefined {
    const id = this.cellFormats[styleIndex]?.numFmtId ?? 0;
    const code = this.formats.get(id) ?? BUILT_IN_FORMATS[id];
    return code === undefined || code === 'General' ? undefined : code;
  }

  /** '#RRGGBB' when the style fills the cell with a solid RGB colour; theme and indexed colours are not read. */
  fillOf(styleIndex: number): string | undefined {
    const fillId = this.cellFormats[styleIndex]?.fillId ?? 0;
    return this.fills[fillId];
  }

  /** A style like `styleIndex` but with a solid fill of `colour`. */
  withFill(styleIndex: number, colour: string): number {
    const key = `${styleIndex}|${colour}`;
    const known = this.restyled.get(key);
    if (known !== undefined) return known;
    if (this.fillOf(styleIndex) === colour.toUpperCase()) return styleIndex;
    const fillId = this.fillFor(colour);
    const base = this.cellFormats[styleIndex] ?? this.cellFormats[0];
    const xml = base
      ? setAttributes(base.xml, base.tag, { fillId: String(fillId), applyFill: '1' })
      : `<${this.prefix}xf numFmtId="0" fontId="0" fillId="${fillId}" borderId="0" xfId="0" applyFill="1"/>`;
    const index = this.addCellFormat(xml);
    this.restyled.set(key, index);
    return index;
  }

  /** A style for a cell the run builds on a sheet of its own. */
  forLook(look: CellLook): number {
    const key = `${look.bold ? 'b' : ''}${look.italic ? 'i' : ''}|${look.size ?? ''}|${look.fontColour ?? ''}|${look.fill ?? ''}|${look.wrap ? 'w' : ''}|${look.align ?? ''}|${look.border ? 'B' : ''}|${look.numberFormat ?? ''}`;
    const known = this.looks.get(key);
    if (known !== undefined) return known;
    const p = this.prefix;
    const font =
      `<${p}font>${look.bold ? `<${p}b/>` : ''}${look.italic ? `<${p}i/>` : ''}<${p}sz val="${look.size ?? 11}"/>` +
      `${look.fontColour ? `<${p}color rgb="${hex(look.fontColour)}"/>` : ''}<${p}name val="Calibri"/><${p}family val="2"/></${p}font>`;
    const fontId = this.reuseOrAdd('fonts', font);
    const fillId = look.fill ? this.fillFor(look.fill) : 0;
    let borderId = 0;
    if (look.border) {
      const side = (name: string): string => `<${p}${name} style="thin"><${p}color rgb="FFBFBFBF"/></${p}${name}>`;
      borderId = this.reuseOrAdd(
        'borders',
        `<${p}border>${side('left')}${side('right')}${side('top')}${side('bottom')}<${p}diagonal/></${p}border>`,
      );
    }
    const numFmtId = look.numberFormat ? this.formatIdFor(look.numberFormat) : 0;
    const horizontal = look.align ? ` horizontal="${look.align === 'centre' ? 'center' : look.align}"` : '';
    const xml =
      `<${p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1">` +
      `<${p}alignment vertical="top"${horizontal}${look.wrap ? ' wrapText="1"' : ''}/></${p}xf>`;
    const index = this.addCellFormat(xml);
    this.looks.set(key, index);
    return index;
  }

  toXml(): string {
    let xml = this.xml;
    for (const name of SECTION_ORDER) {
      const items = this.added[name];
      if (items.length === 0) continue;
      const section = findTag(xml, name);
      if (!section) {
        // Placed after the sections the schema puts before it, so the part stays valid.
        const at = this.sectionInsertPoint(xml, name);
        xml = `${xml.slice(0, at)}<${this.prefix}${name} count="${items.length}">${items.join('')}</${this.prefix}${name}>${xml.slice(at)}`;
        continue;
      }
      const end = elementEnd(xml, section);
      const existing = section.selfClosing ? 0 : Number(attribute(section.attributeText, 'count') ?? NaN);
      const inner = section.selfClosing ? '' : xml.slice(section.end, xml.lastIndexOf('<', end - 1));
      const count = Number.isFinite(existing) ? existing + items.length : undefined;
      const attributes = setAttributeText(section.attributeText, count === undefined ? {} : { count: String(count) });
      // A self-closed section (`<fills count="0"/>`) is opened up to take the new elements.
      xml = `${xml.slice(0, section.start)}<${section.prefix}${name}${attributes}>${inner}${items.join('')}</${section.prefix}${name}>${xml.slice(end)}`;
    }
    return xml;
  }

  private sectionInsertPoint(xml: string, name: (typeof SECTION_ORDER)[number]): number {
    const before = SECTION_ORDER.slice(0, SECTION_ORDER.indexOf(name)).reverse();
    for (const earlier of before) {
      const tag = findTag(xml, earlier);
      if (tag) return elementEnd(xml, tag);
    }
    return findTag(xml, 'styleSheet')!.end;
  }

  private section(name: string): { start: number; end: number } | undefined {
    const tag = findTag(this.xml, name);
    return tag ? { start: tag.end, end: elementEnd(this.xml, tag) } : undefined;
  }

  private solidColour(fill: Tag): string | undefined {
    const end = elementEnd(this.xml, fill);
    const pattern = findTag(this.xml, 'patternFill', fill.end);
    if (!pattern || pattern.start >= end || attribute(pattern.attributeText, 'patternType') !== 'solid') return undefined;
    const colour = findTag(this.xml, 'fgColor', pattern.end);
    const rgb = colour && colour.start < end ? attribute(colour.attributeText, 'rgb') : undefined;
    return rgb && /^[0-9A-Fa-f]{8}$/.test(rgb) ? `#${rgb.slice(2).toUpperCase()}` : undefined;
  }

  private fillFor(colour: string): number {
    const upper = colour.toUpperCase();
    const known = this.fills.indexOf(upper);
    if (known >= 0) return known;
    const p = this.prefix;
    const id = this.fills.length;
    this.fills.push(upper);
    this.added.fills.push(
      `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${hex(upper)}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`,
    );
    return id;
  }

  private formatIdFor(code: string): number {
    const builtIn = Object.entries(BUILT_IN_FORMATS).find(([, known]) => known === code);
    if (builtIn) return Number(builtIn[0]);
    const known = this.formatIds.get(code);
    if (known !== undefined) return known;
    const id = this.nextFormatId++;
    this.formats.set(id, code);
    this.formatIds.set(code, id);
    this.added.numFmts.push(`<${this.prefix}numFmt numFmtId="${id}" formatCode="${escapeAttribute(code)}"/>`);
    return id;
  }

  /** The index of an element the part already has with this very XML, or of the one added now. */
  private reuseOrAdd(section: 'fonts' | 'borders' | 'cellXfs', xml: string): number {
    const known = this.existing[section].get(xml);
    if (known !== undefined) return known;
    const index = this.counts[section] + this.added[section].length;
    this.added[section].push(xml);
    this.existing[section].set(xml, index);
    return index;
  }

  private addCellFormat(xml: string): number {
    const index = this.reuseOrAdd('cellXfs', xml);
    if (index === this.cellFormats.length) this.cellFormats.push(cellFormatOf(nextTag(xml, 0)!, xml));
    return index;
  }
}

function cellFormatOf(tag: Tag, xml: string): CellFormat {
  return {
    tag,
    xml,
    numFmtId: Number(attribute(tag.attributeText, 'numFmtId') ?? 0),
    fillId: Number(attribute(tag.attributeText, 'fillId') ?? 0),
  };
}

/** The element `xml` (opening with `tag`) with attributes set or replaced. */
function setAttributes(xml: string, tag: Tag, values: Readonly<Record<string, string>>): string {
  return `${openingTag(tag, setAttributeText(tag.attributeText, values))}${xml.slice(tag.end - tag.start)}`;
}
