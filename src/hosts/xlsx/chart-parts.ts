import { columnLetter, parseRangeAddress, quoteSheetName } from '../../core/model/address';
import { planValueText, type ChartPlan, type OwnedSheet } from '../../core/plan/plan-types';
import { RELATIONSHIPS_NS, relationshipsPartOf, relativeTarget, type XlsxPackage } from './xlsx-package';
import { escapeAttribute, escapeCellText } from './xml-text';

const DRAWING_TYPE = `${RELATIONSHIPS_NS}/drawing`;
const CHART_TYPE = `${RELATIONSHIPS_NS}/chart`;
export const DRAWING_CONTENT = 'application/vnd.openxmlformats-officedocument.drawing+xml';
export const CHART_CONTENT = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const CHART_NS = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const DRAWINGML_NS = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const SHEET_DRAWING_NS = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const PACKAGE_RELATIONSHIPS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** A part to write, and the content type it is listed under (none for a relationships part). */
export interface NewPart {
  readonly part: string;
  readonly content: string;
  readonly contentType?: string;
}

export interface SheetDrawing {
  /** The id the sheet's `<drawing r:id>` names. */
  readonly relationshipId: string;
  /** The drawing, its chart, and the relationships that tie sheet, drawing and chart together. */
  readonly parts: readonly NewPart[];
}

/**
 * A native chart for a sheet the run builds, written as Excel writes one (a drawing part anchoring
 * a chart part to the cells it spans, with the figures it plots cached in it), so that Excel and
 * LibreOffice both draw it from the file alone. Part names are the first free ones, so a run that
 * replaces a sheet and its chart writes the same names again.
 */
export function sheetDrawing(sheetPart: string, owned: OwnedSheet, chart: ChartPlan, taken: ReadonlySet<string>): SheetDrawing {
  const drawingPart = firstFree('xl/drawings/drawing', taken);
  const chartPart = firstFree('xl/charts/chart', taken);
  const labels = cellTexts(owned, chart.labelsRange);
  const values = cellTexts(owned, chart.valuesRange).map((text) => Number(text) || 0);
  const relationshipId = 'rId1';
  return {
    relationshipId,
    parts: [
      {
        part: relationshipsPartOf(sheetPart),
        content: relationships([[relationshipId, DRAWING_TYPE, relativeTarget(sheetPart, drawingPart)]]),
      },
      { part: drawingPart, content: drawingXml(chart, labels, values), contentType: DRAWING_CONTENT },
      { part: relationshipsPartOf(drawingPart), content: relationships([['rId1', CHART_TYPE, relativeTarget(drawingPart, chartPart)]]) },
      { part: chartPart, content: chartXml(owned.name, chart, labels, values), contentType: CHART_CONTENT },
    ],
  };
}

/**
 * The parts a sheet's drawings bring with them (the drawing, the charts and pictures it shows, and
 * their relationships), which go when KPI Tracker rebuilds a sheet it owns.
 */
export function drawingPartsOf(pkg: XlsxPackage, sheetPart: string): string[] {
  const found: string[] = [];
  const follow = (part: string): void => {
    if (found.includes(part) || !pkg.has(part)) return;
    found.push(part);
    const rels = relationshipsPartOf(part);
    if (pkg.has(rels)) found.push(rels);
    for (const rel of pkg.relationships(part).values()) if (!rel.external) follow(rel.target);
  };
  for (const rel of pkg.relationships(sheetPart).values()) if (!rel.external && rel.type === DRAWING_TYPE) follow(rel.target);
  return found;
}

function firstFree(stem: string, taken: ReadonlySet<string>): string {
  let n = 1;
  while (taken.has(`${stem}${n}.xml`)) n++;
  return `${stem}${n}.xml`;
}

/** The shown text of each cell of a one-column range of the sheet being built. */
function cellTexts(owned: OwnedSheet, range: string): string[] {
  const cells = parseRangeAddress(range);
  if (!cells) return [];
  const texts: string[] = [];
  for (let r = cells.top; r <= cells.bottom; r++) {
    const cell = owned.rows[r]?.[cells.left];
    texts.push(cell ? planValueText(cell.value) : '');
  }
  return texts;
}

