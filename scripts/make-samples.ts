/**
 * Writes the sample workbooks in assets/samples/ (and their README) from the
 * seed papers in ../shared/seeds/. Every indicator number, description,
 * actual, target, commentary and footnote below is copied from the seed text;
 * the "messiness" (number formats, text numbers, a formula, an error cell,
 * hidden rows, merges, an Excel table) is what real officers' workbooks have.
 *
 *   npx tsx scripts/make-samples.ts      (or: npm run samples)
 *
 * The output is byte-for-byte deterministic: fixed document dates, fixed zip
 * entry dates, no randomness. The script writes nothing outside assets/samples/.
 */
import ExcelJS from 'exceljs';
// jszip is exceljs's own zip library; it is used here only to give every zip
// entry a fixed date so that re-running the script reproduces the same bytes.
import JSZip from 'jszip';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const OUT_DIR = resolve(__dirname, '..', 'assets', 'samples');
const FIXED_DATE = new Date(Date.UTC(2025, 0, 1, 0, 0, 0));

// ---------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------

/** A cell value with an optional number format and emphasis. */
interface Styled {
  v: ExcelJS.CellValue;
  fmt?: string;
  bold?: boolean;
}
type Spec = string | number | Date | null | Styled;

const fmt = (v: ExcelJS.CellValue, format: string): Styled => ({ v, fmt: format });
/** A percentage held as a fraction with a % number format (e.g. 0.902 shown as 90.2%). */
const pct = (v: number, format = '0%'): Styled => fmt(v, format);
const utcDate = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));

function isStyled(spec: Spec): spec is Styled {
  return spec !== null && typeof spec === 'object' && !(spec instanceof Date) && 'v' in spec;
}

/** Strips the seed's HTML list markup: each <li>/<p> item becomes its own line. */
function stripHtml(raw: string): string {
  return raw
    .replace(/<\/?ul[^>]*>/g, '\n')
    .replace(/<\/?p>/g, '\n')
    .replace(/<\/?li>/g, '\n')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** The measure cards' "Please list processes briefly": tags and N.B. paragraphs dropped, at most four bullets kept. */
function shortenProcesses(raw: string): string {
  const text = raw.replace(/<p>[\s\S]*?<\/p>/g, ' ').replace(/<[^>]+>/g, ' ');
  const items = text
    .split('•')
    .map((item) => item.replace(/\s+/g, ' ').trim())
    .filter((item) => item !== '');
  if (!text.includes('•')) return items.join(' ');
  const kept = items.slice(0, 4).map((item) => `• ${item}`);
  if (items.length > 4) kept.push('…');
  return kept.join('\n');
}

const colLetter = (col: number): string => {
  let s = '';
  let n = col;
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};
const addr = (row: number, col: number): string => `${colLetter(col)}${row}`;
const rangeOf = (r1: number, c1: number, r2: number, c2: number): string => `${addr(r1, c1)}:${addr(r2, c2)}`;

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const fill = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
/** Fonts always name Calibri: a font without a name renders in a serif face in LibreOffice. */
const font = (extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> => ({ name: 'Calibri', family: 2, size: 11, ...extra });

type RowKind = 'header' | 'data' | 'plain' | 'wrap' | 'title' | 'heading' | 'note';

/** One table or block written to a sheet, listed in the README (and used by golden tests). */
interface TableNote {
  sheet: string;
  what: string;
  range: string;
  header: string;
}

/** Writes cells on one worksheet and keeps row heights sensible for wrapped text. */
class SheetBuilder {
  readonly ws: ExcelJS.Worksheet;
  private readonly widths: number[];
  /** Merged spans by anchor address, so row heights can use the merged width. */
  private readonly spans = new Map<string, number>();

  constructor(
    wb: ExcelJS.Workbook,
    name: string,
    widths: number[],
    readonly notes: TableNote[],
  ) {
    this.ws = wb.addWorksheet(name, {
      pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    this.widths = widths;
    widths.forEach((width, i) => {
      this.ws.getColumn(i + 1).width = width;
    });
  }

  note(what: string, r1: number, c1: number, r2: number, c2: number, header: string): void {
    this.notes.push({ sheet: this.ws.name, what, range: rangeOf(r1, c1, r2, c2), header });
  }

  set(row: number, col: number, spec: Spec, kind: RowKind = 'plain'): ExcelJS.Cell {
    const cell = this.ws.getCell(row, col);
    if (spec !== null) {
      if (isStyled(spec)) {
        cell.value = spec.v;
        if (spec.fmt) cell.numFmt = spec.fmt;
        if (spec.bold) cell.font = font({ bold: true });
      } else {
        cell.value = spec;
      }
    }
    switch (kind) {
      case 'header':
        cell.font = font({ bold: true });
        cell.fill = fill('FFD9E1F2');
        cell.border = BOX;
        cell.alignment = { wrapText: true, vertical: 'top' };
        break;
      case 'data':
        cell.border = BOX;
        cell.alignment = { wrapText: true, vertical: 'top' };
        break;
      case 'title':
        cell.font = font({ bold: true, size: 14 });
        break;
      case 'heading':
        cell.font = font({ bold: true, size: 12 });
        break;
      case 'note':
        cell.font = font({ italic: true });
        cell.alignment = { wrapText: true, vertical: 'top' };
        break;
      case 'wrap':
        cell.alignment = { wrapText: true, vertical: 'top' };
        break;
      case 'plain':
        break;
    }
    return cell;
  }

  row(row: number, specs: Spec[], kind: RowKind = 'data', startCol = 1): void {
    specs.forEach((spec, i) => this.set(row, startCol + i, spec, kind));
    if (kind === 'header' || kind === 'data') this.fitHeight(row);
  }

  merge(r1: number, c1: number, r2: number, c2: number): void {
    this.ws.mergeCells(r1, c1, r2, c2);
    let width = 0;
    for (let c = c1; c <= c2; c++) width += this.widths[c - 1] ?? 9;
    this.spans.set(addr(r1, c1), width);
  }

  /** Sets a row height that shows every line of wrapped text (Excel does not auto-fit on open). */
  fitHeight(row: number, minLines = 1): void {
    let lines = minLines;
    this.ws.getRow(row).eachCell({ includeEmpty: false }, (cell, col) => {
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const width = this.spans.get(cell.address) ?? this.widths[col - 1] ?? 9;
      // Roughly one character per unit of column width; bold headings run wider.
      const perLine = Math.max(4, Math.floor(width * (cell.font?.bold ? 0.95 : 1.05)));
      const text = cell.text ?? '';
      const count = text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / perLine)), 0);
      lines = Math.max(lines, count);
    });
    if (lines > 1) this.ws.getRow(row).height = Math.min(409, lines * 15 + 3);
  }
}

function newWorkbook(title: string, subject: string): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'KPI Tracker sample generator';
  wb.lastModifiedBy = 'KPI Tracker sample generator';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  wb.title = title;
  wb.subject = subject;
  return wb;
}

/** Writes the workbook with fixed zip entry dates, so the bytes do not depend on when the script ran. */
async function save(wb: ExcelJS.Workbook, fileName: string): Promise<string> {
  const raw = Buffer.from(await wb.xlsx.writeBuffer());
  const source = await JSZip.loadAsync(raw);
  const out = new JSZip();
  for (const name of Object.keys(source.files)) {
    const entry = source.files[name];
    if (!entry || entry.dir) continue;
    out.file(name, await entry.async('uint8array'), { date: FIXED_DATE, createFolders: false });
  }
  const bytes = await out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  const path = join(OUT_DIR, fileName);
  writeFileSync(path, bytes);
  return path;
}

// ---------------------------------------------------------------------------
// 1. Layout A: service plan, quarterly (seed 003)
// ---------------------------------------------------------------------------

const A_HEADER = [
  'Indicator No.',
  'KPI Description',
  'Q1 2024/25',
  'Q2 2024/25',
  'Q3 2024/25',
  'Q4 2024/25',
  'Annual Target 2024/25',
  'Status',
  'Commentary',
];

/** ref, description, Q1, Q2, Q3, Q4, annual target, status, commentary */
type ARow = [Spec, Spec, Spec, Spec, Spec, Spec, Spec, Spec, Spec];

const TEXT_REF = (ref: string): Styled => fmt(ref, '@');

const A_BLOCKS: ARow[][] = [
  [
    [
      TEXT_REF('01'),
      'Proportion of rent collected as a % of rent due in the financial year',
      83, // typed as 83 meaning 83%, General format
      pct(0.902, '0.0%'),
      null,
      null,
      pct(0.92),
      null,
      'This indicator is always lower at the start of the financial year and the 83% is in line with the balance at the end of Quarter One in 2023. The team continue to work hard with tenants to signpost to support agencies and offer appropriate assistance however the current financial crisis is having an impact on the rental income.',
    ],
    [
      TEXT_REF('02'),
      'Percentage of rent lost through LA dwellings becoming vacant (void rent low)',
      pct(0.032, '0.0%'),
      pct(0.0327, '0.00%'),
      null,
      null,
      pct(0.035, '0.0%'),
      null,
      null,
    ],
    [
      TEXT_REF('03'),
      'Former tenants arrears as a % of rent due in the financial year.',
      pct(0.02),
      pct(0.021, '0.0%'),
      null,
      null,
      pct(0.02),
      null,
      null,
    ],
  ],
  [
    [
      TEXT_REF('04'),
      'Current tenants arrears as a % of rent due in the financial year',
      pct(0.05),
      pct(0.055, '0.0%'),
      null,
      null,
      pct(0.04),
      null,
      'Although we are still above the target we are still seeing a gradual decrease in the number of cases. This is in part down to the Mobysoft software which only prompts the cases that the Income Management Team need to be focussing on rather than listing all tenancies in arrears. The team continue to work hard with tenants to signpost to support agencies and offer appropriate assistance and we continue to be supportive yet but firm in our approach to the arrears. As of end of Q1, 296 Households recommended for contact in March 2023 are now no longer being recommended for contact. This tells us that the interventions and support the team is providing is making a difference.',
    ],
  ],
  [
    [
      TEXT_REF('05'),
      'Allocations – from Dragonfly handover to relet – 14 working days',
      20,
      'TBC',
      null,
      null,
      14,
      null,
      'Q1 – This is higher than usual due to the implementation of the new Housing Allocation Policy and the shutdown period in April 24. The allocation of 18 properties were delayed during this period which has impacted on the figure.',
    ],
    [
      TEXT_REF('06'),
      'Homelessness successful prevention cases',
      pct(0.84),
      pct(0.79),
      null,
      null,
      pct(0.75),
      null,
      'Q1 – 84% of cases closed in Q1 were successful prevention cases. Q2 – 79% of cases closed in Q2 were successful prevention cases. Cumulative figure pending',
    ],
    [
      TEXT_REF('07'),
      'Homelessness successful relief cases',
      pct(0.8),
      '67%', // a percentage typed as text
      null,
      null,
      pct(0.45),
      null,
      'Q1 – 80% of successful outcomes for cases closed between Apr-Jun. Q2 – 67% of cases Jul-Sept had successful outcomes. Cumulative figure pending',
    ],
  ],
  [
    [
      TEXT_REF('08'),
      '% of Stage 1 housing complaints responded to within 10 working days',
      pct(1),
      pct(1),
      null,
      null,
      pct(1),
      null,
      'Q1 – 32 stage 1s all answered within timescales.',
    ],
    [
      null,
      'Within To Working days',
      null,
      null,
      null,
      null,
      null,
      null,
      'Q2 – 35 stage one complaints were recorded all of which were answered within timescales.',
    ],
    [
      TEXT_REF('09'),
      '% of Stage 2 housing complaints responded to',
      pct(1),
      pct(1),
      null,
      null,
      pct(1),
      null,
      'Q1 – 4 stage 2s all answered within timescales.',
    ],
    [null, 'within 20 working days', null, null, null, null, null, null, 'Q2 – 6 stage 2s all answered within timescales'],
    [
      TEXT_REF('10'),
      'Number of fixed penalty notices issued for, breach of PSPO, CPN, litter and dog fouling offences',
      29,
      'TBC',
      null,
      null,
      '15 per quarter',
      null,
      null,
    ],
    [
      TEXT_REF('11'),
      'Identify, report and resolve 40 fly tipping cases per quarter',
      { v: { formula: '100+39', result: 139 } }, // a formula with its cached value
      'TBC',
      null,
      null,
      '40 per quarter',
      null,
      null,
    ],
    [
      TEXT_REF('12'),
      'Attendance at Parish Meeting (or equivalent)',
      '8', // a number stored as text
      'TBC',
      null,
      null,
      '5 per quarter',
      null,
      'Q1 – 5 Parish Council, 2 Meetings with Parish, 1 Community Meeting, Total = 8',
    ],
    [
      TEXT_REF('13'),
      'Lifeline customers satisfied with the way their alarm call was dealt with – to be measured monthly dip test of 10 calls',
      pct(1),
      { v: { error: '#N/A' } as ExcelJS.CellErrorValue }, // the seed has TBC; an #N/A from a broken lookup
      null,
      null,
      pct(0.9),
      null,
      null,
    ],
    [TEXT_REF('14'), '95% falls responded to within 30 minutes', pct(0.9858, '0.00%'), 'TBC', null, null, pct(0.95), null, null],
  ],
];

