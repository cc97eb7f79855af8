import { memoByText } from '../model/memo';
import type { Status } from './target-types';

/**
 * Label families councils and landlords print in their Status columns; a workbook that already
 * uses one keeps it when KPI Tracker writes (see plan/status-style).
 */
export const LABEL_FAMILIES: ReadonlyArray<Partial<Record<Status, string>> & { met: string; missed: string }> = [
  { met: 'On target', near: 'Near target', missed: 'Off target' },
  { met: 'Achieved', near: 'Partially achieved', missed: 'Not achieved' },
  { met: 'On track', near: 'Slightly off track', missed: 'Off track' },
  { met: 'Green', near: 'Amber', missed: 'Red' },
  { met: 'G', near: 'A', missed: 'R' },
  { met: 'Met', near: 'Near miss', missed: 'Not met' },
  { met: 'Above target', near: 'Close to target', missed: 'Below target' },
  { met: 'Target met', missed: 'Target not met' },
];

/**
 * Whole texts a publisher prints for a rating, beyond the families above. A Public Service
 * Agreement's "Partly met" and "Broadly on course with minor slippage" (the Ministry of Defence)
 * sit between met and not met, as "Partially achieved" does; so do Maidstone's "Target slightly
 * missed (within 10%)" and Rother's "Improving towards target". "Out of target and tolerance"
 * (Cheshire West and Chester) and "Behind target" (Cherwell) are misses. A service charter's standard
 * is "Complied" with or not (the Attorney-General's Department).
 */
const WHOLE: ReadonlyArray<[RegExp, Status]> = [
  [
    /^(green|g|on target|on track|target met|met|met goal|goal met|success|achieved|exceeded|target exceeded|above target|better than target|tick|✓|✔|☑|☺|🙂|😀|😊|yes|y|complete|completed|on course|on schedule|✅|☺️|👍|(fully )?(complied|compliant))$/,
    'met',
  ],
  [
    /^(amber|a|near target|close to target|within tolerance|slightly off track|partially achieved|near miss|triangle|⚠|◆|▲?\s*amber|at risk|some risk|on course with some risk|partly met|partially met|broadly on course( with minor slippage)?|(partially|partly) (complied|compliant)|partial|partially|slightly (off|below|under|behind) (target|track)|nearly (achieved|met)|almost (achieved|met)|target (slightly )?missed \(within \d+(\.\d+)?%\)|target slightly missed|improving towards target)$/,
    'near',
  ],
  [
    /^(red|r|off target|off track|target not met|not met|not achieved|missed|below target|worse than target|cross|✗|✘|✖|✖️|❌|×|☒|☹|🙁|😞|👎|no|n|red octagon|octagon|delayed|behind schedule|off course|not on course|not on track|not on target|overdue|did not meet|goal not met|failure|target not achieved|target missed|not achieving target|behind target|out of target and tolerance|outside tolerance|not (complied|compliant)|non-?compliant)$/,
    'missed',
  ],
  [/^(for info(rmation)? only|data only|information only|monitoring only|contextual|not rated|no target)$/, 'no-target'],
];

/**
 * Words inside a longer description of an icon ("Green happy face indicating meeting or exceeding
 * the target"; "Unhappy-face", Western Port Water's image name; "Thumbs up", Tairāwhiti's).
 */
const INSIDE: ReadonlyArray<[RegExp, Status]> = [
  // "Four incidences of non-compliance." (the Attorney-General's Department's service charters).
  [
    /\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|some) (incidences?|instances?|incidents?|breach(es)?) of non-?compliance\b/,
    'missed',
  ],
  [
    /\bthumbs?[- ]down\b|\b(sad|unhappy|frowning)[- ]face\b|\bnot (being )?on target\b|\btarget not met\b|\bred (octagon|circle|cross|dot)\b/,
    'missed',
  ],
  [/\bthumbs?[- ]up\b|\b(happy|smiling|smiley)[- ]face\b|\bgreen (tick|circle|dot)\b/, 'met'],
  [/\b(neutral|straight)[- ]face\b|\bamber (triangle|circle|dot)\b|\bwithin tolerance\b/, 'near'],
];

function readWord(raw: string): Status | undefined {
  const text = raw
    .trim()
    .toLowerCase()
    // A data set's coded value ("Did_Not_Meet", "Met_Goal", the NYC Comptroller's) spelt with spaces.
    .replace(/_/g, ' ')
    .replace(/[.!:;]+$/, '')
    .replace(/\s+/g, ' ')
    // "Performance status - green" (North Lanarkshire, an icon's alt text): the word after the label.
    .replace(/^(performance |progress |rag )?status\s*[-:\u2013]\s*(?=\S)/, '');
  if (text === '' || text.length > 200) return undefined;
  // "Yes; FY22 projected ending balance is 24%" (Grapevine's budget book): the verdict, then why.
  const verdict = /^([^;]{1,30});\s*\S/.exec(text);
  if (verdict) return readVerdict(verdict[1]!.trim());
  if (text.length > 120) return undefined;
  return readVerdict(text);
}

function readVerdict(text: string): Status | undefined {
  for (const [pattern, status] of WHOLE) if (pattern.test(text)) return status;
  for (const family of LABEL_FAMILIES) {
    for (const [status, label] of Object.entries(family)) if (label.toLowerCase() === text) return status as Status;
  }
  // An arrow describes a trend, not a rating ("Up arrow representing a positive trend").
  if (/\barrow\b/.test(text)) return undefined;
  for (const [pattern, status] of INSIDE) if (pattern.test(text)) return status;
  return undefined;
}

/**
 * The status a publisher's own rating word stands for: "Green", "A", "On target", "target not
 * met", a happy or sad face, a tick. Undefined for anything else.
 */
export const readStatusWord = memoByText(readWord);
