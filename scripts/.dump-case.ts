import { CASES_DIR, readCases, scoreCase } from '../tests/corpus-real/real-corpus';
const name = process.argv[2]!;
const c = readCases(CASES_DIR, (n) => n.includes(name))[0]!;
const s = scoreCase(c);
for (const t of s.detection.tables) {
  console.log(t.sheet, 'header', t.headerRows, 'range', JSON.stringify(t.range));
  for (const col of t.columns) console.log('  ', col.col, col.role, JSON.stringify(col.header), col.period ? JSON.stringify(col.period) : '');
  console.log('  indicators', t.indicators.map((i) => i.row).join(','));
}
console.log(JSON.stringify((s.detection as any).doubts ?? [], null, 1).slice(0, 3000));
if (process.argv[3] === 'verdicts') for (const v of s.verdicts) if (!v.actualCell || true) console.log(v.tableIndex, v.row, v.actualCell, v.period ? JSON.stringify(v.period) : '', v.status, (v as any).reason?.slice?.(0, 140));
