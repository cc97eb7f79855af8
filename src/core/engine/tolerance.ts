import { z } from 'zod';

/**
 * How far off target still counts as a near miss. Councils use several rules; the workbook
 * chooses one (and an indicator may have its own), and the report's footnote states it.
 */
export const ToleranceSchema = z.discriminatedUnion('rule', [
  /** Within `percent`% of the target, the edge included. */
  z.object({ rule: z.literal('relative'), percent: z.number().min(0).max(100) }),
  /** Within `points` percentage points, for percentage targets (counts use `percent`). */
  z.object({ rule: z.literal('points'), points: z.number().min(0).max(100), percent: z.number().min(0).max(100).default(5) }),
  /** Off target but better than the same period last year counts as a near miss. */
  z.object({ rule: z.literal('improving'), percent: z.number().min(0).max(100).default(5) }),
  /** Off target but still on course to meet the annual target by year end counts as a near miss. */
  z.object({ rule: z.literal('on-course'), percent: z.number().min(0).max(100).default(5) }),
]);
export type Tolerance = z.infer<typeof ToleranceSchema>;

export const DEFAULT_TOLERANCE: Tolerance = { rule: 'relative', percent: 5 };

/** The footnote for a committee report. */
export function describeTolerance(tolerance: Tolerance): string {
  switch (tolerance.rule) {
    case 'relative':
      return `Near miss: within ${tolerance.percent}% of the target (the edge counts as a near miss).`;
    case 'points':
      return `Near miss: within ${tolerance.points} percentage points of a percentage target, or ${tolerance.percent}% of any other target.`;
    case 'improving':
      return `Near miss: within ${tolerance.percent}% of the target, or off target but better than the same period last year.`;
    case 'on-course':
      return `Near miss: within ${tolerance.percent}% of the target, or off target but on course to meet the annual target by the year end.`;
  }
}