async function makeServicePlanQuarterly(): Promise<TableNote[]> {
  const notes: TableNote[] = [];
  const wb = newWorkbook('Housing Management & Enforcement KPIs 2024-25', 'Layout A sample (seed 003)');
  const s = new SheetBuilder(wb, 'KPIs 2024-25', [13, 46, 11, 11, 11, 11, 13, 10, 72], notes);

  s.set(1, 1, 'Housing Management & Enforcement - Key Performance Indicators – Service Plan 2024-28', 'title');
  s.merge(1, 1, 1, 9);
  s.ws.getRow(1).height = 21;

  let row = 3; // row 2 is a blank spacer under the title
  A_BLOCKS.forEach((block, i) => {
    const headerRow = row;
    s.row(row++, A_HEADER, 'header');
    for (const r of block) s.row(row++, r, 'data');
    s.note(`KPI header block ${i + 1}`, headerRow, 1, row - 1, 9, String(headerRow));
    row++; // blank spacer row between blocks
  });
  s.ws.getColumn(1).alignment = { horizontal: 'left', vertical: 'top' };

  const notesSheet = new SheetBuilder(wb, 'Notes', [110], notes);
  notesSheet.set(1, 1, 'Notes', 'heading');
  notesSheet.set(3, 1, 'TBC = figure not yet available from the housing management system at the time of reporting.');
  notesSheet.set(
    4,
    1,
    'The Status column is to be completed once the quarter’s figures are confirmed; commentary is required for any indicator that is off target.',
  );
  notesSheet.set(5, 1, 'Q3 and Q4 columns are left blank until those quarters close.');

  await save(wb, 'service-plan-quarterly.xlsx');
  return notes;
}

// ---------------------------------------------------------------------------
// 2. Layout B: service delivery plan, annual (seed 004)
// ---------------------------------------------------------------------------

/** A small title-row table: title cells, rows, then footnote paragraphs (merged across the table). */
interface SmallTable {
  title: [string, string, string];
  rows: Array<[Spec, Spec, Spec]>;
  footnotes?: string[];
  /** A sub-heading row inside the same table, with its own rows and footnotes. */
  sub?: { heading: string; rows: Array<[Spec, Spec, Spec]>; footnotes?: string[] };
}

const B_END_OF_YEAR: SmallTable[] = [
  {
    title: ['TA Reduction Performance Measure', 'Target', 'Actual'],
    rows: [
      ['100% Homeless decisions made within 33 working days.', pct(1), pct(1)],
      ['No families in B&B unless in an emergency and then for no longer than 6 weeks.', pct(1), pct(1)],
      ["Hostel Void Charge reduction via subletting to neighbouring LA's.", pct(1), pct(1)],
      ['Recharging policy for B&B, Storage, removals and deposits.', pct(1), pct(1)],
    ],
  },
  {
    title: ['Ensuring people feel safe in their community Performance Measure', 'Target', 'Actual'],
    rows: [
      ['Deliver target hardening packages to households at high risk of domestic abuse.', '5 working days', '*none undertaken'],
      ['Achieve 90% attendance rate at MARAC, MAPPA and Anti Social Behaviour steering group meetings.', pct(0.95), '100% variance +5%'],
    ],
    footnotes: ['*No target hardening packages undertaken as victims at high risk have been able to stay safely in their homes.'],
    sub: {
      heading: "Educate, Support & Secure Housing for Young People – Tomorrow's Future",
      rows: [
        ['16/17 Yr Old Protocol – Joint assessment with CYPSC within 10 working days', '10 working days', 'Achieved'],
        ['Homelessness awareness education programme disseminated in 4 secondary schools across East Cambs.', pct(1), '** -75%'],
      ],
      footnotes: [
        "** Variance- The education programme has delivered 1 session in partnership with the police, youth support and Children and Young People's Services. This partnership approach has led to the sessions taking longer than normal due to diary clashes but further dates are being finalised.",
      ],
    },
  },
  {
    title: ['Preventing Homelessness Performance Measure', 'Target', 'Actual'],
    rows: [
      ['Preventing at least 264 households from becoming homeless per year', 264, '364 *+38%'],
      ['Landlord Forum delivered 6 monthly', '2 p.a.', '**1 delivered'],
      ['Rough sleeper count', 'Yearly', 'Achieved'],
      ['Single person Home-Finder Scheme for prevention of homelessness', pct(0.75), '82% +7%'],
      ['Using floating support to prevent homelessness', '15 per quarter', '22 per quarter ***+47%'],
    ],
    footnotes: [
      '*variance-The Service is consistently working on prevention which will further increase one the Private Landlord Liaison Officer and Tenancy Support Officer are in place.',
      '**Variance- One forum delivered but due to limited capacity we were unable to undertake two forums however now the Private Landlord Liaison officer is now in post this outcome will be undertaken in this performance year.',
      '***Variance-15 hrs per work floating support has also proved invaluable to helping prevent homelessness. Our own Tenancy Support Officer is starting in post on 22nd June.',
    ],
  },
  {
    title: ['Staff Performance Measure', 'Target', 'Actual'],
    rows: [
      [
        'Ensure all Officers attend all mandatory council training courses in policy and procedures for child safeguarding, equality and diversity & health and safety etc',
        pct(1),
        pct(1),
      ],
      ['Appraisals completed on time', pct(1), pct(1)],
      ['Service awareness briefings for Member Champion', pct(1), pct(1)],
    ],
  },
  {
    title: ['Continually Adapting the Service to Meet the Needs of the Customer', 'Target', 'Actual'],
    rows: [
      ['Conduct Customer satisfaction surveys completed and acted upon', pct(0.5), pct(0.5)],
      [
        'Undertake demands analysis to determine future drop in surgeries',
        // Excel turned the typed "April 2015" into a date; the second one below stayed text.
        fmt(utcDate(2015, 4, 1), 'mmmm yyyy'),
        'Completed- output shows that the service is fully meeting needs of customers',
      ],
      ['Carry out home visits to customers who need them', pct(1), pct(1)],
      ['Review Homelessness Strategy annually ensuring customers receive the best service possible', 'April 2015', 'On going'],
    ],
  },
];

const B_PLAN: SmallTable[] = [
  {
    title: [
      'Performance measure- Maximise income via the re charging policy and reduce the use of temporary accomodation',
      'Baseline',
      'Target',
    ],
    rows: [
      [
        'To avoid the use of B&B accommodation where possible unless in an absolute emergency and there is no other accommodation available to the client.',
        pct(1),
        pct(1),
      ],
      ['To ensure that Homeless decisions made within 33 working days.', pct(1), pct(1)],
      [
        'To prioritise emergency homeless presentations and where possible deal with the situation on the day of presentation to the council. (except weekends/bank holidays).',
        pct(1),
        pct(1),
      ],
      [
        'To ensure that every effort is made by the Income Recovery Officer (IRO) to recoup monies loaned to clients for deposits, storage & removals and full recharge for any time spent in B&B.',
        pct(1),
        pct(1),
      ],
    ],
  },
  {
    title: [
      'Performance measure- Ensure that people feel safe in their homes and neighbourhood-management of gypsy and traveller sites',
      'Baseline',
      'Target',
    ],
    rows: [
      [
        'To allow certain domestic abuse applicants to remain in their current property and to be safe in the knowledge that their property is secure.',
        'N/A',
        '5 working days',
      ],
      ['To ensure 5% more rents collected than in 2014.', fmt(84396, '"£"#,##0'), '5% above 2014 baseline'],
      [
        'To attend meetings and conferences for MARAC, MAPPA and ASB, make sure housing team are aware of any impending homelessness relating to domestic violence/abuse, crime and disorder or ASB.',
        pct(1),
        pct(1),
      ],
    ],
  },
  {
    title: [
      'Performance measure- Proactively work with partners to provide a co-ordinated approach to tackling and preventing homelessness',
      'Baseline',
      'Target',
    ],
    rows: [
      [
        "To produce new SLA's protocols to coincide with developments within the housing service and to include new services and contacts.",
        pct(1),
        pct(1),
      ],
    ],
  },
  {
    title: [
      'Performance measure- Provide an holistic Housing Options Service with the emphasis on preventing homelessness',
      'Baseline',
      'Target',
    ],
    rows: [
      ['To ensure that the Discretionary Housing Payment take up by 100%.', 'N/A', pct(1)],
      ['To effectively engage with landlords by undertaking 2 landlord forums per year.', 1, 2],
      ['To prevent at least 350 households from becoming homeless per year.', 364, 350],
      ['To undertake a rough sleeper estimate.', 'Yearly', 'yearly'],
    ],
  },
  {
    title: ['Performance measure- Trained staff and comprehensive understanding of service by Member Champions', 'Baseline', 'Target'],
    rows: [
      [
        'Ensure all officers attend all mandatory council training courses in policy and procedures for child safeguarding, quality & diversity, health & safety etc.',
        pct(1),
        pct(1),
      ],
      ['100% appraisals completed on time.', pct(1), pct(1)],
      ['Service awareness briefings for member champions.', pct(1), pct(1)],
      ['All officers to be up to date with changes to benefits/Universal Credit.', 'N/A', pct(1)],
    ],
  },
  {
    title: ['Performance measure- Adapting the service to meet the needs of the customer', 'Baseline', 'Target'],
    rows: [
      ['Update websites and ensure plethora of leaflets distributed across the district. Reviewed annually.', pct(1), pct(1)],
      ['Conduct Customer Satisfaction surveys.', pct(0.5), pct(0.5)],
      ['Carry out home visits to those who need them.', pct(1), pct(1)],
      // In the seed this row sits after an "Appendix 5" page break; it belongs to this table.
      ['Undertake ongoing demands analysis to show service is fully meeting needs of customers..', pct(1), pct(1)],
    ],
  },
];

