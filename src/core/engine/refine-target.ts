import type { Target, Unit } from './target-types';

const TIME_IN_WORDS = /(\d+(?:\.\d+)?)\s*(working days?|work days?|calendar days?|days?|hours?|hrs|minutes?|mins|weeks?)\b/gi;

function unitFromWord(word: string): Unit {
  const w = word.toLowerCase();
  if (w.startsWith('work')) return 'working days';
  if (w.startsWith('day') || w.startsWith('calendar')) return 'days';
  if (w.startsWith('h')) return 'hours';
  if (w.startsWith('min')) return 'minutes';
  return 'weeks';
}

/**
 * A bare number as a target (`14`) takes its unit from the indicator's wording when the wording
 * names the same figure ("… to relet – 14 working days"), so the verdict can say "14 working days".
 */
export function refineTargetUnit(target: Target, description: string): Target {
  if (target.kind !== 'threshold' || target.unit !== 'count' || target.unitFrom) return target;
  for (const match of description.matchAll(TIME_IN_WORDS)) {
    if (Number(match[1]) === target.value) {
      return { ...target, unit: unitFromWord(match[2]!), unitFrom: `the description says "${match[0]}"` };
    }
  }
  return target;
}
