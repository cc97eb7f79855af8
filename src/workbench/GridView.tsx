import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { cellAddress, columnLetter, parseRangeAddress } from '../core/model/address';
import { cellText } from '../core/model/cell-text';
import { cellAt, columnCount, type Cell, type CellRange, type Sheet, type Workbook } from '../core/model/workbook';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minHeight: 0, height: '100%' },
  scroller: { flexGrow: 1, overflow: 'auto', backgroundColor: tokens.colorNeutralBackground1 },
  table: {
    borderCollapse: 'collapse',
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  corner: { position: 'sticky', top: 0, left: 0, zIndex: 3, backgroundColor: tokens.colorNeutralBackground3 },
  colHeader: {
    position: 'sticky',
    top: 0,
    zIndex: 2,
    minWidth: '3em',
    padding: '2px 4px',
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground3,
    backgroundColor: tokens.colorNeutralBackground3,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  rowHeader: {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    padding: '2px 6px',
    textAlign: 'right',
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground3,
    backgroundColor: tokens.colorNeutralBackground3,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  headerSelected: { backgroundColor: tokens.colorNeutralBackground3Selected, color: tokens.colorNeutralForeground1 },
  cell: {
    position: 'relative',
    verticalAlign: 'top',
    padding: '2px 6px',
    minWidth: '4em',
    maxWidth: '26em',
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    border: `1px solid ${tokens.colorNeutralStroke3}`,
    color: tokens.colorNeutralForeground1,
  },
  number: { textAlign: 'right', whiteSpace: 'nowrap' },
  centred: { textAlign: 'center' },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px', zIndex: 0 },
  formulaMark: {
    position: 'absolute',
    top: 0,
    left: 0,
    width: 0,
    height: 0,
    borderTop: `6px solid ${tokens.colorPaletteGreenBorder2}`,
    borderRight: '6px solid transparent',
  },
  tabs: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: '2px',
    padding: `0 ${tokens.spacingHorizontalS}`,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  tab: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    border: 'none',
    borderBottom: '3px solid transparent',
    background: 'none',
    cursor: 'pointer',
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    ':hover': { backgroundColor: tokens.colorNeutralBackground2Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  tabActive: {
    color: tokens.colorCompoundBrandForeground1,
    fontWeight: tokens.fontWeightSemibold,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `3px solid ${tokens.colorCompoundBrandStroke}`,
  },
  empty: { padding: tokens.spacingHorizontalL },
  paging: {
    position: 'sticky',
    left: 0,
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
  },
  hiddenNote: { alignSelf: 'center', marginLeft: 'auto', color: tokens.colorNeutralForeground3 },
});

export interface GridSelection {
  readonly sheet: string;
  readonly address: string;
}

/** The sheets an officer would see as tabs in Excel: hidden and very hidden sheets are left out. */
export function visibleSheets(workbook: Workbook): Sheet[] {
  return workbook.sheets.filter((sheet) => sheet.visibility === 'visible');
}

/** `A4:I4`, `'KPIs 2024-25'!A4:I4` or `$H$4` → the range; undefined when it can't be read. */
export function selectionRange(address: string): CellRange | undefined {
  const bare = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  return parseRangeAddress(bare.replace(/\$/g, ''));
}

function inRange(range: CellRange | undefined, row: number, col: number): boolean {
  return range !== undefined && row >= range.top && row <= range.bottom && col >= range.left && col <= range.right;
}

/** Black or white text, whichever reads better on the fill. */
function textColourOn(fill: string): string | undefined {
  const rgb = /^#([0-9A-F]{2})([0-9A-F]{2})([0-9A-F]{2})$/i.exec(fill);
  if (!rgb) return undefined;
  const [r, g, b] = [rgb[1]!, rgb[2]!, rgb[3]!].map((hex) => {
    const c = parseInt(hex, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance < 0.4 ? '#FFFFFF' : '#000000';
}

/**
 * Rows drawn at once. A generated workbook of 10,000 indicators is 10,000 rows of 18 cells:
 * drawn whole, it held the page for seconds each time a run changed it.
 */
const WINDOW_ROWS = 100;

interface Layout {
  readonly rows: number[];
  readonly cols: number[];
  /** Top-left cell of a merge → its span in visible rows and columns. */
  readonly spans: Map<string, { rowSpan: number; colSpan: number }>;
  /** Cells inside a merge other than its top-left: not drawn. */
  readonly covered: Set<string>;
}

/** The rows an officer would see: hidden rows are left out; merges reach as far as they do. */
function visibleRowsOf(sheet: Sheet): number[] {
  let lastRow = sheet.rows.length - 1;
  for (const merge of sheet.merges) lastRow = Math.max(lastRow, merge.bottom);
  const rows: number[] = [];
  for (let r = 0; r <= lastRow; r++) if (!sheet.hiddenRows.has(r)) rows.push(r);
  return rows;
}

/** How `rows` (some of the sheet's visible rows, in order) are drawn: columns, and merges cut to those rows. */
function layoutOf(sheet: Sheet, rows: readonly number[]): Layout {
  let lastCol = columnCount(sheet) - 1;
  for (const merge of sheet.merges) lastCol = Math.max(lastCol, merge.right);
  const cols: number[] = [];
  for (let c = 0; c <= lastCol; c++) if (!sheet.hiddenColumns.has(c)) cols.push(c);
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  const covered = new Set<string>();
  for (const merge of sheet.merges) {
    const mergeRows = rows.filter((r) => r >= merge.top && r <= merge.bottom);
    const mergeCols = cols.filter((c) => c >= merge.left && c <= merge.right);
    if (mergeRows.length === 0 || mergeCols.length === 0) continue;
    // Excel shows a merge's value from its top-left cell even when that row or column is hidden.
    const anchorRow = mergeRows[0]!;
    const anchorCol = mergeCols[0]!;
    spans.set(`${anchorRow},${anchorCol}`, { rowSpan: mergeRows.length, colSpan: mergeCols.length });
    for (const r of mergeRows) for (const c of mergeCols) if (r !== anchorRow || c !== anchorCol) covered.add(`${r},${c}`);
  }
  return { rows: [...rows], cols, spans, covered };
}

/** The merge whose visible top-left is (row, col), so its value comes from the merge's real top-left. */
function cellShownAt(sheet: Sheet, row: number, col: number): Cell {
  for (const merge of sheet.merges) if (inRange(merge, row, col)) return cellAt(sheet, merge.top, merge.left);
  return cellAt(sheet, row, col);
}

function SheetTable({ sheet, selection }: { sheet: Sheet; selection: CellRange | undefined }) {
  const styles = useStyles();
  const allRows = useMemo(() => visibleRowsOf(sheet), [sheet]);
  const [start, setStart] = useState(0);
  // A selection out of sight brings its rows into the window, as Excel scrolls to it.
  const selectedTop = selection?.top;
  useEffect(() => {
    if (selectedTop === undefined) return;
    const at = allRows.findIndex((r) => r >= selectedTop);
    if (at >= 0) setStart((now) => (at >= now && at < now + WINDOW_ROWS ? now : Math.max(0, at - 10)));
  }, [selectedTop, allRows]);
  const first = Math.min(start, Math.max(0, allRows.length - WINDOW_ROWS));
  const layout = useMemo(() => layoutOf(sheet, allRows.slice(first, first + WINDOW_ROWS)), [sheet, allRows, first]);
  const paging =
    allRows.length > WINDOW_ROWS ? (
      <div className={styles.paging}>
        <Caption1>
          Rows {allRows[first]! + 1}–{allRows[Math.min(first + WINDOW_ROWS, allRows.length) - 1]! + 1} of{' '}
          {allRows.length.toLocaleString('en-GB')} shown
        </Caption1>
        <button type="button" className={styles.tab} disabled={first === 0} onClick={() => setStart(Math.max(0, first - WINDOW_ROWS))}>
          Earlier rows
        </button>
        <button
          type="button"
          className={styles.tab}
          disabled={first + WINDOW_ROWS >= allRows.length}
          onClick={() => setStart(first + WINDOW_ROWS)}
        >
          Later rows
        </button>
      </div>
    ) : null;
  return (
    <>
      {paging}
      <table className={styles.table} aria-label={`Sheet ${sheet.name}`} data-sheet={sheet.name}>
        <thead>
          <tr>
            <td className={styles.corner} />
            {layout.cols.map((c) => (
              <th
                key={c}
                scope="col"
                className={mergeClasses(
                  styles.colHeader,
                  selection && c >= selection.left && c <= selection.right && styles.headerSelected,
                )}
              >
                {columnLetter(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {layout.rows.map((r) => (
            <tr key={r}>
              <th
                scope="row"
                className={mergeClasses(
                  styles.rowHeader,
                  selection && r >= selection.top && r <= selection.bottom && styles.headerSelected,
                )}
              >
                {r + 1}
              </th>
              {layout.cols.map((c) => {
                const key = `${r},${c}`;
                if (layout.covered.has(key)) return null;
                const span = layout.spans.get(key);
                const cell = span ? cellShownAt(sheet, r, c) : cellAt(sheet, r, c);
                // Text is always a React text node: whatever a cell holds is shown, never run.
                const text = cellText(cell);
                const kind = cell.value.kind;
                const address = cellAddress(r, c);
                return (
                  <td
                    key={c}
                    data-address={address}
                    data-fill={cell.fill}
                    data-formula={cell.formula !== undefined ? 'true' : undefined}
                    title={cell.formula !== undefined ? `${address}: =${cell.formula}` : undefined}
                    rowSpan={span && span.rowSpan > 1 ? span.rowSpan : undefined}
                    colSpan={span && span.colSpan > 1 ? span.colSpan : undefined}
                    data-selected={inRange(selection, r, c) ? 'true' : undefined}
                    className={mergeClasses(
                      styles.cell,
                      (kind === 'number' || kind === 'date') && styles.number,
                      (kind === 'boolean' || kind === 'error') && styles.centred,
                      inRange(selection, r, c) && styles.selected,
                    )}
                    style={cell.fill ? { backgroundColor: cell.fill, color: textColourOn(cell.fill) } : undefined}
                  >
                    {cell.formula !== undefined && <span className={styles.formulaMark} aria-hidden="true" />}
                    {text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export interface GridViewProps {
  readonly workbook: Workbook;
  readonly activeSheet: string | undefined;
  readonly onActivate: (sheet: string) => void;
  readonly selection?: GridSelection;
}

/** A read-only view of the workbook, near enough to Excel's to check what KPI Tracker wrote. */
export function GridView({ workbook, activeSheet, onActivate, selection }: GridViewProps) {
  const styles = useStyles();
  const sheets = visibleSheets(workbook);
  const sheet = sheets.find((s) => s.name === activeSheet) ?? sheets[0];
  const hiddenCount = workbook.sheets.length - sheets.length;
  const range = selection && sheet && selection.sheet === sheet.name ? selectionRange(selection.address) : undefined;
  const scroller = useRef<HTMLDivElement>(null);
  const tabRefs = useRef(new Map<string, HTMLButtonElement>());

  const firstSelected = range ? cellAddress(range.top, range.left) : undefined;
  useEffect(() => {
    if (!firstSelected || !scroller.current) return;
    scroller.current.querySelector(`td[data-address="${firstSelected}"]`)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [firstSelected, sheet?.name, selection]);

  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = sheets[(index + step + sheets.length) % sheets.length]!;
    onActivate(next.name);
    tabRefs.current.get(next.name)?.focus();
  };

  return (
    <div className={styles.root}>
      <div
        className={styles.scroller}
        ref={scroller}
        role="tabpanel"
        id="workbench-sheet"
        aria-label={sheet ? sheet.name : 'No sheet'}
        tabIndex={0}
      >
        {sheet ? (
          <SheetTable key={sheet.name} sheet={sheet} selection={range} />
        ) : (
          <Caption1 className={styles.empty}>This workbook has no visible sheets.</Caption1>
        )}
      </div>
      <div className={styles.tabs} role="tablist" aria-label="Sheets">
        {sheets.map((s, index) => {
          const active = s.name === sheet?.name;
          return (
            <button
              key={s.name}
              ref={(el) => {
                if (el) tabRefs.current.set(s.name, el);
                else tabRefs.current.delete(s.name);
              }}
              type="button"
              role="tab"
              aria-selected={active}
              aria-controls="workbench-sheet"
              tabIndex={active ? 0 : -1}
              className={mergeClasses(styles.tab, active && styles.tabActive)}
              onClick={() => onActivate(s.name)}
              onKeyDown={(event) => onTabKey(event, index)}
            >
              {s.name}
            </button>
          );
        })}
        {hiddenCount > 0 && (
          <Caption1 className={styles.hiddenNote}>
            {hiddenCount === 1 ? '1 hidden sheet not shown' : `${hiddenCount} hidden sheets not shown`}
          </Caption1>
        )}
      </div>
    </div>
  );
}
