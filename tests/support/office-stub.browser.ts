/**
 * Office.js for a page in Chromium: the fake Excel of tests/support/fake-excel.ts, installed as the
 * globals Office, Excel and OfficeExtension, on the workbook the test put in `__kpiWorkbook` (see
 * workbookForPage). tests/excel/production-bundle.test.ts bundles this with esbuild and serves it in
 * place of Microsoft's office.js, so the production page runs unchanged. The fake is left on
 * `window.__kpiFake` for the test to press ribbon buttons (fake.office.associated) and inject
 * failures.
 */
import type { Workbook } from '../../src/core/model/workbook';
import { installFakeCustomFunctions } from './fake-custom-functions';
import { FakeExcel, installFakeExcel } from './fake-excel';

/** The fake measures requests in UTF-8 bytes as Node's Buffer does. */
const encoder = new TextEncoder();
(globalThis as Record<string, unknown>).Buffer ??= { byteLength: (text: string) => encoder.encode(text).length };

const given = (globalThis as { __kpiWorkbook?: string }).__kpiWorkbook;
if (given === undefined) throw new Error('office-stub: the test did not set __kpiWorkbook');
const workbook = JSON.parse(given, (_key, value: unknown) =>
  value && typeof value === 'object' && 'setOf' in value ? new Set((value as { setOf: unknown[] }).setOf) : value,
) as Workbook;
const fake = FakeExcel.fromWorkbook(workbook);
installFakeExcel(fake);
(globalThis as { __kpiFake?: FakeExcel }).__kpiFake = fake;

/** The custom functions the page associates (functions.js), as Excel's shared runtime records them. */
(globalThis as Record<string, unknown>).__kpiCustomFunctions = installFakeCustomFunctions().associated;
