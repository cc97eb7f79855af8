import type { HeaderCandidate } from './find-tables';
import type { SheetGrid } from './sheet-grid';
import type { ActionRow, ColumnRole, Recommendation } from './types';

const RECOMMENDATION = /^\**\s*(R\d+(?:\.\d+)*)\.?\**\s+(.+)$/s;
const RESPONSIBLE = /^responsible\s*:?\s*(.+)$/is;
const SPONSOR = /executive sponsor\s*[-–:]?\s*(.+)$/is;
const TARGET_DATE = /target date\s*:?\s*(.+)$/is;
const END_OF_ACTIONS = /^\**\s*(costs?\s*\/\s*resources|how customers will have a say)/i;

/** Looks above an action-plan header for its recommendation, responsible officer and sponsor. */
export function readRecommendation(grid: SheetGrid, headerRow: number, stopAt: number): { recommendation?: Recommendation; top: number } {
  let ref: string | undefined;
  let title: string | undefined;
  let responsible: string | undefined;
  let sponsor: string | undefined;
  let targetDate: string | undefined;
  let top = headerRow;
  for (let r = headerRow - 1; r > stopAt && r >= headerRow - 10; r--) {
    const texts = grid.filledColumns(r).map((c) => grid.text(r, c).replace(/\*\*/g, '').trim());
    if (texts.length === 0) continue;
    if (texts.some((text) => END_OF_ACTIONS.test(text))) break;
    for (const text of texts) {
      const resp = RESPONSIBLE.exec(text);
      if (resp && !responsible) {
        const [who, inlineSponsor] = resp[1]!.split('|');
        responsible = who!.trim();
        const sponsorMatch = inlineSponsor ? SPONSOR.exec(inlineSponsor) : undefined;
        if (sponsorMatch) sponsor = sponsorMatch[1]!.trim();
        top = r;
        continue;
      }
      const sponsorMatch = SPONSOR.exec(text);
      if (sponsorMatch && !sponsor) {
        sponsor = sponsorMatch[1]!.trim();
        top = r;
        continue;
      }
      const target = TARGET_DATE.exec(text);
      if (target && !targetDate) {
        targetDate = target[1]!.trim();
        top = r;
        continue;
      }
      const rec = RECOMMENDATION.exec(text);
      if (rec && !ref) {
        ref = rec[1]!;
        title = rec[2]!.replace(/\s+/g, ' ').trim();
        top = r;
      } else if (rec && ref && rec[1] === ref.split('.')[0] && top > r) {
        top = r;
      }
    }
  }
  if (!ref) return { top };
  return {
    top,
    recommendation: {
      ref,
      title: title!,
      ...(responsible ? { responsible } : {}),
      ...(sponsor ? { sponsor } : {}),
      ...(targetDate ? { targetDate } : {}),
    },
  };
}

/** Reads action rows; the key outcome is written once and holds for the rows under it. */
export function readActionRows(grid: SheetGrid, header: HeaderCandidate, stopBefore: number): { actions: ActionRow[]; bottom: number } {
  const colOf = (role: ColumnRole): number | undefined => header.columns.find((column) => column.role === role)?.col;
  const outcomeCol = colOf('keyOutcome');
  const actionCol = colOf('keyActions');
  const dueCol = colOf('due');
  const progressCol = colOf('progress');
  const measureCol = colOf('successMeasure');
  const cols = header.columns.map((column) => column.col);
  const first = Math.min(...cols);
  const last = Math.max(...cols);
  const read = (r: number, c: number | undefined): string | undefined => (c === undefined ? undefined : grid.text(r, c) || undefined);

  const actions: ActionRow[] = [];
  let bottom = header.rows[header.rows.length - 1]!;
  let outcome: string | undefined;
  for (let r = bottom + 1; r < stopBefore; r++) {
    const filled = grid.filledColumnsIn(r, first, last);
    if (filled.length === 0) break;
    if (END_OF_ACTIONS.test(grid.text(r, filled[0]!).replace(/\*\*/g, ''))) break;
    const rowOutcome = read(r, outcomeCol);
    if (rowOutcome) outcome = rowOutcome;
    const action = read(r, actionCol) ?? '';
    const due = read(r, dueCol);
    const progress = read(r, progressCol);
    const successMeasure = read(r, measureCol);
    actions.push({
      row: r,
      action,
      ...(outcome ? { keyOutcome: outcome } : {}),
      ...(due ? { due } : {}),
      ...(progress ? { progress } : {}),
      ...(successMeasure ? { successMeasure } : {}),
    });
    bottom = r;
  }
  return { actions, bottom };
}
