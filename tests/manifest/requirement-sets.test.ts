/**
 * The requirement sets manifest.xml declares cover every Office.js call the add-in makes.
 *
 * The calls are found with the TypeScript compiler (tests/support/office-api-usage.ts): every
 * property, method and load('…') path of Office.js in src/hosts/excel, src/commands, src/functions,
 * src/taskpane and src/shared. Each must be in the table below, which gives the requirement set
 * Microsoft's Office.js reference names for it:
 * - Excel classes: https://learn.microsoft.com/javascript/api/excel/excel.<class> (e.g. excel.range,
 *   excel.worksheet, excel.pagelayout), each member's "[ API set: ExcelApi n ]", and the sets'
 *   own pages, https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets
 * - Excel.run, ClientObject.load, RequestContext.sync, ClientResult and null objects: ExcelApi 1.1,
 *   https://learn.microsoft.com/javascript/api/excel/excel#excel-excel-run-function(1) and
 *   https://learn.microsoft.com/javascript/api/office/officeextension.clientobject
 * - Office.actions.associate and Office.addin.showAsTaskpane: SharedRuntime 1.1,
 *   https://learn.microsoft.com/javascript/api/requirement-sets/common/shared-runtime-requirement-sets
 * - Office.AddinCommands.Event.completed: AddinCommands 1.1,
 *   https://learn.microsoft.com/javascript/api/requirement-sets/common/add-in-commands-requirement-sets
 * - CustomFunctions.associate: CustomFunctionsRuntime 1.1; CustomFunctions.Error and ErrorCode: 1.2,
 *   https://learn.microsoft.com/javascript/api/requirement-sets/excel/custom-functions-requirement-sets
 * - Office.onReady, Office.HostType, Office.context.host and requirements.isSetSupported: the
 *   common API every Office version has (https://learn.microsoft.com/javascript/api/office);
 *   Office.context.officeTheme and document.addHandlerAsync likewise, in no set
 *   (https://learn.microsoft.com/javascript/api/office/office.officetheme).
 * Where @types/office-js names a set for a member, the table must agree with it, so a slip in the
 * table shows; a member not in the table fails until someone has looked it up.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { officeApiUsage, type OfficeApiUse } from '../support/office-api-usage';

const ROOT = join(__dirname, '..', '..');
const FOLDERS = ['src/hosts/excel', 'src/commands', 'src/functions', 'src/taskpane', 'src/shared'];

const COMMON = 'Common';

/** Member → the requirement set the Office.js reference gives it. */
const DOCUMENTED: Record<string, string> = {
  // excel.application
  'Excel.Application.suspendApiCalculationUntilNextSync': 'ExcelApi 1.6',
  // excel.cellborder, excel.cellpropertiesfill, excel.cellpropertiesformat, excel.cellpropertiesloadoptions, excel.settablecellproperties
  'Excel.CellBorder.color': 'ExcelApi 1.9',
  'Excel.CellBorder.style': 'ExcelApi 1.9',
  'Excel.CellPropertiesFill.color': 'ExcelApi 1.9',
  'Excel.CellPropertiesFormat.borders': 'ExcelApi 1.9',
  'Excel.CellPropertiesFormat.fill': 'ExcelApi 1.9',
  'Excel.CellPropertiesFormat.font': 'ExcelApi 1.9',
  'Excel.CellPropertiesFormat.horizontalAlignment': 'ExcelApi 1.9',
  'Excel.CellPropertiesFormat.verticalAlignment': 'ExcelApi 1.9',
  'Excel.CellPropertiesFormat.wrapText': 'ExcelApi 1.9',
  'Excel.CellPropertiesLoadOptions.format': 'ExcelApi 1.9',
  'Excel.SettableCellProperties.format': 'ExcelApi 1.9',
  'Excel.CellPropertiesFontLoadOptions.color': 'ExcelApi 1.9',
  'Excel.CellPropertiesFillLoadOptions.color': 'ExcelApi 1.9',
  // excel.chart, excel.chartcollection, excel.chartlegend, excel.charttitle, and the enums
  'Excel.Chart.legend': 'ExcelApi 1.1',
  'Excel.Chart.setPosition': 'ExcelApi 1.1',
  'Excel.Chart.title': 'ExcelApi 1.1',
  'Excel.ChartCollection.add': 'ExcelApi 1.1',
  'Excel.ChartLegend.visible': 'ExcelApi 1.1',
  'Excel.ChartTitle.text': 'ExcelApi 1.1',
  'Excel.ChartSeriesBy': 'ExcelApi 1.1',
  'Excel.ChartType': 'ExcelApi 1.1',
  'Excel.barClustered': 'ExcelApi 1.1',
  'Excel.columns': 'ExcelApi 1.1',
  // excel.headerfooter, excel.headerfootergroup, excel.pagelayout, excel.pagelayoutzoomoptions
  'Excel.HeaderFooter.leftFooter': 'ExcelApi 1.9',
  'Excel.HeaderFooter.rightFooter': 'ExcelApi 1.9',
  'Excel.HeaderFooterGroup.defaultForAllPages': 'ExcelApi 1.9',
  'Excel.PageLayout.headersFooters': 'ExcelApi 1.9',
  'Excel.PageLayout.orientation': 'ExcelApi 1.9',
  'Excel.PageLayout.setPrintTitleRows': 'ExcelApi 1.9',
  'Excel.PageLayout.zoom': 'ExcelApi 1.9',
  'Excel.PageLayoutZoomOptions.horizontalFitToPages': 'ExcelApi 1.9',
  'Excel.PageLayoutZoomOptions.verticalFitToPages': 'ExcelApi 1.9',
  'Excel.PageOrientation': 'ExcelApi 1.7',
  'Excel.landscape': 'ExcelApi 1.7',
  'Excel.portrait': 'ExcelApi 1.7',
  // excel.range
  'Excel.Range.address': 'ExcelApi 1.1',
  'Excel.Range.clear': 'ExcelApi 1.1',
  'Excel.Range.columnCount': 'ExcelApi 1.1',
  'Excel.Range.formulas': 'ExcelApi 1.1',
  'Excel.Range.getCellProperties': 'ExcelApi 1.9',
  'Excel.Range.getMergedAreasOrNullObject': 'ExcelApi 1.13',
  'Excel.Range.getResizedRange': 'ExcelApi 1.2',
  'Excel.Range.getRow': 'ExcelApi 1.1',
  'Excel.Range.getSpecialCellsOrNullObject': 'ExcelApi 1.9',
  'Excel.Range.load': 'ExcelApi 1.1',
  'Excel.Range.merge': 'ExcelApi 1.2',
  'Excel.Range.numberFormat': 'ExcelApi 1.1',
  'Excel.Range.rowCount': 'ExcelApi 1.1',
  'Excel.Range.select': 'ExcelApi 1.1',
  'Excel.Range.setCellProperties': 'ExcelApi 1.9',
  'Excel.Range.setColumnProperties': 'ExcelApi 1.9',
  'Excel.Range.setRowProperties': 'ExcelApi 1.9',
  'Excel.Range.valueTypes': 'ExcelApi 1.1',
  'Excel.Range.values': 'ExcelApi 1.1',
  // excel.rangeareas, excel.rangecollection
  'Excel.RangeAreas.areas': 'ExcelApi 1.9',
  'Excel.RangeAreas.load': 'ExcelApi 1.9',
  'Excel.RangeCollection.items': 'ExcelApi 1.9',
  // excel.requestcontext, excel.run
  'Excel.RequestContext.application': 'ExcelApi 1.1',
  'Excel.RequestContext.workbook': 'ExcelApi 1.1',
  'Excel.run': 'ExcelApi 1.1',
  // excel.table, excel.tablecollection
  'Excel.Table.getRange': 'ExcelApi 1.1',
  'Excel.Table.name': 'ExcelApi 1.1',
  'Excel.Table.showHeaders': 'ExcelApi 1.1',
  'Excel.Table.showTotals': 'ExcelApi 1.1',
  'Excel.TableCollection.items': 'ExcelApi 1.1',
  'Excel.TableCollection.load': 'ExcelApi 1.1',
  // excel.workbook, excel.worksheet, excel.worksheetcollection, excel.worksheetfreezepanes, excel.worksheetprotection
  'Excel.Workbook.worksheets': 'ExcelApi 1.1',
  'Excel.Worksheet.activate': 'ExcelApi 1.1',
  'Excel.Worksheet.charts': 'ExcelApi 1.1',
  'Excel.Worksheet.delete': 'ExcelApi 1.1',
  'Excel.Worksheet.freezePanes': 'ExcelApi 1.7',
  'Excel.Worksheet.getNextOrNullObject': 'ExcelApi 1.5',
  'Excel.Worksheet.getRange': 'ExcelApi 1.1',
  'Excel.Worksheet.getUsedRangeOrNullObject': 'ExcelApi 1.4',
  'Excel.Worksheet.load': 'ExcelApi 1.1',
  'Excel.Worksheet.name': 'ExcelApi 1.1',
  'Excel.Worksheet.pageLayout': 'ExcelApi 1.9',
  'Excel.Worksheet.position': 'ExcelApi 1.1',
  'Excel.Worksheet.protection': 'ExcelApi 1.2',
  'Excel.Worksheet.tables': 'ExcelApi 1.1',
  // Reading visibility is 1.1, setting it 1.2; KPI Tracker sets it.
  'Excel.Worksheet.visibility': 'ExcelApi 1.2',
  'Excel.SheetVisibility': 'ExcelApi 1.1',
  'Excel.veryHidden': 'ExcelApi 1.1',
  'Excel.visible': 'ExcelApi 1.1',
  'Excel.WorksheetCollection.add': 'ExcelApi 1.1',
  'Excel.WorksheetCollection.getFirst': 'ExcelApi 1.5',
  'Excel.WorksheetCollection.getItem': 'ExcelApi 1.1',
  'Excel.WorksheetFreezePanes.freezeRows': 'ExcelApi 1.7',
  'Excel.WorksheetProtection.load': 'ExcelApi 1.2',
  'Excel.WorksheetProtection.protected': 'ExcelApi 1.2',
  // officeextension.clientobject, clientrequestcontext, clientresult
  'OfficeExtension.ClientObject.isNullObject': 'ExcelApi 1.1',
  'OfficeExtension.ClientRequestContext.sync': 'ExcelApi 1.1',
  'OfficeExtension.ClientResult.value': 'ExcelApi 1.1',
  // office.actions, office.addin (shared runtime); office.addincommands.event
  'Office.actions': 'SharedRuntime 1.1',
  'Office.Actions.associate': 'SharedRuntime 1.1',
  'Office.addin': 'SharedRuntime 1.1',
  'Office.Addin.showAsTaskpane': 'SharedRuntime 1.1',
  'Office.AddinCommands.Event.completed': 'AddinCommands 1.1',
  // customfunctions
  'CustomFunctions.associate': 'CustomFunctionsRuntime 1.1',
  'CustomFunctions.Error': 'CustomFunctionsRuntime 1.2',
  'CustomFunctions.ErrorCode': 'CustomFunctionsRuntime 1.2',
  'CustomFunctions.invalidValue': 'CustomFunctionsRuntime 1.2',
  'CustomFunctions.notAvailable': 'CustomFunctionsRuntime 1.2',
  // office (common to every version)
  'Office.onReady': COMMON,
  'Office.HostType': COMMON,
  'Office.Excel': COMMON,
  'Office.host': COMMON,
  'Office.context': COMMON,
  'Office.Context.requirements': COMMON,
  'Office.RequirementSetSupport.isSetSupported': COMMON,
  // The pane's theme: Office.context.officeTheme is in no requirement set and is supported by Excel
  // on the web, Windows, Mac and iOS (https://learn.microsoft.com/javascript/api/office/office.officetheme);
  // the change event is read only where the host raises it (src/taskpane/index.tsx guards both).
  'Office.Context.officeTheme': COMMON,
  'Office.Context.document': COMMON,
  'Office.Document.addHandlerAsync': COMMON,
  'Office.EventType': COMMON,
  'Office.OfficeThemeChanged': COMMON,
};

