import { detectWorkbook } from '../../../src/core/detect/detect-workbook';
import { evaluateWorkbook } from '../../../src/core/engine/evaluate';
import { buildWorkbook } from '../../../src/hosts/memory/build-workbook';
import { readXlsxFile } from '../../../src/hosts/xlsx/read-xlsx';
import { join } from 'node:path';

const today = { year: 2008, month: 5, day: 1 };

describe('timeliness from a list of cases', () => {
  it('reads the layout C letters log against the "target 15 working days" written on the other sheet', async () => {
    const { workbook } = await readXlsxFile(join(__dirname, '../../../assets/samples/kpi-return.xlsx'));
    const verdict = evaluateWorkbook(workbook, detectWorkbook(workbook), { today }).find((v) => v.sheet === 'Letters log')!;
    expect(verdict.status).toBe('met');
    expect(verdict.actualText).toBe('12 of 12 cases');
    expect(verdict.targetText).toBe('100% within 15 working days');
    expect(verdict.reason).toMatch(/12 of 12 cases within 15 working days \(100%\)/);
    expect(verdict.reason).toMatch(/Monitoring of letter response times/);
  });

  it('counts working days past bank holidays and judges the share within the standard', () => {
    const workbook = buildWorkbook([
      {
        name: 'Complaints',
        rows: [
          ['Stage 1 complaints: responded to within 10 working days'],
          ['Case ref', 'Date received', 'Date responded'],
          // Christmas and Boxing Day 2024 and New Year's Day 2025 are not working days.
          ['C1', { date: '2024-12-20' }, { date: '2025-01-06' }], // 9 working days: within
          ['C2', { date: '2024-12-02' }, { date: '2024-12-20' }], // 14 working days: outside
          ['C3', '03/12/2024', '10/12/2024'], // dates typed as text: 5 working days
          ['C4', { date: '2024-12-10' }, null], // still open
        ],
      },
    ]);
    const [verdict] = evaluateWorkbook(workbook, detectWorkbook(workbook), { today: { year: 2025, month: 1, day: 31 } });
    expect(verdict!.actualText).toBe('2 of 3 cases');
    expect(verdict!.actualValue).toBeCloseTo(66.7, 1);
    expect(verdict!.status).toBe('missed');
    expect(verdict!.reason).toMatch(/within 10 working days/);
  });

  it('says so when the workbook sets no time for its cases', () => {
    const workbook = buildWorkbook([
      {
        name: 'Cases',
        rows: [
          ['Ref', 'Received', 'Closed'],
          ['A', { date: '2024-04-02' }, { date: '2024-04-09' }],
        ],
      },
    ]);
    const [verdict] = evaluateWorkbook(workbook, detectWorkbook(workbook), { today });
    expect(verdict!.status).toBe('no-target');
    expect(verdict!.reason).toMatch(/no time standard/);
  });
});