interface MeasureCard {
  title: string;
  fields: string[][];
}

/** Writes title-row tables from `row` on; returns the next free row. */
function writeSmallTables(s: SheetBuilder, tables: SmallTable[], startRow: number, gap: (index: number) => number): number {
  let row = startRow;
  tables.forEach((table, index) => {
    const headerRow = row;
    s.row(row++, table.title, 'header');
    const footnote = (text: string): void => {
      s.set(row, 1, text, 'note');
      s.merge(row, 1, row, 3);
      s.fitHeight(row);
      row++;
    };
    for (const r of table.rows) s.row(row++, r, 'data');
    for (const f of table.footnotes ?? []) footnote(f);
    let subNote = '';
    if (table.sub) {
      const subRow = row;
      s.row(row++, [{ v: table.sub.heading, bold: true }, null, null], 'data');
      for (const r of table.sub.rows) s.row(row++, r, 'data');
      for (const f of table.sub.footnotes ?? []) footnote(f);
      subNote = `; sub-heading row ${subRow}`;
    }
    const footCount = (table.footnotes?.length ?? 0) + (table.sub?.footnotes?.length ?? 0);
    s.note(
      `"${table.title[0]}"${footCount ? ` (incl. ${footCount} footnote row${footCount > 1 ? 's' : ''} merged A:C)` : ''}`,
      headerRow,
      1,
      row - 1,
      3,
      `${headerRow}${subNote}`,
    );
    row += gap(index);
  });
  return row;
}

async function makeServiceDeliveryPlanAnnual(): Promise<TableNote[]> {
  const notes: TableNote[] = [];
  const wb = newWorkbook('2015/2016 Housing Services – Service Delivery Plan', 'Layout B sample (seed 004)');

  // Sheet 1: end of year 2014/15 results
  const s = new SheetBuilder(wb, 'End of year 2014-15', [70, 16, 30], notes);
  s.set(1, 1, 'End of year reports – Housing Options', 'title');
  s.merge(1, 1, 1, 3);
  s.set(2, 1, '2014/2015', 'heading');
  s.set(3, 1, 'Measuring Performance', 'heading');
  writeSmallTables(s, B_END_OF_YEAR, 5, () => 1);

  // Sheet 2: plan 2015/16 baseline/target tables
  const p = new SheetBuilder(wb, 'Plan 2015-16', [70, 16, 24], notes);
  p.set(1, 1, 'Housing Options performance report 2015-2016', 'title');
  p.merge(1, 1, 1, 3);
  let hiddenRow = 0;
  writeSmallTables(p, B_PLAN, 3, (index) => {
    // After the third table: two spacer rows, the first of them hidden.
    if (index === 2) return 2;
    return 1;
  });
  // The hidden spacer row sits right after the third table (see the gap above).
  const third = notes.filter((n) => n.sheet === 'Plan 2015-16')[2];
  if (third) {
    hiddenRow = Number(third.range.split(':')[1]?.replace(/[A-Z]+/, '')) + 1;
    const r = p.ws.getRow(hiddenRow);
    r.height = 15; // exceljs only writes a row without cells if it has a height
    r.hidden = true;
  }

  // Sheet 3: measure cards (two-column key/value blocks)
  const m = new SheetBuilder(wb, 'Measure cards', [44, 100], notes);
  m.set(1, 1, 'Appendix 5', 'title');
  let row = 3;
  for (const card of MEASURE_CARDS) {
    const titleRow = row;
    m.set(row, 1, card.title, 'header');
    m.set(row, 2, null, 'header');
    m.merge(row, 1, row, 2);
    m.fitHeight(row);
    row++;
    for (const [key = '', value = ''] of card.fields) {
      const text = key.startsWith('Please list processes') ? shortenProcesses(value) : value;
      m.set(row, 1, key, 'data').fill = fill('FFF2F2F2');
      m.set(row, 2, text === '' ? null : text, 'data');
      m.fitHeight(row);
      row++;
    }
    m.note(`measure card "${card.title}" (title row merged A:B, then key | value)`, titleRow, 1, row - 1, 2, String(titleRow));
    row++;
  }

  await save(wb, 'service-delivery-plan-annual.xlsx');
  return notes.concat([{ sheet: 'Plan 2015-16', what: 'hidden spacer row (no cells)', range: `${hiddenRow}:${hiddenRow}`, header: '-' }]);
}

// ---------------------------------------------------------------------------
// 3. Layout C: KPI return (seed 000)
// ---------------------------------------------------------------------------

/** Bank holidays of England and Wales, 2007 and 2008 (gov.uk). */
const BANK_HOLIDAYS_2007_08 = [
  '2007-01-01',
  '2007-04-06',
  '2007-04-09',
  '2007-05-07',
  '2007-05-28',
  '2007-08-27',
  '2007-12-25',
  '2007-12-26',
  '2008-01-01',
  '2008-03-21',
  '2008-03-24',
  '2008-05-05',
  '2008-05-26',
  '2008-08-25',
  '2008-12-25',
  '2008-12-26',
];

/** Working days after `from` up to and including `to`, skipping weekends and (optionally) bank holidays. */
function workingDaysBetween(from: Date, to: Date, skipHolidays: boolean): number {
  let count = 0;
  for (let t = from.getTime() + 86_400_000; t <= to.getTime(); t += 86_400_000) {
    const d = new Date(t);
    const day = d.getUTCDay();
    if (day === 0 || day === 6) continue;
    if (skipHolidays && BANK_HOLIDAYS_2007_08.includes(d.toISOString().slice(0, 10))) continue;
    count++;
  }
  return count;
}

/** Case ref, received, responded: a sample of letters, all answered within 15 working days. */
const LETTERS: Array<[string, Date, Date]> = [
  ['WIR/07/014', utcDate(2007, 4, 3), utcDate(2007, 4, 20)], // over Easter 2007 (6 and 9 April)
  ['WIR/07/031', utcDate(2007, 4, 26), utcDate(2007, 5, 11)], // early May bank holiday
  ['WIR/07/052', utcDate(2007, 5, 22), utcDate(2007, 6, 12)], // spring bank holiday
  ['WIR/07/077', utcDate(2007, 7, 16), utcDate(2007, 7, 25)],
  ['WIR/07/090', utcDate(2007, 8, 22), utcDate(2007, 9, 11)], // summer bank holiday
  ['WIR/07/112', utcDate(2007, 10, 1), utcDate(2007, 10, 12)],
  ['WIR/07/135', utcDate(2007, 11, 15), utcDate(2007, 11, 28)],
  ['WIR/07/151', utcDate(2007, 12, 14), utcDate(2008, 1, 8)], // Christmas: 14 working days, 17 weekdays
  ['WIR/07/158', utcDate(2007, 12, 20), utcDate(2008, 1, 11)], // Christmas: 13 working days, 16 weekdays
  ['WIR/08/007', utcDate(2008, 1, 22), utcDate(2008, 2, 4)],
  ['WIR/08/019', utcDate(2008, 3, 7), utcDate(2008, 3, 31)], // Easter 2008: 14 working days, 16 weekdays
  ['WIR/08/023', utcDate(2008, 3, 12), utcDate(2008, 3, 27)], // Easter 2008
];

const C_DEFINITIONS = [
  'KPI 1a – Ongoing cases at end of reporting period',
  'KPI 1b – New cases starting during the reporting period',
  'KPI 1c – Cases completed during the reporting period',
  'KPI 2 – Time taken to respond to priority cases (28 day target)',
  'KPI 3 – Time taken for IFA to visit resident following referral by HOAO (target 14 days)',
  'KPI 4 – Time taken for IFA to provide a written report to client (target 10 days)',
  'KPI 5 – Time taken for a case to reach decision following referral to Discretionary Panel (target 28 days)',
  'KPI 6 – Time taken by Valuer to visit and provide report to owner (target 28 days & 7 days)',
  'KPI 7 – Time taken for ART to visit the client following referral (target 21 days)',
  'KPI 8 – Time taken for ART to issue loan offer after visit (14 days)',
  'KPI 9 – Time taken for ART to contact client’s solicitor following receipt of signed loan offer (7 days)',
  'KPI 10 – 75% of returned customer satisfaction survey forms should have a rating of good, very good or excellent (results for KPI 10 shown below)',
];

/** Criteria, then Very Poor, Poor, Good, Very Good, Excellent (null = blank in the seed). */
const C_SATISFACTION: Array<[string, number | null, number | null, number | null, number | null, number | null]> = [
  ['Time taken to respond to enquiries', 0, 0, 1, 1, 7],
  ['Officers understanding of your needs', 0, 0, 1, 1, 7],
  ['The information provided to you', 0, 0, 3, 1, 5],
  ['The amount of contact or time your HOAO spent with you', 0, 0, 1, 2, 6],
  ['The service received from the IFA', 0, 0, 1, 0, 2],
  ['The service received from ART Homes', 0, 0, null, 0, 2],
  ['The service received from your valuer', 0, 0, 2, 2, 0],
  ['The service received from your solicitor', 0, 0, 1, 1, 2],
  ['Overall rating of service', 0, 0, 1, 1, 7],
];