function relationships(entries: ReadonlyArray<readonly [string, string, string]>): string {
  const items = entries.map(([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${escapeAttribute(target)}"/>`);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PACKAGE_RELATIONSHIPS_NS}">${items.join('')}</Relationships>`;
}

function drawingXml(chart: ChartPlan, labels: readonly string[], values: readonly number[]): string {
  const corner = (tag: string, at: { col: number; row: number }): string =>
    `<xdr:${tag}><xdr:col>${at.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${at.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  // Said in words too, for a screen reader: the colours alone say nothing.
  const description = `${chart.title}: ${labels.map((label, i) => `${label} ${values[i]}`).join(', ')}.`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<xdr:wsDr xmlns:xdr="${SHEET_DRAWING_NS}" xmlns:a="${DRAWINGML_NS}">` +
    '<xdr:twoCellAnchor editAs="oneCell">' +
    corner('from', chart.from) +
    corner('to', chart.to) +
    '<xdr:graphicFrame macro="">' +
    `<xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart of statuses" descr="${escapeAttribute(description)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="${CHART_NS}"><c:chart xmlns:c="${CHART_NS}" xmlns:r="${RELATIONSHIPS_NS}" r:id="rId1"/></a:graphicData></a:graphic>` +
    '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>'
  );
}

/** An absolute reference to a one-column range on the sheet: 'Committee Q2 2024-25'!$B$12:$B$15. */
function absolute(sheet: string, range: string): string {
  const cells = parseRangeAddress(range)!;
  const col = columnLetter(cells.left);
  return `${quoteSheetName(sheet)}!$${col}$${cells.top + 1}:$${col}$${cells.bottom + 1}`;
}

const solid = (hex: string): string => `<a:solidFill><a:srgbClr val="${hex.replace('#', '').toUpperCase()}"/></a:solidFill>`;
const OUTLINE = `<a:ln w="9525">${solid('#7F7F7F')}</a:ln>`;

function chartXml(sheet: string, chart: ChartPlan, labels: readonly string[], values: readonly number[]): string {
  const points = (items: readonly string[]): string =>
    `<c:ptCount val="${items.length}"/>` + items.map((item, i) => `<c:pt idx="${i}"><c:v>${escapeCellText(item)}</c:v></c:pt>`).join('');
  // Each bar in its status's own colour, outlined so a pale one still shows on white paper.
  const bars = (chart.colours ?? [])
    .map(
      (colour, i) =>
        `<c:dPt><c:idx val="${i}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/><c:spPr>${solid(colour)}${OUTLINE}</c:spPr></c:dPt>`,
    )
    .join('');
  const text = (size: number, bold = false): string =>
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}"${bold ? ' b="1"' : ''}/></a:pPr><a:endParaRPr lang="en-GB"/></a:p></c:txPr>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<c:chartSpace xmlns:c="${CHART_NS}" xmlns:a="${DRAWINGML_NS}" xmlns:r="${RELATIONSHIPS_NS}">` +
    '<c:lang val="en-GB"/><c:roundedCorners val="0"/>' +
    '<c:chart>' +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr><a:r><a:rPr lang="en-GB" sz="1200" b="1"/><a:t>${escapeCellText(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    '<c:autoTitleDeleted val="0"/>' +
    '<c:plotArea><c:layout/>' +
    '<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>' +
    '<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:v>Indicators</c:v></c:tx>' +
    `<c:spPr>${solid('#A6A6A6')}${OUTLINE}</c:spPr><c:invertIfNegative val="0"/>` +
    bars +
    '<c:dLbls><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>' +
    text(1000, true) +
    '<c:dLblPos val="outEnd"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>' +
    `<c:cat><c:strRef><c:f>${escapeCellText(absolute(sheet, chart.labelsRange))}</c:f><c:strCache>${points(labels)}</c:strCache></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${escapeCellText(absolute(sheet, chart.valuesRange))}</c:f><c:numCache><c:formatCode>General</c:formatCode>${points(values.map(String))}</c:numCache></c:numRef></c:val>` +
    '</c:ser>' +
    '<c:gapWidth val="60"/><c:axId val="1001"/><c:axId val="1002"/></c:barChart>' +
    // Categories read top to bottom in the summary's order; the value axis stays at the foot.
    '<c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>' +
    '<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    text(1000) +
    '<c:crossAx val="1002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
    '<c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>' +
    `<c:majorGridlines><c:spPr><a:ln w="6350">${solid('#D9D9D9')}</a:ln></c:spPr></c:majorGridlines>` +
    '<c:numFmt formatCode="0" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    text(900) +
    '<c:crossAx val="1001"/><c:crosses val="max"/><c:crossBetween val="between"/></c:valAx>' +
    '</c:plotArea><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>' +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln w="9525">${solid('#BFBFBF')}</a:ln></c:spPr>` +
    text(1000) +
    '<c:printSettings><c:headerFooter/><c:pageMargins b="0.75" l="0.7" r="0.7" t="0.75" header="0.3" footer="0.3"/><c:pageSetup/></c:printSettings>' +
    '</c:chartSpace>'
  );
}
