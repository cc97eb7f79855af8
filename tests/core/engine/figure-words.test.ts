import { FigureWords, formatFigure } from '../../../src/core/engine/format-figure';
import { UnitSchema, type Unit } from '../../../src/core/engine/target-types';

/*
 * A run words each distinct figure once and shares the words; what it shares must be what
 * formatFigure gives for that very figure, however close another figure is.
 */

const UNITS: ReadonlyArray<Unit | undefined> = [undefined, ...UnitSchema.options];

const FIGURES = [
  0, -0, 1, -1, 1.001, 0.999, 1.004, 1.005, 0.005, -0.004, -0.005, 2, 2.5, 2.50001, 84396, 84396.004, 88615.8, 88615.80001, -88615.8, 92, 92.0000001,
  1234567.891, 1_342_177.27, 1_342_177.28, 1e15, -1e15, 1e21, 0.1 + 0.2, Number.MAX_SAFE_INTEGER, Number.EPSILON, NaN, Infinity, -Infinity,
];

describe('FigureWords', () => {
  it('words every figure as formatFigure does, whichever figures came first', () => {
    for (const order of [FIGURES, [...FIGURES].reverse()]) {
      const words = new FigureWords();
      for (const unit of UNITS) for (const value of order) expect([value, unit, words.format(value, unit)]).toEqual([value, unit, formatFigure(value, unit)]);
      // Asked again, from what it keeps.
      for (const unit of UNITS) for (const value of order) expect([value, unit, words.format(value, unit)]).toEqual([value, unit, formatFigure(value, unit)]);
    }
  });

  it('words random figures as formatFigure does', () => {
    const words = new FigureWords();
    let seed = 7;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 20_000; i++) {
      const scale = [1, 100, 10_000, 1_000_000][i % 4]!;
      const value = (random() - 0.3) * scale;
      const rounded = i % 3 === 0 ? Math.round(value) : i % 3 === 1 ? Math.round(value * 100) / 100 : value;
      const unit = UNITS[i % UNITS.length];
      expect(words.format(rounded, unit)).toBe(formatFigure(rounded, unit));
    }
  });
});