async function makeKpiReturn(): Promise<TableNote[]> {
  const notes: TableNote[] = [];
  const wb = newWorkbook('Homemovers service – 2007/08 results for Wirral', 'Layout C sample (seed 000)');
  const s = new SheetBuilder(wb, '2007-08 results', [46, 14, 10, 10, 32, 11, 30], notes);

  s.set(1, 1, '2007/08 results for Wirral', 'title');
  s.merge(1, 1, 1, 5);

  // Two-row header: "Target Met" spans Yes/No; the other headings span both rows.
  s.row(3, ['Key Performance Indicator', 'Numbers', 'Target Met', null, 'Comments'], 'header');
  s.row(4, [null, null, 'Yes', 'No', null], 'header');
  s.merge(3, 1, 4, 1);
  s.merge(3, 2, 4, 2);
  s.merge(3, 3, 3, 4);
  s.merge(3, 5, 4, 5);
  const lack = 'Results outside target due to lack of response from clients';
  const kpiRows: Array<[Spec, Spec, Spec, Spec, Spec]> = [
    ['1a', 69, null, null, null],
    ['1b', 69, null, null, null],
    ['1c', 66, null, null, null],
    [2, 50, pct(1), '-', null],
    [3, 12, pct(0.83), pct(0.17), lack],
    [4, 12, pct(0.83), pct(0.17), lack],
    [5, 4, pct(1), '-', null],
    [6, 17, pct(0.94), pct(0.06), 'Result outside target due to lack of response from client'],
    [7, 8, pct(1), '-', null],
    [8, 3, pct(1), '-', null],
    [9, 3, pct(1), '-', null],
    [10, 'See table below', null, null, null],
  ];
  let row = 5;
  for (const r of kpiRows) s.row(row++, r, 'data');
  for (let c = 1; c <= 4; c++) s.ws.getColumn(c).alignment = { horizontal: c === 1 ? 'left' : 'center', vertical: 'top' };
  s.note('KPI return (two-row header; "Target Met" merged over Yes/No)', 3, 1, row - 1, 5, '3-4');

  row++;
  s.set(row++, 1, 'Definitions', 'heading');
  const defStart = row;
  for (const d of C_DEFINITIONS) s.set(row++, 1, d);
  s.note('definition lines (one per row, column A)', defStart, 1, row - 1, 1, '-');

  row++;
  s.set(row, 1, null).fill = fill('FF92D050');
  s.set(row++, 2, 'Target met');
  s.set(row, 1, null).fill = fill('FFFF7C80');
  s.set(row++, 2, 'Target not met');

  row++;
  const satHeader = row;
  s.row(
    row++,
    [
      'Criteria for KPI 10',
      'Very Poor',
      'Poor',
      'Good',
      'Very Good',
      'Excellent',
      'Percentage of total returned either Good, Very Good or Excellent',
    ],
    'header',
  );
  for (const [criteria, ...counts] of C_SATISFACTION) {
    const n = counts.map((x) => x ?? 0);
    const good = (n[2] ?? 0) + (n[3] ?? 0) + (n[4] ?? 0);
    const total = n.reduce((a, b) => a + b, 0);
    const share: Styled = {
      v: { formula: `(D${row}+E${row}+F${row})/SUM(B${row}:F${row})`, result: total ? good / total : 0 },
      fmt: '0%',
    };
    s.row(row++, [criteria, ...counts, share], 'data');
  }
  s.note('KPI 10 satisfaction counts (last column: formulas with cached values)', satHeader, 1, row - 1, 7, String(satHeader));

  row++;
  s.set(row++, 1, 'Complaints', 'heading');
  s.set(row++, 1, 'There have been no formal complaints during 07/08');
  row++;
  s.set(row++, 1, 'Monitoring of letter response times (target 15 working days from receipt of incoming letter)', 'heading');
  s.set(row, 1, 'The sample of letters taken were all within the service standard');

  // Sheet 2: the letters log as an Excel table.
  const log = new SheetBuilder(wb, 'Letters log', [14, 13, 13], notes);
  for (const [ref, received, responded] of LETTERS) {
    const days = workingDaysBetween(received, responded, true);
    // Inclusive of the day of receipt it must still be within 15 working days.
    if (days + 1 > 15) throw new Error(`${ref}: ${days} working days, outside the 15-day standard`);
  }
  log.ws.addTable({
    name: 'LettersLog',
    ref: 'A1',
    headerRow: true,
    totalsRow: false,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: [
      { name: 'Case ref', filterButton: true },
      { name: 'Received', filterButton: true },
      { name: 'Responded', filterButton: true },
    ],
    rows: LETTERS.map(([ref, received, responded]) => [ref, received, responded]),
  });
  for (let r = 2; r <= LETTERS.length + 1; r++) {
    log.ws.getCell(r, 2).numFmt = 'dd/mm/yyyy';
    log.ws.getCell(r, 3).numFmt = 'dd/mm/yyyy';
  }
  log.ws.views = [{ state: 'frozen', ySplit: 1 }];
  log.note('Excel table "LettersLog" (ListObject)', 1, 1, LETTERS.length + 1, 3, '1');

  await save(wb, 'kpi-return.xlsx');
  return notes;
}

// ---------------------------------------------------------------------------
// 4. Layout E: inspection report action plan (seed 002)
// ---------------------------------------------------------------------------

interface Recommendation {
  id: string;
  heading: string;
  targetDate: string;
  recommendation: string;
  responsible: string;
  sponsor: string;
  header: string[];
  rows: string[][];
  costsHeading: string;
  costs: string;
  say: string;
  /** How this block differs from the seed text, if it does. */
  note?: string;
}

async function makeInspectionActionPlan(): Promise<TableNote[]> {
  const notes: TableNote[] = [];
  const wb = newWorkbook('Short Notice Inspection Action Plan', 'Layout E sample (seed 002)');
  const s = new SheetBuilder(wb, 'Action plan', [38, 50, 28, 50, 46], notes);

  s.set(1, 1, 'Short Notice Inspection Action Plan', 'title');
  s.merge(1, 1, 1, 5);
  let row = 3;
  for (const rec of ACTION_PLAN) {
    const headingRow = row;
    s.set(row, 1, rec.heading, 'heading');
    s.merge(row, 1, row, 5);
    row++;
    s.set(row++, 1, { v: rec.targetDate, bold: true });
    s.set(row, 1, rec.recommendation);
    s.merge(row, 1, row, 5);
    row++;
    s.set(row, 1, rec.responsible);
    if (rec.sponsor) s.set(row, 3, rec.sponsor);
    const responsibleRow = row;
    row++;
    const headerRow = row;
    s.row(row++, rec.header, 'header');
    for (const r of rec.rows)
      s.row(
        row++,
        r.map((cell) => (cell === '' ? null : stripHtml(cell))),
        'data',
      );
    const lastActionRow = row - 1;
    s.set(row++, 1, rec.costsHeading, 'heading');
    s.set(row, 1, rec.costs, 'wrap');
    s.merge(row, 1, row, 5);
    s.fitHeight(row);
    row++;
    s.set(row, 1, rec.say, 'wrap');
    s.merge(row, 1, row, 5);
    s.fitHeight(row);
    s.note(
      `${rec.id} (heading row ${headingRow}, Responsible row ${responsibleRow}, Costs/Resources rows ${lastActionRow + 1}-${row - 1}, How customers will have a say row ${row}); table`,
      headerRow,
      1,
      lastActionRow,
      5,
      String(headerRow),
    );
    row += 3; // two blank rows between recommendations
  }

  const p = new SheetBuilder(wb, 'Performance', [8, 70, 14, 16, 50], notes);
  p.set(1, 1, 'Action plan success measures – performance at July 2010', 'heading');
  p.row(3, ['Ref', 'Indicator', 'Target', 'Actual Jul 2010', 'Owner'], 'header');
  const perf: Array<[Spec, Spec, Spec, Spec, Spec]> = [
    [
      'GS1',
      '% of properties with a gas safety certificate',
      pct(1),
      pct(0.9965, '0.00%'),
      'Jim Preston – Director of Maintenance Services',
    ],
    [
      'CS1',
      "% of customers and clients that are satisfied or very satisfied with Home's customer and client service",
      pct(0.85),
      'pending',
      'Donna Middleton – Head of Customer Contact Centre',
    ],
    ['CS2', '% of calls answered within 30 seconds', pct(1), null, 'Donna Middleton – Head of Customer Service Centre'],
    ['WEB1', 'Number of repairs reported on the web', '789 per month', null, 'Mark Fletcher – Director, Communications'],
  ];
  perf.forEach((r, i) => p.row(4 + i, r, 'data'));
  p.note('success-measure KPI table (plain range)', 3, 1, 3 + perf.length, 5, '3');

  await save(wb, 'inspection-action-plan.xlsx');
  return notes;
}