const uses = officeApiUsage(FOLDERS);

// ---- the manifest's requirement sets ----------------------------------------------------------

const manifest = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
const versionOverridesAt = manifest.indexOf('<VersionOverrides');

function setsIn(xml: string): Map<string, string> {
  const sets = new Map<string, string>();
  for (const match of xml.matchAll(/<(?:bt:)?Set Name="([^"]+)"(?: MinVersion="([^"]+)")?\s*\/>/g)) sets.set(match[1]!, match[2] ?? '1.1');
  return sets;
}

/** What every Excel the add-in installs in has: the base manifest's <Requirements>. */
const baseSets = setsIn(manifest.slice(0, versionOverridesAt));
/** What the ribbon, the shared runtime and the custom functions have: <VersionOverrides>' <Requirements>. */
const overrideSets = setsIn(manifest.slice(versionOverridesAt));

function version(set: string): [string, number, number] {
  const [name = '', v = '1.1'] = set.split(' ');
  const [major = 0, minor = 0] = v.split('.').map(Number);
  return [name, major, minor];
}

function covers(declared: Map<string, string>, needed: string): boolean {
  if (needed === COMMON) return true;
  const [name, major, minor] = version(needed);
  const have = declared.get(name);
  if (!have) return false;
  const [, haveMajor, haveMinor] = version(`${name} ${have}`);
  return haveMajor > major || (haveMajor === major && haveMinor >= minor);
}

