import { DamagedPackageError } from './package-damage';
import { decodePartText } from './part-encoding';
import { inflateEntry, type ZipEntry } from './zip-archive';
import { allTags, attribute, checkWellFormed, XmlDamageError } from './xml-tokenizer';

/** SpreadsheetML's main namespace, and the one for relationships (`r:id`), as Transitional files write them. */
export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const RELATIONSHIPS_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
/** The part that gives every other part its content type. */
export const CONTENT_TYPES_PART = '[Content_Types].xml';

/**
 * The parts of an .xlsx file by name, with the relationships that tie them together. Part names
 * are matched without regard to case, as the Open Packaging Conventions say. A part's text is
 * checked to be one whole XML document the first time it is read.
 */
export class XlsxPackage {
  private readonly byName = new Map<string, ZipEntry>();
  private readonly texts = new Map<string, string>();
  private readonly checked = new Set<string>();

  constructor(readonly entries: readonly ZipEntry[]) {
    for (const entry of entries) {
      const key = entry.name.toLowerCase();
      // Which copy would Excel read? Reading one and writing both back would only hide the question.
      if (this.byName.has(key)) throw new DamagedPackageError(`it holds two parts named ${entry.name}`);
      // Part names are written with "/"; written with a backslash, no other part's reference finds them.
      if (entry.name.includes('\\')) throw new DamagedPackageError(`its part ${entry.name} is named with "\\" where "/" belongs`);
      this.byName.set(key, entry);
    }
  }

  has(part: string): boolean {
    return this.byName.has(part.toLowerCase());
  }

  entry(part: string): ZipEntry | undefined {
    return this.byName.get(part.toLowerCase());
  }

  /** A part's text, or undefined when the file has no such part. Read once, then kept. */
  text(part: string): string | undefined {
    const key = part.toLowerCase();
    const kept = this.texts.get(key);
    if (kept !== undefined) return kept;
    const entry = this.byName.get(key);
    if (!entry) return undefined;
    const text = decodePartText(inflateEntry(entry), entry.name);
    if (!this.checked.has(key)) {
      try {
        checkWellFormed(text);
      } catch (error) {
        if (error instanceof XmlDamageError) throw new DamagedPackageError(`its part ${entry.name} is not sound XML: ${error.message}`);
        throw error;
      }
      this.checked.add(key);
    }
    this.texts.set(key, text);
    return text;
  }

  /** Lets go of a part's text once it has been read into the model, so big sheets don't stay twice in memory. */
  forget(part: string): void {
    this.texts.delete(part.toLowerCase());
  }

  /** The relationships of a part: id → { target part, type }. */
  relationships(part: string): Map<string, Relationship> {
    const relsPart = relationshipsPartOf(part);
    const xml = this.text(relsPart);
    const found = new Map<string, Relationship>();
    if (!xml) return found;
    for (const tag of allTags(xml, 'Relationship')) {
      const id = attribute(tag.attributeText, 'Id');
      const target = attribute(tag.attributeText, 'Target');
      const type = attribute(tag.attributeText, 'Type') ?? '';
      if (!id || !target) continue;
      const external = attribute(tag.attributeText, 'TargetMode') === 'External';
      found.set(id, { id, type, target: external ? target : resolvePart(part, target), external });
    }
    return found;
  }
}

export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** A part name such as `xl/worksheets/sheet1.xml` (or the URL itself when external). */
  readonly target: string;
  readonly external: boolean;
}

export function relationshipsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target read from `source`'s rels, as a part name without a leading slash. */
export function resolvePart(source: string, target: string): string {
  if (target.startsWith('/')) return normalise(target.slice(1));
  const folder = source.slice(0, source.lastIndexOf('/') + 1);
  return normalise(folder + target);
}

function normalise(path: string): string {
  const out: string[] = [];
  for (const piece of path.split('/')) {
    if (piece === '..') out.pop();
    else if (piece !== '.' && piece !== '') out.push(piece);
  }
  return out.join('/');
}

/** A path for `target` written relative to the folder of `source`, as Excel writes targets in rels. */
export function relativeTarget(source: string, target: string): string {
  const from = source.split('/').slice(0, -1);
  const to = target.split('/');
  let shared = 0;
  while (shared < from.length && shared < to.length - 1 && from[shared] === to[shared]) shared++;
  return [...from.slice(shared).map(() => '..'), ...to.slice(shared)].join('/');
}