const ACTION_PLAN: Recommendation[] = [
  {
    id: 'R1',
    heading: 'R1 AUDIT COMMISSION RECOMMENDATION: PROVIDE A HIGH PERFORMANCE IN ANNUAL GAS SERVICING',
    targetDate: 'Audit Commission Target Date: Immediately',
    recommendation: 'R1. Ensure that Home consistently services all gas appliances it owns annually in line with the law.',
    responsible: 'Responsible: Jim Preston – Director of Maintenance Services',
    sponsor: 'Executive Sponsor - Rosemary Du Rose',
    header: ['Key outcomes for customers', 'Key actions', 'By', 'Progress taken to date', "How do we know when we've achieved this?"],
    rows: [
      [
        'Customers are safer in their homes because gas appliances in all Home properties are serviced once a year.',
        'Establish a Gas Policy to deal effectively with “no access” properties.',
        'Customer sign off - July 2010 (completed). Board sign off - September 2010.',
        'We have already increased the number of homes with a certificate, from 97.97% at the end of March, to 99.65% at the end of July (124 properties without a valid certificate).',
        'We know the actions we have taken are working when:  100% of properties have a safety certificate (by September 2010).',
      ],
      [
        '',
        'Update procedures for colleagues and develop a toolkit to support these new procedures: <ul style="list-style-type: none"><li>• Communicate new procedures</li><li>• Embed new procedures through individual objectives.</li></ul>',
        'Develop toolkit by the end of July (completed). Updated procedures roll out - August 2010.',
        'The National Customer Panel approved draft policy on 17th June 2010, wording in policy strengthened as a result of customer feedback.  Customer Service Improvement Group in South considered and commented on letters to customers within procedure and the letters were changed as a direct result of feedback (June 2010).',
        '',
      ],
      [
        '',
        'Introduce detailed monitoring plan of “no access” properties and action taken to be monitored at Director level.',
        'Completed and to be monitored monthly.',
        'Legal services researched best practice in sector and made recommendations on all available powers.  New monthly monitoring form in place for “no access”.',
        '',
      ],
    ],
    costsHeading: 'Costs/Resources required',
    costs:
      'Additional legal costs will be incurred with earlier legal action taken and additional possession proceedings commenced and enforced. Legal action carried out in house at approx cost of £15 per case. We have prioritised £5,000 of existing resources to fund legal interventions where needed.',
    say: "How customers will have a say: The National Customer Panel improved the policy by ensuring that it was clearly worded and took account of customers' and clients' needs. The Customer Service Improvement Group ensured that communications on gas servicing to customers and clients were clearly worded in order to increase first time access for gas servicing.",
  },
  {
    id: 'R2.1',
    heading:
      'R2 AUDIT COMMISSION RECOMMENDATION: CONSULT WITH CUSTOMERS AND REVIEW BEST PRACTICE ELSEWHERE TO IMPROVE CUSTOMER CARE AND ACCESS TO SERVICES',
    targetDate: 'Audit Commission Target Date: Immediately',
    recommendation: 'R2.1 Produce measurable service standards.',
    responsible: 'Responsible: Donna Middleton – Head of Customer Contact Centre',
    sponsor: 'Executive Sponsor - Rosemary Du Rose',
    header: ['Key outcomes for customers', 'Key actions', 'By', 'Progress taken to date', "How do we know when we've achieved this?"],
    rows: [
      [
        'Customers will be able to hold us accountable for service delivery; because they will understand the quality of service they can expect, can see how well we are performing, and have opportunities to hold us accountable.',
        'Introduce a Service Level Agreement framework with measureable service standards for all access channels as part of the Customer Relationship Management and website delivery.',
        'Service Level Agreement framework principles to be defined by October 2010.',
        'Budget agreed. Customer and client consultation undertaken. Content management design drafted for executive sign off.',
        'We know the actions we have taken are working when: <ul style="list-style-type: none"> <li>• 85% of customers and clients that are satisfied or very satisfied with Home\'s customer and client service (by March 2011)</li> <li>• Results against service standards published by October 2010, ongoing measurement against standards.</li> </ul>',
      ],
      [
        '',
        'Use the service standard measures to effectively review and monitor processes.',
        'September 2010 and ongoing.',
        'Included in Customer Relationship Management scope, information in Transformation project plan.',
        '',
      ],
      [
        '',
        'Improve website to improve self service options and allow customers to easily access our service standards data and performance information.',
        'Website re-launch Phase 1 September 2010, Phase 2 definition November 2010.',
        '',
        '',
      ],
      [
        '',
        'Introduce a standard suite of letters and templates delivered via Customer Relationship Management to be used by front, middle and back office.',
        'May 2011.',
        '',
        '',
      ],
    ],
    costsHeading: 'Costs/Resources required',
    costs:
      'We have budgeted around £1m within the transformation programme to procure and configure Customer Relationship Management to support improvements in the standards of customer care we provide to customers.',
    say: 'How customers will have a say: The National Customer Panel will be involved in helping to define our service standards. Customers will be consulted on our new service standards through customer satisfaction surveys, Local Panels, One to One interviews, Involving you Steering Group, the customer newsletter, the website, focus groups and local office visits.',
  },
  {
    id: 'R2.2',
    heading:
      'R2 AUDIT COMMISSION RECOMMENDATION: CONSULT WITH CUSTOMERS AND REVIEW BEST PRACTICE ELSEWHERE TO IMPROVE CUSTOMER CARE AND ACCESS TO SERVICES',
    targetDate: 'Audit Commission Target Date: June 2011',
    recommendation:
      'R2.2 Report to customers on service performance and performance against standards and how this compares with other providers.',
    responsible: 'Responsible: Stuart Lawson - Head of Performance Reporting',
    sponsor: 'Executive Sponsor - Peter Stott',
    header: ['Key outcomes for customers', 'Key actions', 'By', 'Progress taken to date', 'How do we know when we’ve achieved this?'],
    rows: [
      [
        'Customers will know how good Home’s services are by comparing performance with agreed standards and other housing associations.',
        'Publish an annual report to customers which includes a self assessment of our performance against Tenant Services Authority standards; involvement of customers in scrutinising performance; and benchmarking using Housemark.',
        'Annual report published on website by 1st October 2010 – immediately followed by hard copy to customers.',
        'Initial information published on website 31st May 2010.  A project team has been established to lead production of the annual report.  Customers have helped to review Home’s performance against the Tenant Services Authority standards and are helping to design the annual report.',
        'We know the actions we have taken are working when: <ul style="list-style-type: none"> <li>• 85% of customers and clients that are satisfied or very satisfied with Home’s customer and client service (by March 2011).</li> </ul>',
      ],
      [
        '',
        'Develop specific section of the website to provide current performance information, to be readily accessible from front page and updated on monthly basis. Include current performance measures against targets.',
        'May 2010 and ongoing.',
        '',
        '',
      ],
      ['', 'Include comparison with other providers.', '1st October 2010.', '', ''],
      ['', 'Publish a quarterly performance bulletin on the website and intranet.', 'August 2010 and ongoing.', '', ''],
      [
        '',
        'Make performance information available so that this can be included in relevant communications with customers.',
        '1st October 2010.',
        '',
        '',
      ],
    ],
    costsHeading: 'Costs/Resources required',
    costs:
      'We estimate the costs of publishing the annual report to be £42,000. These costs have been identified through the implementation project and included in budgets.',
    say: 'How customers will have a say: The National Customer Panel will help ensure that the annual report to customers is clear about Home’s performance in terms of its own standards and those of comparable organisations. Customers will help us shape the style and content of the annual report through focus groups and the National Customer Panel to ensure that this information is clear and understandable. Customers will be able to feedback views on performance through the website and a variety of channels.',
  },
  {
    id: 'R2.3',
    heading:
      'R2 AUDIT COMMISSION RECOMMENDATION: CONSULT WITH CUSTOMERS AND REVIEW BEST PRACTICE ELSEWHERE TO IMPROVE CUSTOMER CARE AND ACCESS TO SERVICES',
    targetDate: 'Audit Commission Target Date: June 2011',
    recommendation: 'R2.3 Improve the website to provide more information and to be more interactive.',
    responsible: 'Responsible: Mark Fletcher – Director, Communications',
    sponsor: 'Executive Sponsor - Mark Henderson',
    header: ['Key outcomes for customers', 'Key actions', 'By', 'Progress taken to date', "How do we know when we've achieved this?"],
    rows: [
      [
        'Customers will be able to access Home Group services and information 24 hours a day and be able to use the web as a key channel for interacting with Home.',
        'Improve the layout of the website so that it is more easy to navigate.',
        'September 2010.',
        'Current website has been restructured, most of copy has been re-written, additional information has been added.  Customers have been consulted on the structure, content of the website, and digital needs through call listening, group meetings, travelling with repairs operatives, online and postal survey.',
        'We know the actions we have taken are working when: <ul style="list-style-type: none"> <li>• We increase the number of unique visits to our website by 10% compared to the same month in previous years</li> <li>• We increase the number of repairs reported on the web to 789 per month.</li> </ul>',
      ],
      ['', "Set up news streams so that content reflects customers' needs and desire for local news.", 'September 2010.', '', ''],
      ['', 'Enable customers to express views on all pages.', 'September 2010.', '', ''],
      ['', 'Ensure that front page is current and responsive.', 'September 2010.', '', ''],
      ['', 'Improve transactional nature of the website.', 'November 2010.', '', ''],
    ],
    costsHeading: 'Costs/Resources required',
    costs:
      'We have a budget of around £140,000 within the transformation programme to support improvements to the website, including improving information provision and transactional functionality.',
    say: 'How customers will have a say: Customers have been consulted on the look and feel of the website and on the content they would want to be available. Customers have also been able to express views on the content, look and feel throughout the period of web redevelopment.',
  },
  {
    id: 'R2.4',
    heading:
      'R2 AUDIT COMMISSION RECOMMENDATION: CONSULT WITH CUSTOMERS AND REVIEW BEST PRACTICE ELSEWHERE TO IMPROVE CUSTOMER CARE AND ACCESS TO SERVICES',
    targetDate: 'Audit Commission Target Date: June 2011',
    recommendation: 'R2.4 Monitor and improve call handling performance.',
    responsible: 'Responsible: Donna Middleton – Head of Customer Service Centre',
    sponsor: 'Executive Sponsor - Rosemary Du Rose',
    header: ['Key outcomes for customers', 'Key actions', 'By', 'Progress taken to date', "How do we know when we've achieved this?"],
    rows: [
      [
        'Customers will receive improved services when they contact us, whatever channel they choose with improved call handling; speedy response times; a greater focus on providing positive solutions to their issues; and quicker and more consistent responses at first point of contact.',
        'Create a customer service centre to deliver a single access point for telephony for customer service through integrated technology and customer relationship management systems:\n<ul style="list-style-type: none"> <li>• Complete initial design work;</li> <li>• Phase 1 of migration of services to service centre.</li> </ul>',
        'August 2010. May 2011.',
        'Head of Customer contact centre recruited and two team leaders are in place. Supplier for Customer Relationship Management system identified, cool off period complete. Processes identified and re-engineered at a high level.',
        'We know the actions we have taken are working when: <ul style="list-style-type: none"> <li>• We consistently answer 100% of calls within 30 seconds inline with the National Customer Panel requirements; and</li> <li>• 85% of customers and clients say they are satisfied/very satisfied with Home\'s customer and client service (by March 2011).</li> </ul>',
      ],
      [
        '',
        'Analyse business data to make real time changes to optimise speed and quality of call answering:\n<ul style="list-style-type: none"> <li>• Put in place reporting and performance indicator mechanisms; and</li> <li>• Embed reporting requirements and Service Level Agreements in out of hours contract.</li> </ul>',
        'July 2010 (completed). August 2010.',
        "External company engaged for outsourcing of technical integration.\nProcesses identified and re-engineered at a high level. Team leader roles in place. Training modules and call structures produced. Interim reporting in place. 'To Be' reporting and key performance suite defined.",
        '',
      ],
      [
        '',
        'Deliver improved capacity to handle call volumes by rationalising current local numbers; using appropriate integrated technology; and messaging facilities.',
        '',
        'Team leader role in place across all regions July 2010 (completed).\nTechnical changes agreed and signed off with ICT, outsource company engaged. Resource budget agreed.',
        '',
      ],
      [
        '',
        'Introduce new skills in to the organisation to coach and develop telephony teams.',
        'Telephony training module delivered in August 2010.',
        '',
        '',
      ],
    ],
    costsHeading: 'Costs/Resources required',
    costs:
      'The creation of a customer service centre is a significant change to our delivery model – we have budgeted around £3m as part of our transformation programme to implement the major property, facility, process and organisational changes necessary to deliver this change.',
    say: "How customers will have a say: Customers will be consulted on our new service standards through customer satisfaction surveys, Local Panels, One to One interviews, Involving you Steering Group, the customer newsletter, the website, focus groups and local office visits. Feedback from customer satisfaction survey will establish customers' experiences. Customers will support the development and design of the contact centre.",
    note: 'The seed\'s R2.4 table has shifted columns (a sixth column, and an action typed in the outcomes column). Realigned here: each action line is joined with its bullet row, the stray sixth-column text is put in front of that action\'s "Progress taken to date", and "Introduce new skills…" is moved to "Key actions".',
  },
  {
    id: 'R2.5',
    heading:
      'R2 AUDIT COMMISSION RECOMMENDATION: CONSULT WITH CUSTOMERS AND REVIEW BEST PRACTICE ELSEWHERE TO IMPROVE CUSTOMER CARE AND ACCESS TO SERVICES',
    targetDate: 'Audit Commission Target Date: June 2011',
    recommendation:
      'R2.5 Complete the review of complaints to ensure a consistent and high quality of response that addresses all issues raised and learns from them.',
    responsible: 'Responsible: Diane Desay – Customer and Client Experience Director',
    sponsor: 'Executive Sponsor - Rosemary Du Rose',
    header: ['Key outcomes for customers', 'Key actions', 'By', 'Progress taken to date', "How do we know when we've achieved this?"],
    rows: [
      [
        "Customers' complaints will be handled more quickly and consistently with the new service standard.",
        'Implement complaint project to:',
        '',
        '',
        '',
      ],
      [
        "Customers will benefit from Home's ability to learn from previous complaints and improve services and therefore reduce the need for further complaints.",
        '<ul style="list-style-type: none"> <li>Introduce new standards for complaints responses</li> <li>Implement a new upgraded complaint management system</li> <li>Establish a team to analyse data and communicate performance and insights</li> <li>Communicate insights to both customers and colleagues to help identify service failures and improvements</li> <li>Review implementation and identify lessons learnt.</li> </ul>',
        '<p>5th July 2010 (completed).</p> <p>5th July (completed).</p> <p>9th August 2010 (completed).</p> <p>September 2010.</p> <p>Post implementation review September 2010.</p>',
        '<p>The initial project was agreed by the customer panel. Panel required group of 250 customers to be consulted on new standards and over 90% agreed with approach.</p> <p>Central complaints team to provide performance reporting and analytics have been recruited.</p> <p>System upgrade commissioned.</p> <p>Amendment to complaints standards/policy.</p> <p>Webinar and face to face training on ReSOLVE system rolled out to colleagues.</p>',
        '<p>We know the actions we have taken are working when:</p> <ul style="list-style-type: none"> <li>90% of complaints are dealt with within target timescales</li> <li>There is a 30% decrease in the number of complaints at each stage of the process</li> <li>We reduce the time it takes to deal with complaints to 5 days.</li> </ul>',
      ],
      [
        '',
        'Customer Service skills workshop for all colleagues including plain English and effective resolution.',
        'Training roll out to commence 1st September 2010, full roll out of training to be completed by December 2010.',
        '',
        '',
      ],
    ],
    costsHeading: 'Costs/Resources required',
    costs:
      'The cost of this project is £32,263 (including expenditure on system upgrade/reconfiguration, system training and the Explain Satisfaction survey). In addition, an ongoing budget of around £91,000 has been identified to provide a 4 full time equivalent complaints team to manage the new process and translate learning into action.',
    say: 'How customers will have a say: Initial consultation has taken place with the National Customer Panel and 250 customers on the approach to complaints handling. The National Customer Panel will be informed of complaint performance, root cause analysis and trends at each National Customer Panel meeting and will advise on service improvements accordingly. Local customer groups will be informed of local Government Office Region performance – highlighting areas for improvement and actions taken.',
  },
  {
    id: 'R2.6',
    heading:
      'R2 AUDIT COMMISSION RECOMMENDATION: CONSULT WITH CUSTOMERS AND REVIEW BEST PRACTICE ELSEWHERE TO IMPROVE CUSTOMER CARE AND ACCESS TO SERVICES',
    targetDate: 'Audit Commission Target Date: June 2011',
    recommendation: 'R2.6 Ensure all buildings used by customers to access services comply with the Disability Discrimination Act.',
    responsible: 'Responsible: Zoey Hawthorne – Director of Development Services',
    sponsor: 'Executive Sponsor - Joe Docherty',
    header: ['Key outcomes for customers', 'Key actions', 'By', 'Progress taken to date', "How do we know when we've achieved this?"],
    rows: [
      [
        'All buildings used by customers comply with the requirements of the Disability Discrimination Act 1995 and subsequent acts.',
        'Define all potential buildings within scope, including offices, depots, foyers, and community buildings, undertaking a baseline assessment.',
        'Review baseline data and agree improvement targets by 25th June 2010 (completed).',
        'Baseline assessment completed and 18 Disability Discrimination Act assessments completed.',
        'We know the actions we have taken are working when: <ul style="list-style-type: none"> <li>• We have completed 56 outstanding Disability Discrimination Act assessments</li> <li>• 100% of buildings used to deliver customer services are Disability Discrimination Act compliant (by March 2011).</li> </ul>',
      ],
      [
        '',
        'Undertake a programme of new/refreshed Disability Discrimination Act assessments where required.',
        '18 assessments to be completed by 10th August 2010 (completed). 38 additional assessments to be undertaken between 10th August and 10th October 2010.',
        '',
        '',
      ],
      [
        '',
        'Identify and deliver a programme of physical adaptations where buildings are capable of reasonable adjustments, where not, strategic decision to be made of future use of building and service delivery in that area.',
        'Resulting Disability Discrimination Act investment work to be concluded by December or where more significant works are required, by March 2011.',
        '',
        '',
      ],
      [
        '',
        'Develop a group Disability Discrimination Act compliance policy and methodology and embed within the new asset management strategy.',
        'Formal policy to be finalised by December 2010.',
        '',
        '',
      ],
      [
        '',
        'Deliver a communication plan to raise awareness with colleagues on our new corporate approach to Disability Discrimination Act compliance management.',
        'January 2010.',
        '',
        '',
      ],
    ],
    costsHeading: 'Costs/Resources required',
    costs:
      'We have redeployed 2 full time equivalent to manage the Disability Discrimination Act improvement process and have identified a budget of £200,000 to implement changes to offices identified in the assessments. This will be reviewed as assessments are completed.',
    say: 'How customers will have a say: Customers will be consulted locally on any changes to service delivery.',
  },
  {
    id: 'R2.7',
    heading:
      'R2 AUDIT COMMISSION RECOMMENDATION: CONSULT WITH CUSTOMERS AND REVIEW BEST PRACTICE ELSEWHERE TO IMPROVE CUSTOMER CARE AND ACCESS TO SERVICES',
    targetDate: 'Audit Commission Target Date: June 2011',
    recommendation: 'R2.7 Write letters in plain English.',
    responsible: 'Responsible: Mark Henderson – Chief Executive',
    sponsor: '',
    header: ['Key outcomes for our customers', 'Key actions', 'By', 'Progress taken to date', "How do we know when we've achieved this?"],
    rows: [
      [
        'Customers will understand all communication from Home and be able to act on it where appropriate.',
        'Introduce new guidance and training for all internal colleagues on how to write in plain English.',
        'August 2010.',
        'Customer panel have endorsed guidelines booklet for colleagues.',
        'We know the actions we have taken are working when: <ul style="list-style-type: none"> <li>• Feedback from customers tells us that information is easily understandable;</li> <li>• 85% of customers and clients say they are satisfied/very satisfied with Home\'s customer and client service (by March 2011).</li> </ul>',
      ],
      ['', 'Introduce an advisory service to enable letters to be improved before they are sent out.', 'September 2010.', '', ''],
      [
        '',
        'Use the customer panel as a sounding board on the development of new guidelines for colleagues.',
        'July 2010 (completed).',
        '',
        '',
      ],
      [
        '',
        'Organise customer panel led briefings for letter writers so that originators understand the customer perspective.',
        'September/October 2010.',
        '',
        '',
      ],
      ['', 'Share best practice from other organisations.', 'September/October 2010.', '', ''],
      ['', 'Launch internal campaign to support cultural shift.', 'August 2010.', '', ''],
    ],
    costsHeading: 'Costs/Resources required',
    costs:
      '£10,000 within existing budget for materials; £85,000 for Customer Service workshops of which clear communication ie. plain English is one component.',
    say: 'How customers will have a say: The National Customer Panel and Keep It Short and Simple (KISS) Groups will be used to help improve standard and sensitive communications to customers. The National Customer Panel has been consulted on the development of a plain English guide for colleagues.',
  },
  {
    id: 'R5.1',
    heading: 'R5 AUDIT COMMISSION RECOMMENDATION: IN CONSULTATION WITH CUSTOMERS, IMPROVE THE RESPONSIVE REPAIRS AND GAS SERVICE',
    targetDate: 'Audit commission target date: June 2011',
    recommendation:
      'R5.1 Develop a more flexible and consistent appointment system for repairs and gas servicing available at first point of contact.',
    responsible: 'Responsible: Jim Preston – Director of Maintenance Services',
    sponsor: 'Executive Sponsor - Rosemary Du Rose',
    header: ['Key outcomes for customers', 'Key actions', 'By', 'Progress taken to date', "How do we know when we've achieved this?"],
    rows: [
      [
        "Customers' repairs and gas servicing will take place at times that suit their needs and will be book-able at the first point of contact.",
        'Establish monitoring system for appointments made and kept.',
        '1st April 2010 and ongoing.',
        '2 hour appointment requirements included in current gas servicing tender.',
        'We know the actions we have taken are working when: <ul style="list-style-type: none"> <li>90% of appointments are made at first point of contact (delivered by March 2011);</li> <li>97% of appointments are kept (delivered by March 2011);</li> <li>80% of repairs are "right first time" (delivered by September 2010);</li> <li>93% of customers are satisfied with the repairs service (delivered by March 2011); and</li> <li>96.5% of repairs are carried out within target response times (delivered by September 2010).</li> </ul>',
      ],
      [
        '',
        'Offer extended hours appointments at evenings and weekends.',
        'October 2010.',
        'Current ability to make appointments at first point of contact assessed.',
        '',
      ],
      [
        'Customers will receive a service that will be flexible, fast, convenient and better value for money.',
        'Offer 2 hour slots for appointments.',
        'March 2011.',
        'Short term fix agreed with contractor in Midlands and part of South to take calls direct and take calls at first point of contact.',
        '',
      ],
      [
        '',
        'Assess current position in our ability to make appointments at first point of contact.',
        'July 2010 (Completed).',
        'Percentage of appointments made and kept reported as a performance indicator.',
        '',
      ],
      ['', 'Assess current position on appointments and hours of operation in existing contracts.', 'July 2010 (Completed).', '', ''],
      ['', 'Amend current contracts to reflect increased specification.', 'April 2011.', '', ''],
    ],
    costsHeading: 'Costs/Resources required',
    costs: 'Potential increase in costs due to renegotiation of contracts (estimated at £10,000).',
    say: 'How customers will have a say: The improved customer offer is based upon feedback from satisfaction surveys.',
  },
  {
    id: 'R5.2',
    heading: 'R5 AUDIT COMMISSION RECOMMENDATION: IN CONSULTATION WITH CUSTOMERS, IMPROVE THE RESPONSIVE REPAIRS AND GAS SERVICE',
    targetDate: 'Audit commission target date: June 2011',
    recommendation:
      'R5.2 Improve publicity around the importance of gas servicing and the ordering and appointments for gas servicing and responsive repairs.',
    responsible: 'Responsible: Jim Preston – Director of Maintenance Services',
    sponsor: 'Executive Sponsor - Rosemary Du Rose',
    header: ['Key outcomes for customers', 'Key actions', 'By', 'Progress taken to date', "How do we know when we've achieved this?"],
    rows: [
      [
        'Customers will know how to book appointments for gas servicing and repairs.',
        'Develop adverts to communicate with customers on the importance of allowing access for gas servicing.',
        'August 2010 (completed).',
        'An advert has been included in the customer newsletter and will be included in all subsequent editions.',
        'We know the actions we have taken are working when: <ul style="list-style-type: none"> <li>• 90% of appointments are made at first point of contact (delivered by March 2011);</li> <li>• 97% of appointments are kept (delivered by March 2011);</li> <li>• 80% of repairs are “right first time” (delivered by September 2010);</li> <li>• 93% of customers are satisfied with the repairs service (delivered by March 2011); and</li> <li>• 96.5% of repairs are carried out within target response times (delivered by September 2010).</li> </ul>',
      ],
      [
        '',
        'Update website to include article on importance of gas servicing.',
        'June 2010 (completed), to be refreshed each year.',
        'An advert is available on the website.',
        '',
      ],
      [
        '',
        'Include article in all customer newsletters on importance of gas servicing and communicate incentive scheme.',
        'First article in customer newsletter in August 2010 and ongoing. Launch incentive scheme August 2010.',
        '',
        '',
      ],
      [
        '',
        'Develop advert to communicate improved flexibility in appointments in gas servicing and responsive repairs.',
        'October 2010.',
        '',
        '',
      ],
    ],
    costsHeading: 'Costs/Resources required',
    costs: 'We will use existing staff and communications channels so there will be no marginal cost of resourcing this work.',
    say: 'How customers will have a say: Customer feedback during the Short Notice Inspection identified this as a priority.',
  },
  {
    id: 'R5.3',
    heading: 'R5 AUDIT COMMISSION RECOMMENDATION: IN CONSULTATION WITH CUSTOMERS, IMPROVE THE RESPONSIVE REPAIRS AND GAS SERVICE',
    targetDate: 'Audit commission target date: June 2011',
    recommendation:
      'R5.3 Improve contract and performance monitoring and communication processes to ensure that repairs and gas servicing are done on time, at the appointed time, in one visit where possible.',
    responsible: 'Responsible: Jim Preston – Director of Maintenance Services',
    sponsor: 'Executive Sponsor - Rosemary Du Rose',
    header: ['Key outcomes for customers', 'Key actions', 'By', 'Progress taken to date', "How do we know when we've achieved this?"],
    rows: [
      [
        'Customers will receive a service for both repairs and gas service which is at a convenient time to them, the work is carried out when expected and, where possible, the work is completed in a single visit.',
        'Establish new monitoring formats and targets on key performance indicators on: <ul style="list-style-type: none"> <li>• Appointments made and kept</li> <li>• Repairs completed right first time</li> <li>• Repairs completed on the first visit.</li> </ul>',
        'Completed and in use.',
        'Targets have been set and monitoring systems are now in place for all key performance indicators, to be used in contractor review meetings.  A 3 month improvement plan is in place to reach 80% "right first time" by September. The target level of performance will then be reviewed.',
        'We know the actions we have taken are working when: <ul style="list-style-type: none"> <li>• 90% of appointments are made at first point of contact (delivered by March 2011);</li> <li>• 97% of appointments are kept (delivered by March 2011);</li> <li>• 80% of repairs are "right first time" (delivered by September 2010);</li> <li>• 93% of customers are satisfied with the repairs service (delivered by March 2011); and</li> <li>• 96.5% of repairs are carried out within target response times (delivered by September 2010).</li> </ul>',
      ],
      [
        '',
        'Develop contractor management framework (including improved communication arrangements).',
        'October 2010.',
        'Key performance indicators are being monitored monthly by Senior Managers and Executive and by Board at every meeting.',
        '',
      ],
    ],
    costsHeading: 'Costs/Resources required',
    costs: 'We will use existing staff so there will be no marginal cost of resourcing this work.',
    say: 'How customers will have a say: The National Customer Panel will scrutinise performance levels and hold the service to account. Customers will help to develop the contractor management framework which will include arrangements for improved communication and customer involvement in contract monitoring.',
  },
];

