import type { Status } from '../engine/target-types';
import type { Tolerance } from '../engine/tolerance';

/** Statuses counted in the shares: the indicators that could be judged against a target. */
export { JUDGED_STATUSES as JUDGED } from './status-counts';

/** The tolerance as a committee member reads it, without the jargon of its rule's name. */
export function toleranceInWords(tolerance: Tolerance): string {
  switch (tolerance.rule) {
    case 'relative':
      return `within ${tolerance.percent}% of the target (exactly ${tolerance.percent}% off still counts)`;
    case 'points':
      return `within ${tolerance.points} percentage points of a percentage target, or within ${tolerance.percent}% of any other target`;
    case 'improving':
      return `within ${tolerance.percent}% of the target, or off target but better than the same period last year`;
    case 'on-course':
      return `within ${tolerance.percent}% of the target, or off target but on course to meet the annual target by the year end`;
  }
}

/** What each status means, for the key at the top of the committee sheet. */
export function statusMeaning(status: Status, period: string, tolerance: Tolerance): string {
  switch (status) {
    case 'met':
      return `The target for ${period} was met.`;
    case 'near':
      return `Just short of the target, but within the tolerance: ${toleranceInWords(tolerance)}.`;
    case 'missed':
      return 'Missed the target by more than the tolerance. The action to put it right is shown beside it.';
    case 'not-due':
      return 'A milestone whose date has not come yet.';
    case 'overdue':
      return 'A milestone past its date and not done. The action is shown beside it.';
    case 'no-data':
      return `No figure for ${period} yet. Not counted in the shares.`;
    case 'no-target':
      return 'No target is set: reported for information. Not counted in the shares.';
    case 'unreadable':
      return 'The figure or the target could not be read. Not counted in the shares.';
  }
}

/** Direction of travel, as shape and word: never colour alone. */
export const DIRECTION_WORDS = { better: '▲ better', worse: '▼ worse', same: '► same', none: '– not rated' } as const;

export const DIRECTION_MEANING =
  'Compared with the previous period, whichever way is better for the indicator: ▲ better, ▼ worse, ► the same; “not rated” where neither way is better (such as complaints per 1,000 homes).';

/** Beside an indicator that missed, where its block on the action plan has no action written yet. */
export const NO_ACTION_YET = 'No action recorded yet — owner to add';

/**
 * In the Owner column beside an indicator that missed, where the workbook names no one for it: the
 * committee asks who answers for each miss, and a blank cell would not say that nobody is named.
 */
export const OWNER_NOT_NAMED = 'Not named';

export const OWNER_MEANING =
  'Who answers for the indicator, from the workbook’s own owner or lead officer column. “Not named” beside a miss means the workbook names no one for it.';
