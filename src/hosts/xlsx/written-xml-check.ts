import { SaxesParser } from 'saxes';

/**
 * Why a part KPI Tracker is about to write would not read back as XML, or undefined when it
 * would. The part is read whole by a real XML parser (saxes, which checks namespaces, entities
 * and characters as well as structure), so a fault in the host's own surgery on the XML, or one
 * carried over from a damaged workbook, stops the save before it reaches Excel.
 */
export function writtenXmlFault(content: string | Uint8Array): string | undefined {
  const xml = typeof content === 'string' ? content : Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString('utf8');
  // Positions are left out: they cost a tenth of the parse, and the officer is told the part, not the line.
  const parser = new SaxesParser({ xmlns: true, position: false });
  parser.on('error', (error) => {
    throw error;
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    return (error as Error).message.replace(/\.$/, '');
  }
  const declared = /^\uFEFF?<\?xml[^>]*?\sencoding\s*=\s*["']([^"']*)["']/.exec(xml)?.[1];
  if (declared !== undefined && !/^utf-?8$/i.test(declared)) return `it says it is written in ${declared}, but it is written in UTF-8`;
  return undefined;
}