const MEASURE_CARDS: MeasureCard[] = [
  {
    title: 'Performance measure- Maximise income via the recharging policy and reduce the use of temporary accomodation',
    fields: [
      ['Owner', 'Housing Options team.'],
      ['Co owners', 'Housing Options Officers.'],
      [
        'Output/Outcome(s)',
        'To avoid the use of B&B accommodation where possible unless in an absolute emergency and there is no other accommodation available to the client.',
      ],
      ['Links', 'Housing Act 1996 (as amended 2002), Homelessness Strategy 2013-2016 and Corporate Strategic Finance Outcome.'],
      ['Source of Data', 'Locata.'],
      ['Frequency of reporting', 'Daily.'],
      ['Who measures?', 'Angela Parmenter - Housing Options Manager. Jo Brooks - Director of Regulatory Services.'],
      [
        'Please list processes briefly',
        '<ul style="list-style-type: none"> • Make timely appointments for clients who are threatened with homelessness. • Deal with emergency situations on the day of approach. • Negotiations with landlords/ agencies / family members to prevent evictions. • Make proper use of hostel accommodation. • Make timely homelessness decisions (within 33 working days). • Monitor and actively encourage bidding to ensure best outcome.',
      ],
      ['Reporting Timescale', 'Quarterly.'],
      [
        'What resources are needed to ensure success?',
        'Fully trained and experienced Housing Options Officers, relevant up to date case law.',
      ],
      ['Are there opportunities for cross-service working?', 'No.'],
    ],
  },
  {
    title: 'Performance measure- Maximise income via the recharging policy and reduce the use of temporary accomodation',
    fields: [
      ['Owner', 'Housing Options team.'],
      ['Co owners', 'Housing Options Officers.'],
      ['Output/Outcome(s)', 'To ensure that Homeless decisions made within 33 working days.'],
      ['Links', 'Housing Act 1996 (as amended 2002), Homelessness Strategy 2013-2016 and Corporate Strategic Finance Outcome.'],
      ['Source of Data', 'Locata.'],
      ['Frequency of reporting', 'Daily.'],
      ['Who measures?', 'Angela Parmenter - Housing Options Manager. Angela Parmenter - Director of Regulatory Services.'],
      [
        'Please list processes briefly',
        '<ul style="list-style-type: none"> • Receive contact from customer. • Taking a proactive approach to turn around homeless. Decision made within 33 working days.',
      ],
      ['Reporting Timescale', 'Quarterly.'],
      [
        'What resources are needed to ensure success?',
        'Fully trained and experienced Housing Options Officers, relevant up to date case law.',
      ],
      ['Are there opportunities for cross-service working?', 'No.'],
    ],
  },
  {
    title: 'Performance measure- Ensure that people feel safe in their homes and neighbourhood-management of gypsy and traveller sites',
    fields: [
      ['Owner', 'Housing Options Team.'],
      ['Co owners', 'Angela Parmenter – Housing Options Manager.'],
      ['Output/outcome(s)', 'To ensure 5% more rents collected than in 2014.'],
      ['Links', 'Cambridgeshire County Council, Parks and Open Spaces.'],
      ['Source of Data', 'Angela Parmenter – Housing Options Manager.'],
      ['Frequency of reporting', 'As required.'],
      ['Who measures?', 'Angela Parmenter - Housing Options Manager. Jo Brooks - Director of Regulatory Services.'],
      [
        'Please list processes briefly',
        '<ul style="list-style-type: none"> • Site visits to be conducted weekly. • Rents to be collected and banked every Friday. • Future provision to be explored. • Attend sub regional Traveller Liaison Groups.',
      ],
      ['Reporting timescale', 'Quarterly.'],
      ['What resources are needed to ensure success?', 'Future provision for Gypsy and Travellers.'],
      ['Are there opportunities for cross-service working?', 'Parks and open spaces.'],
    ],
  },
  {
    title: 'Performance measure- Provide an holistic Housing Options Service with the emphasis on preventing homelessness',
    fields: [
      ['Owner', 'Housing Options Team.'],
      ['Co owners', 'Joanne Davis - Private Landlord Liaison Officer. Housing Options Officers.'],
      ['Output/Outcome(s)', 'To effectively engage with landlords by undertaking 2 landlord forums per year.'],
      ['Links', 'Housing Act 1996 (as amended 2002), Homelessness Strategy 2013-2016 and Corporate Strategic Finance Outcome.'],
      ['Source of Data', 'Attendance data taken at forum.'],
      ['Frequency of reporting', '6 monthly.'],
      ['Who measures?', 'Angela Parmenter - Housing Options Manager. Jo Brooks - Director of Regulatory Services.'],
      [
        'Please list processes briefly',
        '<ul style="list-style-type: none"> • Agree date for forum. • Agree theme for forum i.e. landlord resolution service or grants and loans. • Invite known landlords and agencies. • Arrange speakers. • Produce handouts (landlord information packs). • Advertise forum to wider community to attract landlords unknown to the authority. • On day of forum, monitor attendance and take details of each landlord so that new landlords are invited to further forums. • Ask for feedback for improvement in the future. <p>N.B Without building new relationships with local landlords the possibilities open to the housing options department would be limited and homeless prevention statistics would suffer as a result. By enhancing the service available to landlords more properties become available for use in preventing homelessness and where possible for discharging homelessness duty.</p>',
      ],
      ['Reporting timescales', 'Quarterly.'],
      ['What resources are needed to ensure success?', 'Good working relationships with landlords and agents.'],
      ['Are there any opportunities for cross-service working?', 'Environmental Health, Planning, Building Control, Care and Repair.'],
    ],
  },
  {
    title: 'Performance measure- Provide an holistic Housing Options Service with the emphasis on preventing homelessness',
    fields: [
      ['Owner', 'Housing Options Team.'],
      ['Co owners', 'Tenancy Support Officer. Housing Options Officers.'],
      ['Output/outcome(s)', 'To prevent at least 350 households from becoming homeless per year.'],
      ['Links', 'Housing Act 1996 (as amended 2002), Homelessness Strategy 2013-2016 and Corporate Strategic Finance Outcome.'],
      ['Source of Data', 'Tenancy Support Officer. Housing Options Officers.'],
      ['Frequency of reporting', 'As required.'],
      ['Who measures?', 'Angela Parmenter - Housing Options Manager. Jo Brooks - Director of Regulatory Services'],
      [
        'Please list processes briefly',
        '<ul style="list-style-type: none"> • Clients who are identified as in need of support will be discussed with the TSO and referred for an assessment of their needs. The TSO will then meet with the client to discuss options and plan a course of action. The TSO will then maintain contact with the client until agreed outcomes have been achieved. • Having a Tenancy Support Officer maximises the client\'s chances of sustaining an existing tenancy therefore preventing homelessness. Or supporting homeless clients to access benefits, bid on properties and/or locate a property in the private rented sector. • Assistance in setting up in that property will be provided to make sure that the client budgets and sustains their tenancy therefore avoiding homelessness in the future.',
      ],
      ['Reporting timescale', 'Quarterly.'],
      ['What resources are needed to ensure success?', 'All officers to work together, risk assessments and structured support.'],
      ['Are there any opportunities for cross-service working?', 'No.'],
    ],
  },
  {
    title: 'Performance measure- Provide an holistic Housing Options Service with the emphasis on preventing homelessness',
    fields: [
      ['Owner', 'Housing Options Team.'],
      ['Co owners', 'Housing Options Officers.'],
      ['Output/Outcome(s)', 'To undertake a rough sleeper estimate.'],
      ['Links', 'Housing Act 1996 (as amended 2002), Homelessness Strategy 2013-2016 and Corporate Strategic Finance Outcome.'],
      [
        'Source of Data',
        'Data collected from external agencies; ECDC staff, Housing associations, Churches, Support workers, Doctors surgeries, Hostel managers etc.',
      ],
      ['Frequency of reporting', 'Yearly.'],
      ['Who measures?', 'Angela Parmenter - Housing Options Manager. Jo Brooks - Director of Regulatory Services.'],
      [
        'Please list processes briefly',
        '<ul style="list-style-type: none"> • Agree with neighbouring authorities a date and time for the estimated count. • Invite all external agencies to record all known rough sleepers at this time and date. • Liaise with these organisations leading up to the count. • The day after the estimation send out a request for the information gathered. • Analyse data collected making sure that there are no duplicate accounts of rough sleeping. • Liaise with neighbouring authorities to ensure no overlaps and repeat reports of the same person(s). • Final count. • Send final figure to DCLG.',
      ],
      ['Reporting timescale', 'Annually.'],
      ['What resources are needed to ensure success?', 'Involvement from a multitude of agencies across the sub region.'],
      [
        'Are there opportunities for cross-service working?',
        'All teams within the authority are asked to check if they are out in the district on the set date.',
      ],
    ],
  },
  {
    title: 'Performance measure- Trained staff and comprehensive understanding of service by Member Champions',
    fields: [
      ['Owner', 'Housing Options Team.'],
      ['Co owners', 'All Officers.'],
      ['Output/Outcome(s)', '100% appraisals completed on time.'],
      ['Links', ''],
      ['Source of Data', ''],
      ['Frequency of reporting', 'Yearly.'],
      ['Who measures?', 'Angela Parmenter - Housing Options Manager.'],
      [
        'Please list processes briefly',
        '<ul style="list-style-type: none"> • Work within the performance management framework to support the continued professional development of the housing option service. • Diary in appointments to ensure that appraisals are undertaken within required timeframes.',
      ],
      ['Reporting timescale', 'Quarterly.'],
      ['What resources are needed to ensure success?', 'Performance management.'],
      ['Are there opportunities for cross –service working?', 'HR.'],
    ],
  },
  {
    title: 'Performance measure- Adapting the service to meet the needs of the customer',
    fields: [
      ['Owner', 'Housing Options Team.'],
      ['Co owners', 'All Officers.'],
      ['Output/Outcome(s)', 'Undertake ongoing demands analysis to show service is fully meeting needs of customers.'],
      ['Links', ''],
      ['Source of Data', 'On going.'],
      ['Frequency of reporting', 'On going.'],
      ['Who measures?', 'Angela Parmenter - Housing Options Manager.'],
      [
        'Please list processes briefly',
        '<ul style="list-style-type: none"> • Conduct regular team meetings to update on customer feedback. • Regularly assess the outputs from the service to ensure that it is full meeting the needs of our customers. • Carry out demands analysis of who accesses the service, when and how. • Adapt service to meet the needs of our customers where appropriate.',
      ],
      ['Reporting timescale', 'Quarterly.'],
      ['What resources are needed to ensure success?', ''],
      ['Are there opportunities for cross –service working?', 'HR.'],
    ],
  },
];