describe('the Office.js calls KPI Tracker makes', () => {
  it('were found (the scan sees the hosts, the ribbon, the functions and the pane)', () => {
    const members = new Set(uses.map((use) => use.member));
    for (const expected of ['Excel.run', 'Excel.Range.values', 'Office.Actions.associate', 'CustomFunctions.Error'])
      expect(members).toContain(expected);
  });

  it('are each in the table of documented requirement sets', () => {
    const missing = [...new Set(uses.filter((use) => !(use.member in DOCUMENTED)).map((use) => `${use.member} (${use.where})`))];
    expect(missing).toEqual([]);
  });

  it('agree with the requirement set @types/office-js gives each member, where it gives one', () => {
    const disagreements = uses
      .filter((use) => use.typesApiSet && use.typesApiSet.startsWith('ExcelApi ') && DOCUMENTED[use.member])
      // "ExcelApi 1.1 for reading visibility; 1.2 for setting it." names both; the table takes the one used.
      .filter((use) => !new RegExp(`\\b${DOCUMENTED[use.member]!.split(' ')[1]!.replace('.', '\\.')}\\b`).test(use.typesApiSet!))
      .map((use) => `${use.member}: table ${DOCUMENTED[use.member]}, @types/office-js ${use.typesApiSet}`);
    expect([...new Set(disagreements)]).toEqual([]);
  });
});

