// The pane's Web Worker: the pure core, away from the page, so judging a large workbook never
// holds the task pane. Built as its own bundle (core-worker.js, beside taskpane.js) and started
// by worker-pane-core.ts from the page's own origin. It reads and writes no workbook: the page
// sends what it read, and applies the plan sent back.
import '../shared/zod-no-eval';
import type { Sheet, Workbook } from '../core/model/workbook';
import { LocalPaneCore } from './local-pane-core';
import type { RunStage } from './pane-core';
import { settingsInTransit } from './settings-transfer';
import {
  inParts,
  isWorkbookRef,
  WORKBOOKS_KEPT,
  type CoreReply,
  type CoreRequest,
  type WorkbookPart,
  type WorkbookRef,
} from './core-messages';

/** The worker's global scope, as far as this file uses it (the project's types are the page's). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<CoreRequest | WorkbookPart>) => void) | null;
  postMessage(message: CoreReply): void;
}

const scope = globalThis as unknown as WorkerScope;
const core = new LocalPaneCore();
/** The workbooks the page sent lately, by the number it gave them; the page keeps the same list. */
const workbooks = new Map<number, Workbook>();
/** A workbook whose rows are still arriving. */
const arriving = new Map<number, { sheets: Sheet[]; rows: Array<Array<Sheet['rows'][number]>> }>();

function keep(id: number, workbook: Workbook): void {
  workbooks.delete(id);
  workbooks.set(id, workbook);
  while (workbooks.size > WORKBOOKS_KEPT) workbooks.delete(workbooks.keys().next().value!);
}

function receive(part: WorkbookPart): void {
  if (part.kind === 'workbook-start') {
    arriving.set(part.id, { sheets: part.sheets.map((sheet) => ({ ...sheet, rows: [] })), rows: part.sheets.map(() => []) });
    return;
  }
  const whole = arriving.get(part.id);
  if (!whole) return;
  const rows = whole.rows[part.sheet]!;
  for (const row of part.rows) rows.push(row);
}

function workbookOf(ref: WorkbookRef): Workbook {
  const whole = arriving.get(ref.id);
  if (whole) {
    arriving.delete(ref.id);
    keep(ref.id, { sheets: whole.sheets.map((sheet, i) => ({ ...sheet, rows: whole.rows[i]! })) });
  }
  const workbook = workbooks.get(ref.id);
  if (!workbook) throw new Error('The workbook was not received whole; read it again.');
  keep(ref.id, workbook);
  return workbook;
}

async function answer(request: CoreRequest): Promise<unknown> {
  const args = request.args.map((arg) => (isWorkbookRef(arg) ? workbookOf(arg) : arg)) as never[];
  switch (request.method) {
    case 'plan':
      return core.plan(args[0]!, args[1]!, (stage: RunStage) => scope.postMessage({ id: request.id, stage }));
    case 'load': {
      const data = await core.load(args[0]!, args[1]!, args[2]!);
      return { ...data, settings: settingsInTransit(data.settings) };
    }
    case 'indicators':
      return core.indicators(args[0]!);
    case 'preview':
      return core.preview(args[0]!);
    case 'signOff':
      return core.signOff(args[0]!);
    case 'findTables':
      return core.findTables(args[0]!);
  }
}

scope.onmessage = (event) => {
  const message = event.data;
  if ('kind' in message) {
    receive(message);
    return;
  }
  const request = message;
  answer(request).then(
    (result) => {
      const { parts, rest, assembly } = inParts(request.id, result);
      for (const part of parts) scope.postMessage(part);
      scope.postMessage({ id: request.id, result: rest, ...(assembly ? { assembly } : {}) });
    },
    (error: unknown) =>
      scope.postMessage({
        id: request.id,
        error: error instanceof Error ? error.message : String(error),
      }),
  );
};