// ---------------------------------------------------------------------------
// README and main
// ---------------------------------------------------------------------------

interface SampleDoc {
  file: string;
  layout: string;
  seed: string;
  about: string;
  messiness: string[];
  notes: TableNote[];
}

function tableList(notes: TableNote[]): string {
  const lines = ['| Sheet | Range | Header row(s) | What |', '| --- | --- | --- | --- |'];
  for (const n of notes) lines.push(`| ${n.sheet} | \`${n.range}\` | ${n.header} | ${n.what.replace(/\|/g, '\\|')} |`);
  return lines.join('\n');
}

function readme(samples: SampleDoc[]): string {
  const parts = [
    '# Sample workbooks',
    '',
    'Generated by `scripts/make-samples.ts` (`npm run samples`); do not edit the .xlsx files by hand, change the script and re-run it.',
    'The output is deterministic (fixed document and zip dates, no randomness), so a re-run that changes nothing leaves the files byte-identical.',
    '',
    'Each workbook follows one layout of `../shared/docs/BRIEF.md` and copies its content from one seed paper in `../shared/seeds/`:',
    'indicator numbers, descriptions, actuals, targets, commentary and footnotes are the seed text, verbatim, unless noted below.',
    'Ranges are A1 references, row numbers are 1-based. "Header row" is the row holding the column headings.',
    '',
  ];
  for (const sample of samples) {
    parts.push(
      `## \`${sample.file}\` — layout ${sample.layout}`,
      '',
      `Seed: ${sample.seed}`,
      '',
      sample.about,
      '',
      'Messiness:',
      '',
      ...sample.messiness.map((m) => `- ${m}`),
      '',
      'Tables and blocks:',
      '',
      tableList(sample.notes),
      '',
    );
  }
  return parts.join('\n');
}