describe('manifest.xml', () => {
  it('asks every Excel it installs in for ExcelApi 1.9, what reading and judging a workbook needs', () => {
    expect(Object.fromEntries(baseSets)).toEqual({ ExcelApi: '1.9' });
  });

  it('asks for the shared runtime, ExcelApi 1.13 and custom functions with errors for the ribbon and the functions', () => {
    expect(Object.fromEntries(overrideSets)).toEqual({ SharedRuntime: '1.1', ExcelApi: '1.13', CustomFunctionsRuntime: '1.2' });
  });

  it('declares, for the ribbon and the functions, every set their calls need', () => {
    const declared = new Map([...baseSets, ...overrideSets, ['AddinCommands', '1.1']]);
    const uncovered = uses.filter((use) => !covers(declared, DOCUMENTED[use.member] ?? 'Unknown 9.9'));
    expect(uncovered.map((use) => `${use.member} needs ${DOCUMENTED[use.member]} (${use.where})`)).toEqual([]);
  });

  it('covers with its base requirements every call the pane makes, except those the code checks isSetSupported for first', () => {
    const aboveBase = (use: OfficeApiUse) =>
      DOCUMENTED[use.member]!.startsWith('ExcelApi ') && !covers(baseSets, DOCUMENTED[use.member]!) && !use.guardedBy;
    expect(uses.filter(aboveBase).map((use) => `${use.member} needs ${DOCUMENTED[use.member]} (${use.where})`)).toEqual([]);
    // The one call above ExcelApi 1.9 is guarded by a check for the set it needs.
    const guarded = uses.filter((use) => use.guardedBy);
    expect(guarded.map((use) => [use.member, use.guardedBy])).toContainEqual(['Excel.Range.getMergedAreasOrNullObject', 'ExcelApi 1.13']);
    for (const use of guarded) expect(covers(new Map([['ExcelApi', use.guardedBy!.split(' ')[1]!]]), DOCUMENTED[use.member]!)).toBe(true);
  });
});
