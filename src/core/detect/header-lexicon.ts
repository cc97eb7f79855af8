import { camelCaseWords } from '../model/camel-case';
import { plainDashes } from '../model/dashes';
import { parsePeriodLabel, periodInText } from '../periods/parse-period-label';
import type { Period } from '../periods/period';
import type { ColumnRole } from './types';

export interface HeaderGuess {
  readonly role: ColumnRole;
  readonly confidence: number;
  readonly reason: string;
  readonly period?: Period;
  readonly rating?: string;
  /** A theme the header names, e.g. "Preventing Homelessness" in "Preventing Homelessness Performance Measure". */
  readonly title?: string;
}

/** Each header column's heading, as its rows read together, and what it names; `series` the group it stands under. */
export type ColumnGuesses = Map<number, { header: string; guess?: HeaderGuess; series?: string }>;

export function normaliseHeader(text: string): string {
  return plainDashes(text)
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

const RATING_WORDS = [
  'very poor',
  'poor',
  'fair',
  'average',
  'satisfactory',
  'good',
  'very good',
  'excellent',
  'very dissatisfied',
  'fairly dissatisfied',
  'dissatisfied',
  'neither',
  'neither satisfied nor dissatisfied',
  'fairly satisfied',
  'satisfied',
  'very satisfied',
];

interface Rule {
  readonly role: ColumnRole;
  readonly pattern: RegExp;
  readonly confidence: number;
}

/** Order matters: the first rule that matches wins. */
const RULES: readonly Rule[] = [
  { role: 'keyOutcome', pattern: /^key outcomes?( for (our )?customers)?$/, confidence: 1 },
  { role: 'keyActions', pattern: /^key actions?$/, confidence: 1 },
  { role: 'successMeasure', pattern: /^how (do|will) we know/, confidence: 1 },
  // "% complete" beside an action's status and due date: how far along it is, not a figure to judge.
  {
    role: 'progress',
    pattern: /^progress( taken| made)?( to date)?$|^(%|percentage|per ?cent) (complete|completed|progress|done)$/,
    confidence: 1,
  },
  // "Target date", "Date to be achieved" (a data set's "DateToBeAcheivedYear", sic): when, not how much.
  {
    role: 'due',
    pattern:
      /^(by|by when|due|due date|deadline|completion date|timescales?|target (date|year|month)|date to be ach(ie|ei)ved( year| month)?)$/,
    confidence: 0.9,
  },
  // "Result explanation" (a data set's "ResultExp_en"), GC InfoBase's "target_explanation_en": words
  // on the result or the target, not the result or the target.
  { role: 'commentary', pattern: /^(results?|performance|target) (explanation|exp)$/, confidence: 0.9 },
  // A case list (layout C's timeliness): when each case started and when it was answered.
  {
    role: 'caseStart',
    pattern:
      /^(date )?(received|opened|logged|reported|referred|raised|start(ed)?|date of (receipt|referral|request))( date)?$|^(received|start|referral|request) date$/,
    confidence: 0.9,
  },
  {
    role: 'caseEnd',
    pattern:
      /^(date )?(responded|replied|closed|completed|answered|resolved|decided|end(ed)?|date of (response|reply|closure|completion|decision))( date)?$|^(response|reply|closure|completion|decision|end) date$/,
    confidence: 0.9,
  },
  { role: 'metShare', pattern: /^(target met )?yes$|^% (within|meeting) (target|standard)$|^within target$/, confidence: 0.9 },
  { role: 'notMetShare', pattern: /^(target met )?no$|^% outside (target|standard)$|^outside target$/, confidence: 0.9 },
  {
    role: 'ratingShare',
    pattern: /^(percentage|%) (of )?(total )?(returned|responses|answers)|^% (good|satisfied)|^percentage (good|satisfied)/,
    confidence: 0.9,
  },
  // "% in target", "% within timescale": the share done in the time allowed, the figure; "Completed
  // in target" the number done so, a figure too (a count, beside the share: see resolve-columns).
  // After a KPI return's "% within target", which pairs with "% outside target".
  {
    role: 'actual',
    pattern:
      /^((%|percentage|per ?cent|proportion)( of)?( (?!target)\w+){0,3}|(completed|closed|answered|responded to|dealt with|repaired|done)) (with)?in (target|time|timescales?|standard)( times?)?$/,
    confidence: 0.9,
  },
  // "% answered in under 10 seconds", "Answered in under 10 seconds" (999 calls, a league table of
  // police forces): the share done within a stated time is the figure. Not a measure's name ("Calls
  // answered within 10 seconds"), which a row of figures begins with as often.
  {
    role: 'actual',
    pattern:
      /^((%|percentage|per ?cent|proportion)( of)?( \w+){0,4}|(answered|responded to|resolved|closed|dealt with|processed|determined|seen|attended|replied to)) (within|in under|under|in less than|in) \d+ (working |calendar )?(seconds?|secs?|minutes?|mins?|hours?|days?|weeks?)$/,
    confidence: 0.9,
  },
  // "Status against target", "Performance v target": the status, though the words name the target;
  // so do a question ("Did we meet our target?", "On track?").
  {
    role: 'status',
    pattern:
      /^(status|rag|rag status|rating|performance|progress|position)( status)? (against|v\.?|vs\.?|versus|compared (to|with)|to) target$|^(on|met|achieved|meeting|hit) target\??$|^(meets?|met|meeting) (the )?(objective|standard|target)\??$|^met ?\/ ?not met$|^(did|have|has|was|were) (we|it|the council|they)( \w+)? (meet|met|achieve|achieved|hit|reach|reached) (our |the |its |their )?targets?\??$|^on track\??$|^(trajectory|plan|standard) (met|achieved)\??$|^(within|on|under) budget\??$|^compliance with (the )?(service )?(standards?|targets?|charter)$|^(complied|compliant)( with (the )?(service )?(standards?|targets?|charter))?\?$/,
    confidence: 0.9,
  },
  // The publisher's own gap ("Variance from target", "Variance %"): shown, never the figure or the target.
  {
    role: 'variance',
    pattern:
      /^(variance|var\.?|difference|gap|over ?\/ ?under|under ?\/ ?over)( (from|to|against|v\.?|vs\.?|versus|on) (target|plan|budget|profile|last (year|quarter|month|period)|previous (year|quarter|month|period)))?( %)?$|^(%|percentage|per ?cent|numeric|number|absolute|actual) (variance|difference|change)$|^(variance|difference|change) (%|percentage|per ?cent|numeric|number|absolute)$|^(%|percentage|per cent)( of)?( target)? (achieved|achievement|delivered)( (against|of|vs\.?) target)?$|^(%|percentage|per cent) (against|of|v\.?|vs\.?) target$/,
    confidence: 0.9,
  },
  // A projected figure ("Forecast outturn", "Projected year end"; a budget book's "YE Proj.", the
  // year-end projection): never the period's result.
  {
    role: 'forecast',
    pattern:
      /^(forecast|forecasted|projected|projection|predicted|estimated?)( (outturn|out-turn|year[- ]end|position|figure|result|performance|actual|value))?( \d{4}.*)?$|^(year[- ]end|outturn|out-turn|ye) (forecast|projection|projected|proj\.?)$/,
    confidence: 0.9,
  },
  {
    role: 'status',
    pattern:
      /^((quarter \d|q\d|year end|annual|current|performance|overall|month|monthly|in[- ]month|quarterly) )?(status|rag|rag status|rag rating|performance rating)( and (narrative|commentary|comments?))?$|^status colou?r$|^(on target|target achieved|target met|met target|achieved|met|success)\??$|^((interim|final|overall|self) )?(achievement|assessment)$/,
    confidence: 1,
  },
  // Last period's or last year's figure: read for direction of travel, never judged.
  {
    role: 'previous',
    pattern:
      /^(previous|prior|last) (value|period|quarter|month|year|result|outturn|figure|performance)\b(?! available).*$|^previous$|^same (period|point|quarter|month|time) (last year|in \d{4}([/-]\d{2,4})?|\d{4}([/-]\d{2,4})?)$|^(year end|year-end)( outturn| result| figure)?$|^last year$/,
    confidence: 0.9,
  },
  // A target for years ahead beside this year's ("2017/18 targets | 5-year target", GreenSquare), or
  // the level hoped for in the end beside this year's target ("Target | Desired Level", Fort Worth).
  {
    role: 'longTermTarget',
    pattern:
      /^(([2-9]|\d{2,}|two|three|four|five|ten)[- ]years?|long[- ]term|longer[- ]term|end of plan|multi[- ]year) (targets?|aims?|ambitions?)$|^desired level$/,
    confidence: 0.9,
  },
  // A budget on the row: the figure a target of "Within budget" holds the actual to. "Adopted"
  // alone, wherever it stands, is a budget book's adopted budget ("FY2024 | Adopted").
  {
    role: 'benchmark',
    pattern:
      /^adopted$|^(annual |approved |adopted |proposed |amended |revised |original |ytd |profiled |current year |this year )?budget( to date| ytd)?( %| £k| £m| £000s?| £'000s?)?$/,
    confidence: 0.8,
  },
  // "Quartile" over 1 to 4: where the figure stands among its peers, never a figure or a target.
  {
    role: 'rank',
    // Not "Position" alone: a board paper's current figure ("Standard | Target | Position | Met?").
    pattern: /^(rank|ranking|league position|quartile position|quartile)\b.*$|^position\b.+$|^.* (rank|ranking)$/,
    confidence: 0.9,
  },
  {
    role: 'benchmark',
    pattern:
      /^(national|england|regional|uk|peer|peer group|family group|nearest neighbours?|stat(istical)? neighbours?|comparator|sector|cipfa|london|welsh|wales|scottish|scotland|la|local authority|council|landlord) (average|median|mean|benchmark|figure|rate|value)( \d{2}([/-]\d{2})?| \d{4}([/-]\d{2,4})?)?$|^stat(istical)? neighbours?( \d{4}([/-]\d{2,4})?)?$|^(median|benchmark|bench mark|top quartile|upper quartile|lower quartile|best quartile|worst quartile)( value| figure)?$/,
    confidence: 0.9,
  },
  // "Housemark London median benchmark", "Housemark upper quartile": a benchmarking club's figure.
  // Only the club, an area and a statistic: "Target / benchmark" stays a target.
  {
    role: 'benchmark',
    pattern:
      /^((housemark|scottish housing network|shn) )?((london|national|regional|sector|peer( group)?|england|english|scottish|welsh|uk) )?((median|average|mean|upper quartile|lower quartile|top quartile) )?benchmark$|^(housemark|scottish housing network|shn)( (london|national|regional|sector|peer( group)?|england|english|scottish|welsh|uk))?( (median|average|mean|upper quartile|lower quartile|top quartile))?$/,
    confidence: 0.85,
  },
  // "Reduction on 2010-11" (Frimley Park's infections): the change since then, not that year's figure.
  // An SPC chart's "Variation" and "Assurance" (NHS England's Making Data Count): the publisher's own
  // reading of the trend, never a column to write comments into.
  {
    role: 'trend',
    pattern:
      /^(trend|direction of travel|travel|dot|d\.o\.t\.?|((short|long)( term)?) trend\b.*|year on year change|change|(change|reduction|increase|improvement) (from|on|since|compared (to|with)) .{1,40}|(better|worse) (or|\/) (worse|better)|variation|assurance|improving ?\/ ?(declining|worsening)|comparison (with|to) (last|previous) (year|quarter|month|period))$|^.{0,60}\b(compared (to|with)|comparison (with|to)|against) (the )?(last|previous|prior|same period last) (year|quarter|month|period)\??$/,
    confidence: 0.9,
  },
  {
    role: 'unit',
    pattern: /^(unit|units|unit of measure(ment)?|measure type|target type|((measure|actual|target) )?data ?type)$/,
    confidence: 0.9,
  },
  // A column naming each row's period ("Fiscal Year" over "FY2019-20", San Francisco's performance
  // metrics): it dates the figures beside it (fillPeriods). "Year", "Quarter" or "Month" alone may
  // head a column of periods down the side, which is read as the names.
  {
    role: 'reportingPeriod',
    pattern:
      /^(reporting period|time period|period|fiscal year|financial year|fiscal yr|reporting year|(end )?calendar year|period covered)$/,
    confidence: 0.9,
  },
  {
    role: 'commentary',
    pattern:
      /^(commentary|comments?|notes?|data notes?|narrative|explanation|remarks|variance (commentary|explanation)|performance commentary|officer commentary|latest (notes?|comments?|commentary|update))$/,
    confidence: 1,
  },
  {
    role: 'owner',
    pattern:
      /^(owner|kpi owner|lead|lead officer|responsible|responsible officer|accountable officer|named manager|responsible manager|manager|service lead|officer|directorate|lead directorate|team|owning team|responsible team|department|dept\.?|service area|slt lead|head of service|lead member)$/,
    confidence: 1,
  },
  {
    role: 'polarity',
    pattern:
      /^(polarity|good is|good performance is|direction|ideal direction|desired direction|better if|better is|aim|higher or lower( is better)?\??|(higher|lower) is better\??)$/,
    confidence: 1,
  },
  // Where the standard or the results are published ("performance_results_uri_en", "Web link"): an
  // address, never a figure, though its words name the target or the results.
  {
    role: 'source',
    pattern: /\b(uri|url|urls|hyperlinks?|web ?address(es)?|web ?links?)$/,
    confidence: 0.9,
  },
  // "Amber threshold" beside "Target (Green)": the figure at which a miss stops being a near one.
  { role: 'tolerance', pattern: /^tolerance( band)?( %)?$|^amber (threshold|trigger|tolerance|limit)$/, confidence: 1 },
  { role: 'target', pattern: /^((national|operational|service|local) )?standard$/, confidence: 0.9 },
  { role: 'baseline', pattern: /^baseline\b/, confidence: 1 },
  // "Time period to achieve target" over "Monthly | Annually | Financial year" (a council's annual
  // performance indicators): how often the target falls due, not the target.
  {
    role: 'frequency',
    pattern:
      /^(reporting )?frequency( of reporting)?$|^how often$|^time ?(period|frame|scale) (to achieve|for achieving|for) (the )?target$/,
    confidence: 1,
  },
  { role: 'source', pattern: /^(source of data|data source|source)$/, confidence: 1 },
  // "volume_meeting_target | total_volume | performance", "% | No. | Stock": the counts behind a share.
  {
    role: 'count',
    pattern:
      /^(numbers?|no\.? of cases|number of cases|cases|count|volume|total (cases|volume|number|count)|(housing )?stock|numerator|denominator|base|sample size|volume (meeting|within|inside|achieving) (the )?(target|standard)s?|(non-?)?compliant|properties (requiring|in scope)( \w+)?|(number|no\.?) of properties|total properties)$/,
    confidence: 0.9,
  },
  {
    role: 'reference',
    pattern:
      /^(case (ref|no|number|id)\.?|indicator no\.?|indicator number|indicator ref\.?|ind\.? (no|ref)\.?|ref\.?|reference|kpi (ref|no|number|code|id)\.?|pi (ref|no|number|code)\.?|measure (ref|no)\.?|no\.?|code|id|#|[a-z]{2,5} (no|ref|code|number)\.?)$/,
    confidence: 1,
  },
  // A national set's name over its codes: "TSM" over "RP01", "PAM" over "PAM/012", "NI" over "NI 157".
  { role: 'reference', pattern: /^(tsm|tsms|pam|pams|ni|nis|ascof|lgbf|bvpi|phof|sspi)$/, confidence: 0.9 },
  // A dataset's keys ("service_id", "service_standard_id"): references, though they are numbers.
  { role: 'reference', pattern: /^([a-z]+ ){1,3}(id|identifier)$/, confidence: 0.8 },
  {
    role: 'description',
    pattern:
      /^(kpi|pi|indicator|measure|performance indicator|performance measure|key performance indicator)s? (description|name|title|measurement)$|^(kpi|pi|indicator|measure) (ref|reference|no\.?) (and|&) (description|name|title)$|^(code|ref|reference) (and|&) (description|name|title)$|^(description|definition|indicator definition|indicator|indicators|measure|measures|kpi|kpis|performance measures?|performance indicators?|key performance indicators?|title|criteria|metrics?|performance metrics?|key metrics?|key measures?|key indicators?|key performance measures?|levels? of service)$/,
    confidence: 1,
  },
  // "Charter indicator", "Local measure", "Corporate KPI": a kind of indicator, named. The kinds
  // are listed: a body cell reading "Annual indicator" or "New measure" says something of its row.
  {
    role: 'description',
    pattern:
      /^(charter|local|corporate|national|statutory|service|council|strategic|core|tsm|outcome|operational|departmental|business plan) (indicator|measure|kpi|pi)s?$/,
    confidence: 0.9,
  },
  // "Pledge" (Hong Kong's Drainage Services): the promise each row's figures are held to, named.
  { role: 'description', pattern: /^((performance|service|customer) )?pledges?$/, confidence: 0.8 },
];

/** `Preventing Homelessness Performance Measure`, `Performance measure- Maximise income …` */
const THEMED_MEASURE = [/^(.+?)\s+performance measures?$/i, /^performance measures?\s*[-:]\s*(.+)$/i, /^criteria for (.+)$/i];

/** Words a number after them belongs to ("Quarter1", "Priority2", "Year3"). */
const NUMBERED_WORD =
  /^(quarter|qtr|month|period|year|week|phase|stage|level|tier|priority|category|grade|band|area|zone|ward|team|round|wave|half)$/;

/**
 * Guesses what a header cell means. Returns undefined for text it does not recognise;
 * the detector then decides from the column's contents or its place in the row.
 */
export function classifyHeader(raw: string): HeaderGuess | undefined {
  // "Q1 (2024/25)" reads as "Q1 2024/25"; a dataset's field name "target_met" as "target met", and
  // "comments_en" as "comments" (the English of a bilingual dataset; "_fr" is left unread).
  // A field name with dots ("Desired.Direction", "Target.MMR": a data set written out by R) too.
  const field = /^[a-z][a-z0-9]*(_[a-z0-9]+)+$|^[a-z][a-z0-9]*(\.[a-z][a-z0-9]*)+$/i.test(raw.trim());
  if (field && /_fr$/i.test(raw.trim())) return undefined;
  const text = (field ? fieldWords(raw) : normaliseHeader(raw))
    .toLowerCase()
    .replace(/[()[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (text === '' || text.length > 160) return undefined;
  // "PY Actual | CY Estimate" (a US budget book): the prior year's and the current year's, written short.
  const short = /^(py|cy) (?=[a-z])/.exec(text);
  if (short) return classifyHeader(`${short[1] === 'py' ? 'prior year' : 'current year'} ${text.slice(short[0].length)}`);
  // "name_en" (the GC InfoBase's indicators): a data set's field naming each row. "Name" typed as
  // a heading beside "Indicator" is as often a person's.
  if (field && text === 'name') return { role: 'description', confidence: 0.8, reason: `header "${raw.trim()}" names each row` };
  // GC InfoBase's "status_key" (met, not_met, not_available): the publisher's verdict. Its
  // "target_change" ("new_indicator") says how the target came about, and is no target.
  if (field && text === 'status key') return { role: 'status', confidence: 0.9, reason: `header "${raw.trim()}" holds the verdicts` };
  if (field && /^target changes?$/.test(text)) return undefined;
  // A sentence ("Performance is being monitored by the service manager.") is a comment, never a
  // heading; a question can be ("How do we know when we've achieved this?").
  if (/[a-z]\.$/.test(raw.trim()) && text.split(' ').length >= 6) return undefined;
  // "Statws / Status", "Ch3 / Q3": a bilingual heading, Welsh and English, read by its English
  // half. Only beside a Welsh word: "Status / Update" is a column of words, not a status.
  const halves = /^([^/]+?)\s+\/\s+([^/]+)$/.exec(text);
  if (halves) {
    const [welsh, english] = WELSH_HEADING.test(halves[1]!) ? [halves[1]!, halves[2]!] : [halves[2]!, halves[1]!];
    if (WELSH_HEADING.test(welsh)) {
      const guess = classifyText(raw, english);
      if (guess) return guess;
    }
  }
  // "RAG (Amber within 10%)": the heading, with its key after it (read for the band: see rag-key).
  const keyless = text.replace(/\s+(amber|green|red)\s*(=|:|-|is|within|if|up to)\s.*$/, '');
  if (keyless !== text && keyless) return classifyText(raw, keyless);
  const guess = classifyText(raw, text);
  if (guess) return guess;
  // "Near actual1", "Total receipts2" (a Hansard table): a footnote's number run into the heading's
  // last word. Not "Quarter1" or "Priority2", where the number is the heading's own.
  const marked = /\b([a-z]{4,})\d$/.exec(text);
  if (marked && !NUMBERED_WORD.test(marked[1]!)) return classifyHeader(text.slice(0, -1));
  const camel = camelCaseWords(raw);
  if (camel) return classifyHeader(camel);
  // "Perfomance", "Tatrget" (published as typed): a heading word one slip from a known one.
  const corrected = withoutSlips(text);
  const read = corrected === text ? undefined : classifyText(raw, corrected);
  if (read) return { ...read, confidence: Math.min(read.confidence, 0.8), reason: `${read.reason}, read as "${corrected}"` };
  // "Target (%)", "Dec 17 (%)", "Actual £m": the heading with its unit after it; "2012/13 (%)
  // Value" (two header rows joined): a "%" between the words as well.
  const bare = text.replace(UNIT_AFTER, '').replace(/\s+%(?=\s)/g, '');
  if (bare === text || bare === '') return undefined;
  // An answer with a unit ("Satisfied (%)", "Neither /Don't Know (%)") is the share that gave it:
  // a good answer's share is the figure, any other answer's is shown and never judged (it is no
  // figure to hold against a satisfaction target).
  if (GOOD_ANSWER.test(bare)) return { role: 'actual', confidence: 0.9, reason: `header "${raw.trim()}" is the share that answered so` };
  if (OTHER_ANSWER.test(bare) || RATING_WORDS.includes(bare))
    return { role: 'otherAnswers', confidence: 0.9, reason: `header "${raw.trim()}" is the share giving another answer` };
  return classifyText(raw, bare);
}

/** Heading words long enough that one slip in them cannot make another heading word. */
const SLIP_WORDS = [
  'performance',
  'target',
  'actual',
  'indicator',
  'description',
  'commentary',
  'comments',
  'measure',
  'status',
  'quarter',
  'achieved',
  'outturn',
  'benchmark',
  'previous',
  'direction',
  'tolerance',
  'baseline',
  'forecast',
  'variance',
];

/** A short heading with each long word's slip (a letter missing, extra, changed or two swapped) put right. */
function withoutSlips(text: string): string {
  const words = text.split(' ');
  if (words.length > 3) return text;
  return words.map((word) => (word.length < 6 ? word : (SLIP_WORDS.find((known) => oneSlipApart(word, known)) ?? word))).join(' ');
}

function oneSlipApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    // One letter changed, or two neighbours swapped.
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  const [longer, shorter] = a.length > b.length ? [a, b] : [b, a];
  return longer.slice(i + 1) === shorter.slice(i);
}

/**
 * A field name's words: "target_met" is "target met", "comments_en" "comments" (the English of a
 * bilingual data set), "MinTarget_num" "Min Target" (the type after the name says nothing more).
 */
function fieldWords(raw: string): string {
  return raw
    .trim()
    .replace(/_(en|num|txt|text)$/i, '')
    .split(/[_.]/)
    .map((part) => camelCaseWords(part) ?? part)
    .join(' ');
}

/** Welsh headings a bilingual council's tables carry beside the English. */
const WELSH_HEADING =
  /^(statws|dangosydd(ion)?|mesur(au)?|targed(au)?|ch ?[1-4]|chwarter [1-4]|gwirioneddol|canlyniad(au)?|sylw(adau)?|perfformiad|cyf(eirnod)?|blwyddyn|tuedd|cyfeiriad teithio|disgrifiad)$/;

const GOOD_ANSWER = /^((very|fairly|quite) )?(satisfied|good|agree)$|^(strongly agree|excellent|very good)$/;
const OTHER_ANSWER = /^neither\b.{0,40}$|^(don'?t know|no opinion|neutral|((very|fairly|quite|strongly) )?(dissatisfied|disagree|poor))$/;

/** A unit written after a heading, its brackets already spaces: " %", " £m", " days", " no.". */
/** Units written after a heading ("Target (%)", "2023/24 (£000)", "Actual hrs"), as a pattern's alternatives. */
export const HEADING_UNITS = String.raw`%|£|£m|£k|£000s?|£'000s?|\$|\$000s?|days?|no\.?|nos\.?|number|hours?|hrs|mins|minutes|weeks?|per ?cent`;
const UNIT_AFTER = new RegExp(String.raw`\s+(${HEADING_UNITS})$`);

const QUARTER_PERFORMANCE_ON_DAY =
  /^(q|quarter )[1-4] (actual|outturn|result|performance) (as at )?\d{1,2}(st|nd|rd|th)? [a-z]{3,9} \d{4}$/;
const RATING_HEADING = '(?:rag|rag status|rag rating|status|rating|assessment|performance rating)';
const STATUS_OF_PERIOD = [new RegExp(`^(?<period>.+) ${RATING_HEADING}$`), new RegExp(`^${RATING_HEADING} (?<period>.+)$`)];

function classifyText(raw: string, text: string): HeaderGuess | undefined {
  if (RATING_WORDS.includes(text)) {
    return { role: 'rating', rating: raw.trim(), confidence: 0.9, reason: `"${raw.trim()}" is a satisfaction rating` };
  }
  for (const rule of RULES) {
    if (!rule.pattern.test(text)) continue;
    // "Q1 status | Q2 status | Q3 status": each quarter's rating.
    const quarter = rule.role === 'status' ? /^(?:quarter |q)(\d) /.exec(text) : null;
    const period =
      quarter && Number(quarter[1]) >= 1 && Number(quarter[1]) <= 4
        ? { kind: 'quarter' as const, quarter: Number(quarter[1]) as 1 | 2 | 3 | 4 }
        : undefined;
    return { role: rule.role, confidence: rule.confidence, reason: `header "${raw.trim()}"`, ...(period ? { period } : {}) };
  }
  // "Profile to date" beside "Actual to date", the NHS's "Threshold" and "YTD threshold": the
  // target by another name, the year to date's where it says so.
  // An infection "Limit", "Control limit year to date", "Annual limit" or "Ceiling" (NHS trusts'
  // board reports) is a target too, one not to go over.
  const profile =
    /^(ytd |year to date |annual )?(threshold|profile|profiled target|target profile|plan|planned|(control )?limit|ceiling)( to date| ytd| year to date)?$|^target to date$/.exec(
      text,
    );
  if (profile)
    return {
      role: 'target',
      confidence: 0.9,
      reason: `header "${raw.trim()}" is the target by another name`,
      ...(/\b(ytd|to date)\b/.test(text) ? { period: { kind: 'ytd' as const } } : {}),
    };
  // "% compliant" beside "Compliant | Non-compliant" counts: the share, the figure judged.
  if (/^(%|percentage|per ?cent) (compliant|compliance|in date|valid)$/.test(text))
    return { role: 'actual', confidence: 0.9, reason: `header "${raw.trim()}" is the share` };
  // "Our 2023/24 | Our 2024/25" beside "England 2023/24": the organisation's own figure for each year.
  const own = /^(our|council|trust|force) (?<period>.+)$/.exec(text)?.groups?.period;
  const ownPeriod = own ? parsePeriodLabel(own) : undefined;
  if (ownPeriod)
    return { role: 'actual', period: ownPeriod, confidence: 0.9, reason: `header "${raw.trim()}" is our own figure for a period` };
  // "3 year average", "Avg5yr", "Average of the last 3 years": the past's level, to compare the
  // figure with (a benchmark, not last period's figure), never the figure.
  if (
    /^(\d|three|five)[- ]?(yr|year) (rolling )?(average|avg)$|^(avg|average) (of )?((the )?(last|previous|past) )?(\d|three|five) ?(yrs?|years?)$/.test(
      text,
    )
  )
    return { role: 'benchmark', confidence: 0.9, reason: `header "${raw.trim()}" is an average of past years, to compare with` };
  // "England 2023/24", "Statistical neighbours 2023/24": a wider area's figure for a period, to compare with.
  const area =
    /^(england|wales|scotland|northern ireland|uk|great britain|national|regional|region|london|statistical neighbours?|nearest neighbours?|family group|comparator group|peer group|similar councils|cipfa (family|neighbours?)) (?<period>.+)$/.exec(
      text,
    )?.groups?.period;
  if (area && parsePeriodLabel(area))
    return { role: 'benchmark', confidence: 0.9, reason: `header "${raw.trim()}" is a wider area's figure to compare with` };
  // "2024/25 status", "Q2 2024/25 RAG", "RAG Mar 2025": one period's rating, as a tracker gives one
  // for each period side by side.
  const rated = STATUS_OF_PERIOD.map((pattern) => pattern.exec(text)?.groups?.period).find(Boolean);
  const ratedPeriod = rated ? parsePeriodLabel(rated) : undefined;
  if (ratedPeriod) return { role: 'status', period: ratedPeriod, confidence: 1, reason: `header "${raw.trim()}" is a period's rating` };
  // "2004-05 Percentage Performance Against Category B Target": the figure measured against a
  // target, for the period it names, not the target. Without a period ("% achieved against
  // target") it is the publisher's ratio of the two (see the variance rule).
  const againstTarget = /\b(performance|percentage|result|achieved|achievement)\b.{0,40}\bagainst\b.{0,40}\btargets?$/.test(text)
    ? periodInText(text)
    : undefined;
  if (againstTarget)
    return { role: 'actual', confidence: 0.9, reason: `header "${raw.trim()}" is the figure against a target`, period: againstTarget };
  // "Percentage of cases responded to within target time" (St John WA): the share that met it.
  if (
    /^(%|percentage|proportion|share|number)\b.*\b(within|inside|in|on|meeting|met|achieving)( the)? targets?( times?| timescales?| dates?)?$/.test(
      text,
    )
  )
    return { role: 'actual', confidence: 0.9, reason: `header "${raw.trim()}" is the share that met the target` };
  // "Goal 2024/25", "Annual ambition", "Trajectory" (the NHS's planned figure): a target by another
  // name. "Goal" or "Ambition" alone heads a column of themes as often ("A thriving economy").
  // "2018/19 Budget Standard" (NZ Corrections' appropriation standards), "Objective 2024/25" (an NHS
  // trust's infection objective): the year's level to meet.
  const byAnotherName = !/\btargets?\b|\btrajector(y|ies)\b/.test(text);
  if (
    /\b(targets?|goals?|trajector(y|ies)|ambitions?|standards?|objectives?)\b/.test(text) &&
    !/target met|target date|target hardening|standards? (met|achieved)|(within|outside|meeting|meet) (the )?standard|against (our |the |its )?(\w+ )?standards?/.test(
      text,
    ) &&
    !(byAnotherName && !/\b(annual|yearly|year|ytd|\d{2}\/?\d{2})\b|\bfy ?\d{2}/.test(text))
  ) {
    const rest = text
      .replace(
        /\b(annual|targets?|goals?|trajector(y|ies)|ambitions?|(budget )?standards?|objectives?|yearly|year|full year|for|ytd|our|profiled?)\b/g,
        ' ',
      )
      .replace(/\s*%(?=\s|$)/g, ' ')
      .trim();
    // "Target 2025" may be for 2024/25, 2025/26 or the calendar year: it dates nothing.
    // "YTD Target" beside "Annual Target": the target for the year to date, never the year's.
    // "Target 2023/24 (days)": the unit after the period is no part of it.
    const dated = rest.replace(UNIT_AFTER, '');
    // "2011-2012 Target and Report on Performance" (Port Adelaide Enfield): the year the words open with.
    const opening = /^(\S+)\s/.exec(dated)?.[1];
    const named = dated
      ? (parsePeriodLabel(dated) ?? (opening && /\d/.test(opening) ? parsePeriodLabel(opening) : undefined))
      : /\bytd\b/.test(text)
        ? ({ kind: 'ytd' } as const)
        : undefined;
    const period = named?.kind === 'year' && named.calendar ? undefined : named;
    // A standard is a target only where nothing but its year is left ("Decent Homes Standard
    // 2023/24" names a measure).
    const standardOnly = /\b(standards?|objectives?)\b/.test(text) && !/\b(targets?|goals?|trajector(y|ies)|ambitions?)\b/.test(text);
    if (!standardOnly || dated === '' || named)
      return {
        role: 'target',
        confidence: dated === '' || period ? 1 : 0.8,
        reason: `header "${raw.trim()}"`,
        ...(period ? { period } : {}),
      };
  }
  for (const pattern of THEMED_MEASURE) {
    const match = pattern.exec(plainDashes(raw).trim());
    if (match) {
      return { role: 'description', confidence: 0.9, reason: `header "${raw.trim()}" names the measures`, title: match[1]!.trim() };
    }
  }
  // "Year to date (end of February)" (St Helens and Knowsley's board report): the year so far, to
  // the month it names.
  if (/^(year to date|ytd)( to)?( the)? end of [a-z]+( \d{4})?$|^(year to date|ytd) to [a-z]+( \d{4})?$/.test(text))
    return { role: 'actual', period: { kind: 'ytd' }, confidence: 0.9, reason: `header "${raw.trim()}" is the year to date` };
  // "P7 | P8 | P9" heading columns: a housing association's periods of its financial year. Only as
  // a heading, and only from P5: "P1 | P2 | P3 | P4" head repair priorities or call grades as often.
  const period = parsePeriodLabel(text.replace(/^p(?=(1[0-2]|[5-9])\b)/, 'period '));
  if (period) return { role: 'actual', period, confidence: 1, reason: `header "${raw.trim()}" is a period` };
  // "PROJECTED 21/22" (Bedford's budget book): a period's projected figure, never its result. An
  // estimate may be judged ("03/04 target | 03/04 estimate | Status", Bath and North East Somerset).
  const projected =
    /^(forecast|projected|projection|predicted) (?<after>.+)$/.exec(text) ??
    /^(?<before>.+) (forecast|projected|projection|predicted)$/.exec(text);
  const projectedPeriod = projected ? parsePeriodLabel(projected.groups!.after ?? projected.groups!.before!) : undefined;
  if (projectedPeriod)
    return { role: 'forecast', period: projectedPeriod, confidence: 0.9, reason: `header "${raw.trim()}" is a projected figure` };
  // "Annual result", "Full year outturn": the whole year's figure, its year taken from the table's.
  if (/^(annual|full[- ]year|whole[- ]year) (results?|outturn|actual|performance|figure)$/.test(text))
    return { role: 'actual', period: { kind: 'year' }, confidence: 0.9, reason: `header "${raw.trim()}" is the year's figure` };
  // "Mid-Year Result" beside "Full-Year Result" (San Francisco): the first half's figure.
  if (/^(mid[- ]year|half[- ]year) (results?|outturn|actual|performance|figure)$/.test(text))
    return {
      role: 'actual',
      period: { kind: 'half', half: 1 },
      confidence: 0.9,
      reason: `header "${raw.trim()}" is the first half's figure`,
    };
  // "Year End Group 2023/24 Actual", "2019/20 outturn": a period, then the word for an actual; or
  // the word between a quarter and its last day ("Q2 performance (30 September 2013)", West Yorkshire).
  if (/\b(actuals?|outturn|result|performance)$/.test(text) || QUARTER_PERFORMANCE_ON_DAY.test(text)) {
    const named = periodInText(text);
    if (named) return { role: 'actual', period: named, confidence: 0.9, reason: `header "${raw.trim()}" names a period's actual` };
  }
  // "% Achievement of client charter" over the months (Kelantan Public Library Corporation): a share achieved.
  if (/^(% ?|percentage |per ?cent )(of )?achieve(ment|d)\b/.test(text))
    return { role: 'actual', confidence: 0.9, reason: `header "${raw.trim()}" is the share achieved` };
  // "Agency result", "Council performance", "Our actual": the organisation's own figure, beside its
  // own target ("Agency target | Agency result", the Valuation Office Agency).
  if (
    /^(our|agency|council|trust|force|group|organisation|organization|authority|service|company|board) (actuals?|outturn|results?|performance)$/.test(
      text,
    )
  )
    return { role: 'actual', confidence: 0.9, reason: `header "${raw.trim()}" is the organisation's own figure` };
  // "Latest Scottish Average" (a charter report card): the comparator's latest figure, not ours.
  const latestOf = /^latest (.+)$/.exec(text);
  const comparator = latestOf ? classifyText(raw, latestOf[1]!) : undefined;
  if (comparator?.role === 'benchmark') return comparator;
  const actual =
    /^(actual|actuals|near actual|outturn|result|results|performance|value|current value|current performance|latest|latest actual|this (quarter|month|period|year)|current (quarter|month|period|year)|latest (quarter|month|period|figure|result|data)|achieved|(end[- ]year|year[- ]end) achievement|actual performance|performance achieved|percentage)(?:\s+(?<suffix>.+))?$/.exec(
      text,
    );
  if (actual) {
    // "Actual 2018/19 and Progress Status" (North Lanarkshire): the status is in the column beside.
    const suffix = actual.groups?.suffix?.replace(/\s+and\s+(progress\s+)?(status|rag)(\s+status)?$/, '');
    const suffixPeriod = suffix ? (parsePeriodLabel(suffix) ?? parseMonthYear(suffix)) : undefined;
    return {
      role: 'actual',
      confidence: 1,
      reason: `header "${raw.trim()}"`,
      ...(suffixPeriod ? { period: suffixPeriod } : {}),
    };
  }
  return undefined;
}

/** `Jul 2010` as a month with its year. */
function parseMonthYear(text: string): Period | undefined {
  const match = /^([a-z]{3,9})\s+(\d{4})$/.exec(text);
  if (!match) return undefined;
  return parsePeriodLabel(`${match[1]} ${match[2]!.slice(2)}`) ?? parsePeriodLabel(`${match[1]}-${match[2]}`);
}

/**
 * A column headed by a wider area or body than the table's own ("Trust | Network | National",
 * "Council | Region"): the figures to compare with, once the body's own column is to its left. A
 * country alone is not one: "England | Wales" are a landlord's two areas.
 */
export const COMPARATOR_HEADER =
  /^(national|nationally|regional|region|network|cancer alliance|all trusts|all england|nhs england|england|wales|scotland|northern ireland|uk|great britain|peer group|peers|sector|family group|similar councils|nearest neighbours?|stat(istical)? neighbours?|cipfa (group|family|neighbours?)|comparator( group)?|benchmark group)$/;
