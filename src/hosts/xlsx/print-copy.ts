import { XlsxPackage } from './xlsx-package';
import { allTags, attribute, findTag, openingTag, removeAttribute, setAttributeText } from './xml-tokenizer';
import { entryFromContent, readZip, writeZip } from './zip-archive';

/**
 * A copy of a workbook that prints only one sheet: every other sheet is hidden (a very hidden
 * sheet stays so) and the sheet is the one open. Spreadsheet programs print or export the visible
 * sheets, so this is how one sheet of a workbook becomes a PDF. The sheet's own print set-up
 * (orientation, fit, repeated rows, footer) is untouched.
 */
export async function printCopyOfSheet(bytes: Uint8Array, sheetName: string): Promise<Buffer> {
  const entries = readZip(bytes);
  const pkg = new XlsxPackage(entries);
  const root = [...pkg.relationships('').values()].find((rel) => /\/officeDocument$/.test(rel.type));
  const workbookPart = root?.target ?? 'xl/workbook.xml';
  let xml = pkg.text(workbookPart);
  if (xml === undefined) throw new Error('The workbook has no workbook part.');
  const sheets = allTags(xml, 'sheet');
  const position = sheets.findIndex((tag) => attribute(tag.attributeText, 'name') === sheetName);
  if (position < 0) throw new Error(`The workbook has no sheet "${sheetName}".`);
  // From the last sheet back, so the places of those before stay where they were found.
  for (let i = sheets.length - 1; i >= 0; i--) {
    const tag = sheets[i]!;
    const state = attribute(tag.attributeText, 'state');
    const attributes =
      i === position
        ? removeAttribute(tag.attributeText, 'state')
        : state === 'veryHidden'
          ? tag.attributeText
          : setAttributeText(tag.attributeText, { state: 'hidden' });
    xml = `${xml.slice(0, tag.start)}${openingTag(tag, attributes)}${xml.slice(tag.end)}`;
  }
  const view = findTag(xml, 'workbookView');
  if (view) {
    const attributes = setAttributeText(view.attributeText, { activeTab: String(position), firstSheet: String(position) });
    xml = `${xml.slice(0, view.start)}${openingTag(view, attributes)}${xml.slice(view.end)}`;
  } else {
    // Without a view the first sheet is the open one, and is printed hidden or not.
    const list = findTag(xml, 'sheets')!;
    const p = list.prefix;
    xml = `${xml.slice(0, list.start)}<${p}bookViews><${p}workbookView activeTab="${position}" firstSheet="${position}"/></${p}bookViews>${xml.slice(list.start)}`;
  }
  const copy = await entryFromContent(workbookPart, xml);
  return writeZip(entries.map((entry) => (entry.name.toLowerCase() === workbookPart.toLowerCase() ? copy : entry)));
}