async function main(): Promise<void> {
  mkdirSync(OUT_DIR, { recursive: true });
  const a = await makeServicePlanQuarterly();
  const b = await makeServiceDeliveryPlanAnnual();
  const c = await makeKpiReturn();
  const e = await makeInspectionActionPlan();

  const realigned = ACTION_PLAN.filter((rec) => rec.note).map((rec) => `${rec.id}: ${rec.note}`);
  const samples: SampleDoc[] = [
    {
      file: 'service-plan-quarterly.xlsx',
      layout: 'A (service plan, quarterly)',
      seed: '`003_b161f5d74081a8bc.txt` — Housing Management & Enforcement KPIs, Service Plan 2024-28.',
      about:
        'Sheet "KPIs 2024-25": merged title, then four repeated header blocks (`Indicator No. | KPI Description | Q1 2024/25 | Q2 2024/25 | Q3 2024/25 | Q4 2024/25 | Annual Target 2024/25 | Status | Commentary`) holding indicators 01–14, each block followed by a blank spacer row. Sheet "Notes": three prose lines (not a KPI table).',
      messiness: [
        'Title merged across `A1:I1`; blank spacer rows between the header blocks.',
        'Indicator numbers are text `01`…`14` (number format `@`).',
        'Two spill rows with an empty indicator number under 08 and 09 (`Within To Working days`, `within 20 working days`) whose Commentary cell holds the Q2 commentary.',
        '01 Q1 is the number `83` in General format (meaning 83%); 01 Q2 is `0.902` formatted `0.0%`; target `0.92` `0%`.',
        'Mixed percentage formats: 02 `0.032` `0.0%` / `0.0327` `0.00%` (target `0.035` `0.0%`); 03 `0.02` `0%` / `0.021` `0.0%`; 04 `0.05` / `0.055`; 14 Q1 `0.9858` `0.00%` vs target `0.95`.',
        '05: Q1 number `20`, Q2 text `TBC`, target number `14` (working days).',
        '07 Q2 is the text `67%` (a percentage typed as text).',
        'Rate targets as text: `15 per quarter` (10), `40 per quarter` (11), `5 per quarter` (12).',
        '11 Q1 is the formula `=100+39` with cached value 139.',
        '12 Q1 is the number stored as text `"8"`.',
        '13 Q2 is the error `#N/A` (the seed has `TBC` there).',
        'The Status column (H) is empty everywhere; Q3/Q4 are empty.',
      ],
      notes: a,
    },
    {
      file: 'service-delivery-plan-annual.xlsx',
      layout: 'B (service delivery plan, annual)',
      seed: '`004_8f72aac7692f7002.txt` — 2015/2016 Housing Services Service Delivery Plan (East Cambridgeshire Housing Options).',
      about:
        'Sheet "End of year 2014-15": title, `2014/2015` and `Measuring Performance` heading rows, then the five `<Theme> Performance Measure | Target | Actual` tables with their footnotes (the second one continues with the sub-heading row "Educate, Support & Secure Housing for Young People – Tomorrow\'s Future" and its own rows and footnote). Sheet "Plan 2015-16": the six `Performance measure- <theme> | Baseline | Target` tables. Sheet "Measure cards": eight measure cards as two-column key/value blocks.',
      messiness: [
        'Merged title cells (`A1:C1` on the first two sheets; each card title merged across A:B).',
        'Actuals with footnote markers and variances, as text: `364 *+38%`, `**1 delivered`, `22 per quarter ***+47%`, `82% +7%`, `100% variance +5%`, `** -75%`, `*none undertaken`, `Achieved`, `Completed- output shows that the service is fully meeting needs of customers`, `On going`.',
        'Plain percentages are fractions with `0%` format (100% = `1`); `264`, `1`, `2`, `364`, `350` are numbers.',
        'Footnote paragraphs (starting `*`, `**`, `***`) in column A under their table, merged across A:C and counted inside the table range below.',
        'The first `April 2015` target (demands analysis) is a real date (2015-04-01, format `mmmm yyyy`), as Excel converts it when typed; the second (`Review Homelessness Strategy…`) is text.',
        '`£84,396` is the number 84396 with format `"£"#,##0`; targets `5% above 2014 baseline`, `5 working days`, `N/A`, `Yearly`/`yearly` are text.',
        'A hidden, empty spacer row on "Plan 2015-16" (see table below), next to a visible spacer row.',
        'The last row of the "Adapting the service…" plan table comes after an "Appendix 5" page break in the seed; it is put back in its table.',
        'Measure cards: the "Please list processes briefly" text has its HTML removed, N.B. paragraphs dropped and at most four bullets kept (one per line, then `…`); key spellings vary as in the seed (`Output/outcome(s)`, `Reporting timescale`/`Reporting Timescale`). Empty values (e.g. `Links`, `Source of Data`) are empty cells.',
      ],
      notes: b,
    },
    {
      file: 'kpi-return.xlsx',
      layout: 'C (KPI return)',
      seed: '`000_adc9f15da6c5456d.txt` — Homemovers service performance, 2007/08 results for Wirral.',
      about:
        'Sheet "2007-08 results": title, the KPI return with a two-row header, the Definitions lines, a colour legend, the KPI 10 satisfaction table, then the Complaints and letter-monitoring lines. Sheet "Letters log": an Excel table (ListObject) named `LettersLog` of letters with received/responded dates.',
      messiness: [
        'Two-row header: `Key Performance Indicator`, `Numbers`, `Comments` merged vertically over rows 3-4; `Target Met` merged across C3:D3 over `Yes` (C4) and `No` (D4).',
        'Reference column mixes text (`1a`, `1b`, `1c`) and numbers (`2`…`10`).',
        "Yes/No shares are fractions with `0%` format (`1`, `0.83`, `0.17`, `0.94`, `0.06`); `-` is text; KPI 10's Numbers cell is the text `See table below`; rows 1a–1c have no shares.",
        'Targets live only in the definition lines ("target 14 days", "28 days & 7 days", "(7 days)", "75% … good, very good or excellent").',
        'Satisfaction table: one blank count (ART Homes, Good) where the seed is blank; the last column is a formula `(D+E+F)/SUM(B:F)` per row with cached value 1 (100%), format `0%`.',
        'Legend cells (green "Target met", red "Target not met") with fills in column A.',
        'Letters log dates are real Excel dates (`dd/mm/yyyy`) in 2007/08, including letters over Easter 2007, the May and August bank holidays, Christmas 2007 and Easter 2008; all are within 15 working days when the bank holidays of England are skipped (WIR/07/151, WIR/07/158 and WIR/08/019 would look late if only weekends were skipped: 17, 16 and 16 weekdays).',
      ],
      notes: c,
    },
    {
      file: 'inspection-action-plan.xlsx',
      layout: 'E (inspection report action plan)',
      seed: '`002_960af5f8113656a8.txt` — Audit Commission short notice inspection of Home Group (2010) and its action plan (recommendations R1, R2.1–R2.7, R5.1–R5.3).',
      about:
        'Sheet "Action plan": one block per recommendation — heading row (merged A:E), target date, the recommendation line (merged A:E), the Responsible line (`Responsible: …` in A, `Executive Sponsor - …` in C), the table `Key outcomes for customers | Key actions | By | Progress taken to date | How do we know when we\'ve achieved this?`, then `Costs/Resources required`, its paragraph and `How customers will have a say: …` (both merged A:E); two blank rows between blocks. Sheet "Performance": a small KPI table of the success measures the plan refers to, with owners from the Responsible lines.',
      messiness: [
        'Header wording varies as in the seed: curly `we’ve` in R2.2, `Key outcomes for our customers` in R2.7; `Audit commission target date` in lower case for R5.x.',
        'The key outcome is only on the first action row; R2.5 and R5.1 have a second key outcome on a later row, as in the seed. R2.7 has no Executive Sponsor.',
        "Bullet lists from the seed's HTML are line breaks inside one cell; `By` holds free text (`July 2010 (completed)`, `September/October 2010`, `1st April 2010 and ongoing`, …) and is empty for some actions.",
        ...realigned,
        "Performance sheet: targets `100%`, `85%` as fractions with `0%`; `789 per month` as text; Actual Jul 2010 is 99.65% for gas certificates (from R1's progress text), `pending` for satisfaction and blank for the other two (the seed gives no figure).",
      ],
      notes: e,
    },
  ];
  writeFileSync(join(OUT_DIR, 'README.md'), readme(samples));
  for (const sample of samples) {
    console.log(sample.file);
    for (const n of sample.notes) console.log(`  ${n.sheet.padEnd(20)} ${n.range.padEnd(10)} header ${n.header.padEnd(6)} ${n.what}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
