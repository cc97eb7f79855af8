import { parsePeriodLabel } from '../periods/parse-period-label';
import { formatFigure } from './format-figure';
import { findKnownIndicator } from './polarity-library';
import { isTimeUnit } from './time-units';
import { getOrInsert, memoByText } from '../model/memo';
import { aimSaysWhichWay, maintainOrWay, type Polarity, type Target } from './target-types';

export type PolaritySource =
  'column' | 'officer' | 'target wording' | 'library' | 'description' | 'target unit' | 'sheet rating' | 'assumed';

export interface PolarityDecision {
  readonly polarity: Polarity;
  readonly source: PolaritySource;
  readonly assumed: boolean;
  /** e.g. "lower is better (arrears)" */
  readonly reason: string;
}

/** Reads a polarity cell or setting: "Higher is better", "Lower", "↑", "▼", "Polarity: Up", "Smaller is better", "Neither". */
export function parsePolarityText(text: string): Polarity | undefined {
  const t = text
    .trim()
    .toLowerCase()
    // "Performance arrow - up" (North Lanarkshire): the arrow's alt text names the way.
    .replace(
      /^(polarity|good is|good performance is|better if|better is|aim|(performance |ideal )?(arrow|direction))\s*[:=-]?\s*/,
      (prefix) => (prefix.startsWith('good') ? 'good is ' : ''),
    )
    .trim();
  if (t === '') return undefined;
  // Each word must end where the cell's word ends: "Upper quartile" is no "Up".
  if (
    /^(high(er)?|up|↑|▲|△|⬆|bigger|larger|more|increase|maximi[sz]e|higher is better|high is good|bigger is better|good is high|\+)(\b|$|\s)/.test(
      t,
    ) ||
    /^(↑|▲|△|⬆|\+)/.test(t)
  )
    return 'higher';
  if (
    /^(low(er)?|down|↓|▼|▽|⬇|smaller|less|fewer|decrease|reduce|minimi[sz]e|lower is better|low is good|smaller is better|good is low|-)(\b|$|\s)/.test(
      t,
    ) ||
    /^(↓|▼|▽|⬇)/.test(t)
  )
    return 'lower';
  if (/^(good is )?(none|neither|n\/a|no direction|context|contextual|monitor)\b/.test(t)) return 'none';
  if (/^good is (high|higher)\b/.test(t)) return 'higher';
  if (/^good is (low|lower)\b/.test(t)) return 'lower';
  return undefined;
}

/** The word a wait or a time taken is named by in a reason, which a percentage target turns round. */
const TIME_TAKEN = 'time taken';

const LOWER_WORDS: ReadonlyArray<[RegExp, string]> = [
  [/\barrears?\b/i, 'arrears'],
  [/\brent lost\b|\brent loss\b|\bvoid loss\b|\brent (due )?lost through\b/i, 'rent lost'],
  [/\bvoids?\b|\bvacant\b/i, 'void'],
  [/\btime taken\b|\bdays taken\b/i, TIME_TAKEN],
  [
    /\b(average|mean|median) (number of )?((calendar|working|clear) )?(days|time|weeks|hours|wait|waiting time|length|response time)\b|(?<!\b(benchmark|national|state|regional|peer|sector|group|county|england|scottish|welsh|texas) )\baverage of\b/i,
    'average time',
  ],
  [
    /\bwaiting time\b|\bwait(ing)? (for|times?)\b|\blength of stay\b|\b(response|attendance|arrival|processing|dispatch|turnout|handling) times?\b|\btime to\b|\bdays to\b/i,
    TIME_TAKEN,
  ],
  [/\b(re-?let|relet) (times?|days|period)\b|\bturnaround\b/i, 're-let time'],
  [/\bsickness\b|\babsence\b|\bdays lost\b/i, 'sickness absence'],
  [/\bevictions?\b/i, 'evictions'],
  [/\bwrite[- ]?offs?\b|\bwritten[- ]off\b/i, 'write-offs'],
  // Not what is done about it: homes without a certificate "brought into compliance".
  [
    /^(?!.*\b(brought|made|returned|put right|rectified|remedied)\b).*(\bnon-?decent\b|\bnot meeting\b|\bnot met\b|\b(do|does|did) not meet\b|\bfail(s|ing|ed)? to meet\b|\bfalling below\b|\bbelow (the )?standard\b|\b(below|under) grade [a-d]\b|\bwithout (a |an )?(valid|current|in[- ]date|up[- ]to[- ]date)\b)/i,
    'falling short of a standard',
  ],
  // Offers turned down, cases taken further, a repair done twice: each a failure of the first try.
  [/\b(offers?|tenancies|properties|homes) (refused|declined|turned down)\b|\b(offer|tenancy) refusals?\b/i, 'refusals'],
  // Paid or answered late: "% Value paid over 30 days" (the Better Payment Practice Code).
  [
    /\b(paid|processed|completed|answered|responded to|dealt with) (over|after|outside|later than|in more than) (\d|(the )?(target|timescale|deadline|standard|agreed))|\b(paid|processed|completed|answered) in \d+ (working |calendar )?(days?|weeks?) or (more|longer)\b|\blate (payments?|returns?|responses?)\b/i,
    'late',
  ],
  // A complaint taken to its next stage; not a safeguarding referral escalated in time, nor one
  // "not escalated".
  [/(?<!\b(not|without|no) )\bescalat(ed|ions?)\b.*\bstage\b|\bstage (2|two) escalations?\b/i, 'escalations'],
  // A repair done twice; not a food recall's warnings posted on time, nor visits to victims.
  [/^recalls?\b|\b(repairs?|jobs?) recalls?\b|\brecalls?\b.*\brepairs?\b|\brepeat (repair )?visits?\b.*\brepairs?\b/i, 'recalls'],
  // The size of a waiting list, people waiting over a time, people delayed; not lets to those on
  // the list, reviews of it, patients who did "not wait more than 4 hours", discharges "not delayed".
  [
    /^(total |number (of people |of households )?on (the )?|(people|households|applicants) on (the )?)?(housing |homecare |care |total )?waiting lists?\b(?!.*\b(reviews?|completed|lets?|rehoused|housed)\b)|^(?!.*\b(not|never|should|n't)\b.*\bwait).*\bwait(s|ing)? (over|more than|longer than|of more than)\b|\b(people|patients|residents|discharges?|transfers?)\b.*(?<!\bnot )\bdelayed\b/i,
    'waiting and delays',
  ],
  [
    /\bplace(d|ments?)\b.*\bmore than \d+ (miles|km|kilometres)\b|\bout of (area|borough|county) (placements?|placed)\b/i,
    'placed far from home',
  ],
  [/\bbacklog\b|\boverdue\b|\boutstanding (repairs|cases|debt|balance|jobs|work|items)\b/i, 'backlog'],
  [/\bin (temporary accommodation|b&b)\b|\bbed and breakfast\b|\bb&b\b/i, 'use of temporary accommodation'],
  [/\bcomplaints? (received|upheld)\b|\bupheld\b/i, 'complaints upheld'],
  [/\bcost(s)? (of|per)\b/i, 'cost'],
  // Pupils excluded from school; not "(exclusions apply)" or "digital exclusion".
  [/\b(permanent|fixed[- ]term|school) exclusions?\b|\bexclusion rates?\b|\bexclusions? (from|of)\b|\bpupils? excluded\b/i, 'exclusions'],
  [/\bpositive (random |mandatory )?drugs? tests?\b/i, 'positive drug tests'],
  [/\bdifference between\b|\battainment gap\b/i, 'a gap to close'],
  [/\bmissed\b|\bnon-collection\b/i, 'missed collections'],
  [/\bcontamination\b/i, 'contamination'],
  [/\bnot in education, employment or training\b|\bneet\b/i, 'not in education, employment or training'],
  [/\bhomeless(ness)? (acceptances?|presentations|applications)\b|\bacceptances\b|\bincidences? of homelessness\b/i, 'homelessness'],
  // Roads "that should be considered for maintenance treatment" (the Scottish road condition index).
  [/\broad(s| network)?\b.*\b(considered for|in need of|requiring|needing) (maintenance|repair|treatment)\b/i, 'roads needing repair'],
  [
    /\bincidents?\b|\bfires\b|\bdeaths?\b|\bfatalit(y|ies)\b|\binjur(y|ies)\b|\baccidents?\b|\bcollisions?\b|\bcrash(es)?\b|\bcasualties\b/i,
    'incidents and harm',
  ],
  [
    /^(?!.*\b(issued|detected|solved|prosecut\w*|enforcement|action taken|outcomes?|charged|cleared up|clearance|reported|reporting)\b).*(\bcrimes?\b|\boffen(c|s)es\b|\banti-?social behaviour\b|\bfly[- ]?tipping (incidents|reports)\b|\bburglar(y|ies)\b|\brobber(y|ies)\b|\btheft\b|\bviolen(ce|t)\b|\bassaults?\b|\bshoplifting\b|\bshootings?\b|\bhomicides?\b|\bmurders?\b|\bstabbings?\b)/i,
    'crime',
  ],
  // Not work done "free of any error" or "error-free", the share done right.
  [/^(?!.*\b(free (of|from) (any )?errors?|without (any )?errors?|error[- ]free)\b).*(\berrors?\b|\bcancell?ed due to\b)/i, 'errors'],
  // Not "Abandoned vehicles removed within 24 hours".
  [/\babandon(ed|ment)\b(?! vehicles?)/i, 'calls abandoned'],
  // The NHS's healthcare-associated infections, however a board report names them.
  [
    /\binfections?\b|\bmrsa\b|\bmssa\b|\bc\.? ?diff(icile)?\b|\bclostridi(um|oides) difficile\b|\bcdi\b|\be\.? ?coli\b|\bbacteraemias?\b|\bklebsiella\b|\bpseudomonas\b/i,
    'infections',
  ],
  [/\bpressure (ulcers?|sores?|damage)\b|\bfalls? (with|resulting in) (moderate |severe )?harm\b|\bnever events?\b/i, 'harm to patients'],
  // A board report's falls rate ("Falls per 1000 occupied bed days", The Christie), not falls prevented.
  [/^(?!.*\bprevent\w*\b)(.*\b(inpatient|patient)s? falls\b|falls (per|rate)\b)/i, 'harm to patients'],
  [/^(?!.*\b(vaccin\w*|immunis\w*|uptake)\b).*(\bhospital[- ]onset\b|\bcovid(-19)?\b.*\bcases\b)/i, 'infections'],
  [/\bhsmr\b|\bshmi\b|\bmortality\b/i, 'deaths'],
  [/\bre-?admissions?\b|\bre-?admitted\b/i, 'readmissions'],
  // Not "Cancelled operations rebooked within 28 days", what was done about them.
  [
    /^(?!.*(?<!\bnot )\b(re-?booked|re-?arranged|treated|offered)\b).*(\bcancell?ed (operations?|appointments?|procedures?|surgery|elective)\b|\bcancellations?\b)/i,
    'cancellations',
  ],
  // "Ambulance handover over 60 minutes", "patients waiting more than 12 hours": waits past a limit.
  // Not a guarantee that none should wait so long ("no patient … should wait longer than 12 weeks").
  [
    /^(?!.*\b(no (patient|one|person|child)s?|should not|must not|guarantee)\b).*\b(handovers?|wait(s|ing)?|delays?|breach(es)?|trolley)\b.*\b(over|more than|longer than|exceeding) \d+/i,
    'waits past a limit',
  ],
  [/\bcomplaints per\b/i, 'complaints'],
  // "Deliver services within the £49.97m budget" (Nottinghamshire Fire and Rescue): spend held to it.
  // The service itself kept to its budget; not "Projects delivered within budget", a share of projects.
  [
    /^(deliver|provide|run|operate|manage|keep)\w*\s+((the |our |its |all )?services?\s+)?within (the |its |our |agreed )?([£$][\d.,]+\s*(m|k|bn|million)?\s+)?budget\b/i,
    'spending',
  ],
  // A water company's service standards (Gippsland Water): supply lost, sewers blocked or spilt.
  // Not "Water outages restored within 5 hours", what was done about them.
  [
    /^(?!.*\b(restored|repaired|resolved|fixed|cleared|attended)\b).*(\b(supply )?interruptions?\b|\boutages?\b|\bblockages?\b|\bsewer spills?\b|\bbursts?\b)/i,
    'interruptions',
  ],
  // "Maximum number of sewer blockages a customer may experience", "Cap net debt service at 25%".
  [/^(maximum|max\.?) (number|time|duration|wait|delay)\b|^(cap|limit)\b/i, 'a most allowed'],
  [
    /^(?!.*\b(collection|collected|recovered|recovery)\b).*\bdebt (as a (percentage|proportion|share)|to [a-z]+ ratio|ratio)\b/i,
    'debt and claims owed',
  ],
  [/\bdid not attend\b|\bdna rate\b|\bwas not brought\b/i, 'missed appointments'],
  [/\bcall attrition\b|\battrition rate\b/i, 'calls abandoned'],
  [/\b(killed|seriously injured|ksi)\b/i, 'incidents and harm'],
  // Not smokers who quit: helping them stop is better higher.
  [
    /^(?!.*\b(quit\w*|cessation|stop\w*)\b).*\bsmok(ing|ers)\b|\bobes(e|ity)\b|\bexcess weight\b|\boverweight\b|\bfalls?\b.*\badmissions?\b/i,
    'harm to health',
  ],
  [/\brough sleep(ers|ing)\b|\bsleeping rough\b/i, 'rough sleeping'],
  [
    /^(?!.*\bout of\b).*\bpoverty\b|\blow[- ]income (families|households)\b|\bphysically inactive\b|\binactivity\b/i,
    'poverty and inactivity',
  ],
  [/\b(long[- ]term )?empty (homes|properties|dwellings)\b(?!.*\b(brought|returned|back)\b)/i, 'empty homes'],
  // Not carbon saved or emissions avoided.
  [
    /^(?!.*\b(sav(ed|ings?)|avoided|offset)\b).*(\bcarbon (emissions|footprint)\b|\bco2\b|\bemissions\b|\benergy (use|consumption)\b)/i,
    'emissions',
  ],
  // Staff turnover, not a business's turnover.
  [/\b(staff|employee|workforce|voluntary|labour|tenancy) turnover\b|^(voluntary )?turnover\b/i, 'turnover'],
  [/\bagency (costs?|spend|staff|workers)\b|\bovertime\b|\btemporary accommodation (spend|costs?)\b/i, 'costs'],
  [/\bclaimant count\b|\bunemployment (rate|level)\b/i, 'unemployment'],
  // Debt owed, not debt collected.
  [
    /^(?!.*\b(collected|collection|recovered|recovery|paid)\b).*(\bsundry debt\b|\bdebt (outstanding|owed)\b|\b(claims|debt) outstanding\b|\boutstanding claims\b)/i,
    'debt and claims owed',
  ],
  // Decisions overturned at appeal, inspections failed: the work was found wanting.
  [/\b(overturned|lost) (at|on) appeal\b|\binspections? failed\b|\bfailed inspections?\b/i, 'found wanting'],
  // Not "acceptable levels of litter" (the share of land kept clean), nor penalty notices issued for litter.
  [/\bunacceptable\b.*\b(litter|detritus|graffiti)\b/i, 'litter'],
  [/\bvacancy rate\b/i, 'vacancy rate'],
  [/\bmaladministration\b/i, 'maladministration'],
  // Spending against a budget; not spend with local suppliers, which a council wants more of.
  [/^(?!.*\b(local|sme|smes|small business(es)?|social value|voluntary sector)\b).*\b(spend|expenditure|overspend)\b/i, 'spending'],
  [/\bre-?offend\w*\b|\bfirst[- ]time entrants\b/i, 'reoffending'],
  [
    /\bre-?referr(als?|ed)\b|\bfor a second (or subsequent )?time\b|\blasting (2|two) years or (more|longer)\b|\bplan for (2|two) or more years\b/i,
    'repeat referrals',
  ],
  // Children's services' rates ("Rate of Looked After Children per 10,000", Cheshire West: "Reduce
  // the rate"), and moves between placements.
  [/\b(looked after children|children (in care|looked after))\b.*\bper \d|\b(3|three) or more placements\b/i, 'children in care'],
  [/\b(issued|decided|completed|answered|responded|processed)\b.*\b\d+ or more\b.*\b(days|weeks)\b/i, 'done late'],
  // Waste thrown away per home (Mid Devon: a fall "supported this positive trend").
  [
    /^(?!.*\b(recycl\w*|compost\w*|garden|reused?)\b).*\bwaste (collected )?per (household|head|person|capita|property)\b/i,
    'waste and false alarms',
  ],
  [/\bresidual (household )?waste\b|\bfalse alarms?\b|\bunwanted fire signals\b/i, 'waste and false alarms'],
  [/\bappeals? (allowed|upheld|lost)\b/i, 'appeals allowed'],
  [
    /\badmissions?\b.{0,40}\b(to|into) (residential|nursing|care)\b|\bcare home admissions?\b|\bdelayed (transfers|discharges?)\b/i,
    'admissions to care',
  ],
  [
    /\bnot (\w+ )?(completed|resolved|answered|responded to|dealt with|paid|processed|cleared|determined|decided) (within|in time|on time)\b/i,
    'not done in time',
  ],
  [/\brepeat (victims?|victimisation|incidents|referrals|homelessness|repairs|calls|offend\w*)\b/i, 'repeat harm'],
];

/**
 * Something done about a harm ("ASB cases resolved", "Voids let within target time", "% of
 * tenants in arrears with an agreed payment plan", "Rent loss recovered"): better higher, though
 * the harm's word alone is better lower.
 */
const MEETS_A_STANDARD =
  /\b(meeting|meets|achieving)\s+(the\s+|our\s+)?(\w+\s+){0,3}(standard|measure|target|apm)\b|\b(standard|target|apm) (was |were |is )?(met|achieved)\b|\bwithin (the )?(\w+ )?(response|attendance) (standard|time)\b/i;

const DONE_ABOUT_A_HARM =
  /\b(cases? (resolved|closed)|resolved|false alarms?( \w+)? challenged|closed (within|at stage|in)|(re-?)?let within|returned to let|with an agreed (payment )?plan|with no (sickness )?absence|returned within|return to work interviews?|referred for (money|debt) advice|recovered|investigated within|brought back into use|duty was prevented)\b/i;

const HIGHER_WORDS: ReadonlyArray<[RegExp, string]> = [
  [
    /\bwithin\s+\d+|\b(paid|answered|completed|processed|responded to|resolved|closed|dealt with) in \d+ (working |calendar )?(days?|hours?|minutes?|weeks?)\b(?! or (more|longer))/i,
    'within a time',
  ],
  [/\bcollected\b|\b(rent|tax|rates|debt|income) collection\b|\bcollection rates?\b/i, 'collected'],
  // Income raised, not households on a low income.
  [/^(?!.*\blow[- ]income\b).*\bincome\b/i, 'income'],
  [/\bsatisf(ied|action)\b/i, 'satisfied'],
  [/\bprevent(ed|ion|ing)?\b/i, 'prevented'],
  [/\bsuccessful(ly)?\b|\bpositive outcomes?\b/i, 'successful'],
  [
    /\bcompleted on time\b|\bon time\b|^%? ?(completed |closed |answered )?(with)?in (time|target|timescales?)( times?)?$|\bwithin (the )?timescales?$/i,
    'on time',
  ],
  [/\bresponded to\b|\banswered\b/i, 'responded to'],
  // Notice given ahead: "Notify registered victims … 3 or more calendar days in advance".
  [/\b(days?|hours?|weeks?|months?) in advance\b/i, 'notice given in time'],
  [/\battendance\b/i, 'attendance'],
  [/\bcompliance\b|\bcompliant\b|\bsafety certificates?\b|\bservic(ed|ing)\b/i, 'compliance'],
  [/\bresolved?\b/i, 'resolved'],
  [/\btake[- ]?up\b/i, 'take-up'],
  [/\bdelivered\b|\bcompleted\b/i, 'delivered'],
  [/\bfree (of|from) (any )?errors?\b|\bwithout (any )?errors?\b|\berror[- ]free\b|\baccura(te|cy)\b/i, 'done right'],
  [/\bclearance rates?\b|\bclear-?up rates?\b/i, 'crimes cleared'],
  [/\bgood or outstanding\b|\brated good\b/i, 'rated good'],
];

/** The name itself says which way: "(Lower is better)", "(Minimise)", "(Maximise)". */
const IN_NAME: ReadonlyArray<[RegExp, Polarity, string]> = [
  [/\((lower|smaller|less) (is|are) better\)|\(minimi[sz]e\)|\(reduce\)|\(lower\)/i, 'lower', 'the name says lower is better'],
  [/\((higher|bigger|more) (is|are) better\)|\(maximi[sz]e\)|\(increase\)|\(higher\)/i, 'higher', 'the name says higher is better'],
];

/** A time limit the wording states: "35 calendar days", "10 working days", "48 hours". */
const TIME_LIMIT = /\b\d+\s+(calendar |working |business |clear )?(days?|hours?|minutes?|weeks?|months?)\b/i;
/** A unit the figure is measured in: "(minutes)", "(in days)". */
const TIME_UNIT_AFTER = /\((in )?(seconds|secs|minutes|mins|hours|hrs|days|weeks|months)\)/i;

/** Measures best at a balance, not higher or lower: a gender pay gap (0), a share of women (50%). */
const BALANCE =
  /\b(gender|ethnicity|disability) pay gap\b|\bpay gap\b|\bbonus gap\b|\b(male|female|men|women)\b.*\b(quartile|proportion|share|%)|\b(quartile|proportion|share)\b.*\b(male|female|men|women)\b/i;

// A share the wording caps or floors ("no more than 20 per cent", "at least 78 per cent"), only
// where the wording opens with its limit (or after a label and a colon), brings something to it,
// or where the limit is on a share of the people or cases served ("for at least 90% of patients"): "owing more than 5% of
// annual rent" defines who is counted, it sets no limit.
const LIMITED = String.raw`\s+\d+(\.\d+)?\s*(%|per ?cent)`;
const OF_THOSE_SERVED = String.raw`\s+of\s+(the\s+|all\s+)?(\w+\s+)?(patients|cases|calls|customers|tenants|residents|people|users|decisions|letters|claims|applications|complaints|requests|households|clients|recommendations|responses|enquiries|appointments|referrals|reports|visits|jobs|repairs|invoices|payments|parents|appeals)\b`;
// A goal brought to a limit ("contain reductions … to less than 7.5%", "to a maximum of 4.7%", the
// Valuation Office Agency) is one too.
const limit = (words: string): RegExp =>
  new RegExp(
    String.raw`(^|:\s*)(${words})${LIMITED}|\b(${words})${LIMITED}${OF_THOSE_SERVED}|\bto\s+((have|keep|hold|remain|stay|be)\s+)?(${words})${LIMITED}`,
    'i',
  );
const SHARE_CEILING = limit(
  'no more than|not more than|(?<!no |not )less than|fewer than|(a )?maximum( of)?|max\\.?|at most|at or below|at or under',
);
const SHARE_FLOOR = limit('at least|no less than|not less than|(?<!no |not )more than|(a )?minimum( of)?|min\\.?|at or above|at or over');

/** A measure named by its aim: "Reduce total crime", "Increase the number of …". */
// Not "Lower quartile rent" or "Lower Super Output Areas": "lower" starts a name as often as an aim.
const HOLD_DOWN_A_RISE = /^(limit|cap|contain|restrict|keep down)( the)? (increase|rise|growth)\b/i;
const AIM_FIRST = /^(reduce|decrease|minimi[sz]e|increase|raise|maximi[sz]e)\s+(the\s+)?[\w%]/i;

/**
 * What a measure leaves out says nothing of which way it is better: "(excl void rent loss)"; nor
 * does the kind of measure a budget book tags it with ("Crime Rate per Capita (Outcome)").
 */
const LEFT_OUT =
  /\((excl\.?|excluding|exc\.?|not including)\s[^)]*\)|\((outcome|output|input|efficiency|effectiveness|workload|quality)\)/gi;

function readDescription(named: string): PolarityDecision | undefined {
  const description = named.replace(LEFT_OUT, ' ');
  for (const [pattern, polarity, why] of IN_NAME) {
    if (pattern.test(description)) return { polarity, source: 'description', assumed: false, reason: `${polarity} is better (${why})` };
  }
  // An aim written as the measure ("Reduce domestic burglary", "Increase the number of people
  // exiting drug programmes …", West Yorkshire's Community Safety Fund): the verb says which way.
  // Not "Improve": improving a time taken lowers it.
  const aim = AIM_FIRST.exec(description.trim())?.[1]?.toLowerCase();
  if (aim) {
    const polarity: Polarity = /^(reduce|decrease|minimi[sz]e)$/.test(aim) ? 'lower' : 'higher';
    return { polarity, source: 'description', assumed: false, reason: `${polarity} is better (the aim is to ${aim})` };
  }
  if (BALANCE.test(description))
    return {
      polarity: 'none',
      source: 'description',
      assumed: false,
      reason: 'no better direction (a balance measure, best at parity or zero, not simply higher or lower)',
    };
  // The wording holds its own limit ("No more than 20 per cent of calls … abandoned", "at least
  // 78 per cent of cases"): the limit says which way, whatever else the words name.
  const ceiling = SHARE_CEILING.test(description);
  const floor = SHARE_FLOOR.test(description);
  if (ceiling !== floor)
    return ceiling
      ? { polarity: 'lower', source: 'description', assumed: false, reason: 'lower is better (the wording sets a most)' }
      : { polarity: 'higher', source: 'description', assumed: false, reason: 'higher is better (the wording sets a least)' };
  // A level the name says to stay at or above ("Fund balance 180 days or greater", the Town of
  // Westlake): higher is better, whatever the unit. Not "or more", which a late payment's wording
  // uses too ("paid in 30 days or more").
  // Not an age band ("adults aged 18 or above"), which says who is counted, not which way is better.
  const orWay = /(?<!\bage[ds]?\s+)\b\d[\d,.]*\s*(?:%|per ?cent|[a-z]+)?\s+or (greater|higher|above|lower|below)\b/i.exec(description);
  if (orWay) {
    const polarity: Polarity = /^(greater|higher|above)$/i.test(orWay[1]!) ? 'higher' : 'lower';
    return { polarity, source: 'description', assumed: false, reason: `${polarity} is better (the name says "${orWay[0].trim()}")` };
  }
  // Collecting arrears is collection: "To collect child maintenance and arrears from 71 per cent".
  if (
    /\b(to collect|collect(ed|ing)|collection of|recover(ed|ing)?)\s+(\S+\s+){0,8}arrears\b|\barrears(\s+of\s+[a-z ]{1,25})?\s+(collected|recovered|retrieved)\b/i.test(
      description,
    )
  )
    return { polarity: 'higher', source: 'description', assumed: false, reason: 'higher is better (arrears collected)' };
  // "within N days" is about meeting a time, so it wins over the time words around it; being satisfied
  // with a time ("satisfied with the time taken") is about satisfaction.
  // "Fly-tipping incidents cleared within 5 days" against 90%: things done within a time are a
  // share done in time, whatever they are; not the "Mean time for those completed within 20 days".
  const share =
    /%|percentage|proportion|number of|\bno\.? of\b/i.test(description) ||
    // "Emergency incidents attended within 15 minutes", "First appliance at life-risk incidents
    // within 10 minutes": the share reached in time, though incidents alone are better fewer.
    (/\b(cleared|removed|completed|resolved|repaired|processed|answered|responded to|dealt with|determined|paid|attended|reached)\s+within\s+\d+|\b(appliance|crew|ambulance)s?\b.*\bwithin\s+\d+/i.test(
      description,
    ) &&
      !/\b(average|mean|median)\b/i.test(description));
  // Not for what was not done in time: "repairs not completed within 28 days", a backlog, calls
  // abandoned before being answered within 60 seconds.
  const notDoneInTime =
    /\bnot\s+(\w+\s+)?(cleared|removed|completed|resolved|repaired|processed|answered|responded|dealt|determined|paid|done|within|rebooked|treated|seen|offered)\b|\b(backlog|overdue|abandon\w*)\b.*\bwithin\b|\bre-?admi|\bre-?referr/i.test(
      description,
    );
  const inTime =
    /\bwithin\s+(\d+|agreed|the|target|prescribed|timescales?)\b|\bwithin (a|an) [^,.;]{0,40}\b(timeframe|timescale|time ?limit|deadline)s?\b|\bin (the )?(prescribed|agreed|target) time\b/i.test(
      description,
    );
  if (share && !notDoneInTime && (inTime || /\bresolved\b/i.test(description)))
    return {
      polarity: 'higher',
      source: 'description',
      assumed: false,
      // "% of complaints resolved" (Ardenglen) names no time: the reason says what it does name.
      reason: inTime ? 'higher is better (share done within a time)' : 'higher is better (share resolved)',
    };
  // "Fire turnout time 80 seconds or less 90% of the time", "fires contained to the room of origin
  // 55% of the time" (Fort Worth Fire): the share of occasions a standard is met. A limit on it
  // ("sickness absence below 4% of the time") is a most, read above.
  if (/(?<!\b(below|under|than|most|maximum|max\.?|of)\s+)\b\d+(\.\d+)?\s*(%|per ?cent) of the time\b/i.test(description))
    return {
      polarity: 'higher',
      source: 'description',
      assumed: false,
      reason: 'higher is better (share of occasions meeting a standard)',
    };
  // "Growth in staff … does not exceed population growth": kept within a limit, whatever it aims at.
  if (/\b(does|do|should|must|will|to) not exceed\b|\bnot to exceed\b/i.test(description))
    return { polarity: 'lower', source: 'description', assumed: false, reason: 'lower is better (kept within a limit)' };
  // "Target ongoing reduction in Queensland's relative debt burden, as measured by the … debt-to-
  // revenue ratio" (Queensland Treasury): an aim to bring the measure down, not a reduction counted.
  // Not "improvement": improving a time taken lowers it.
  const aimToMove =
    /^(target|aim for|seek|deliver|achieve|continue|continued|ensure)\w*\s+(an?\s+)?(ongoing\s+|continued\s+|further\s+|sustained\s+)?(reduction|decrease|fall|increase|growth)s?\s+in\b/i.exec(
      description,
    );
  if (aimToMove) {
    const polarity: Polarity = /^(reduction|decrease|fall)$/i.test(aimToMove[4]!) ? 'lower' : 'higher';
    const way = polarity === 'lower' ? 'bring it down' : 'raise it';
    return { polarity, source: 'description', assumed: false, reason: `${polarity} is better (the aim is to ${way})` };
  }
  // "% Reduction in antisocial behaviour": the reduction is what is wanted.
  if (/\breduction (in|of)\b/i.test(description))
    return { polarity: 'higher', source: 'description', assumed: false, reason: 'higher is better (a reduction achieved)' };
  if (/\bsatisf(ied|action)\b/i.test(description) && !/\bdissatisf/i.test(description))
    return { polarity: 'higher', source: 'description', assumed: false, reason: 'higher is better (satisfied)' };
  // A pledge to act within a time ("Respond within the same day for complaints received before 1
  // pm", "Reply to the applicant within nine working days", Hong Kong's Drainage Services): the
  // share kept to it, whatever the words after name.
  if (
    /^(initial )?(respond|reply|answer|acknowledge|process|issue|attend|pay|deal with)(s|ed|ing)?\b(?!\s+errors?\b)[^.;]{0,60}\b(within|before)\b/i.test(
      description,
    ) &&
    !notDoneInTime
  )
    return { polarity: 'higher', source: 'description', assumed: false, reason: 'higher is better (a pledge to act within a time)' };
  // "Incidents meeting the Attendance Performance Measure", "% of incidents where the attendance
  // standard was met" (fire authorities' headline response measures): the share meeting it.
  if (
    MEETS_A_STANDARD.test(description) &&
    !notDoneInTime &&
    !/\b(not|fail(ed|ing)? to) (meet|met|meeting|achiev|attended|within)|\b(below|under|outside) (the )?(\w+ )?(standard|target)/i.test(
      description,
    )
  )
    return { polarity: 'higher', source: 'description', assumed: false, reason: 'higher is better (the share meeting a standard)' };
  if (DONE_ABOUT_A_HARM.test(description) && !notDoneInTime)
    return { polarity: 'higher', source: 'description', assumed: false, reason: 'higher is better (something done about it)' };
  for (const [pattern, word] of LOWER_WORDS) {
    if (pattern.test(description)) return { polarity: 'lower', source: 'description', assumed: false, reason: `lower is better (${word})` };
  }
  for (const [pattern, word] of HIGHER_WORDS) {
    if (pattern.test(description))
      return { polarity: 'higher', source: 'description', assumed: false, reason: `higher is better (${word})` };
  }
  // A measure counted in minutes and named for nothing better ("Priority 1 (minutes)", Western
  // Australia Police's response times): a time taken. Not days: "cash in hand (days)" and
  // "volunteering (days)" are better higher.
  if (/\((in )?(seconds|secs|minutes|mins)\)\s*$/i.test(description))
    return { polarity: 'lower', source: 'description', assumed: false, reason: `lower is better (${TIME_TAKEN}, counted in time)` };
  return undefined;
}

// A workbook of many areas repeats each indicator's description in every area: each is read once.
const fromDescription = memoByText(readDescription);

export interface PolarityInputs {
  readonly column?: string;
  readonly officer?: Polarity;
  readonly ref?: string;
  readonly description: string;
  readonly target: Target;
  /** What the indicator's table says around it: its title and the headings of its figures ("Male (2023)"). */
  readonly tableContext?: string;
  /** The table's title: the measure itself where the rows are its periods. */
  readonly title?: string | undefined;
  /** The heading the indicator stands under ("Number and rate … of road crash fatalities by crash causal factor" over "Speed"). */
  readonly section?: string | undefined;
  /** The headings of the table's figures ("Average Response Time" over "Priority One | 9 min 24 seconds"). */
  readonly figureHeadings?: readonly string[] | undefined;
}

/**
 * Which way is better, in the brief's order of authority: the workbook's polarity column,
 * the officer's saved choice, the target's own words ("no more than"), the library of known
 * indicators, the description's wording, a time target; otherwise higher, flagged as assumed.
 */
export function decidePolarity(inputs: PolarityInputs): PolarityDecision {
  const fromColumn = inputs.column ? parsePolarityText(inputs.column) : undefined;
  if (fromColumn)
    return {
      polarity: fromColumn,
      source: 'column',
      assumed: false,
      reason: describe(fromColumn, `the Polarity column says "${inputs.column!.trim()}"`),
    };
  if (inputs.officer)
    return { polarity: inputs.officer, source: 'officer', assumed: false, reason: describe(inputs.officer, 'as you set it') };
  const target = inputs.target;
  if ((target.kind === 'threshold' || target.kind === 'rate') && target.direction) {
    return {
      polarity: target.direction,
      source: 'target wording',
      assumed: false,
      reason: describe(
        target.direction,
        target.kind === 'threshold' && target.directionFrom
          ? `the target ${target.directionFrom}`
          : `the target says "${target.text.trim()}"`,
      ),
    };
  }
  if (target.kind === 'relative') {
    const polarity = target.direction === 'above' ? 'higher' : 'lower';
    return {
      polarity,
      source: 'target wording',
      assumed: false,
      reason: describe(polarity, `the target is ${target.percent}% ${target.direction} the baseline`),
    };
  }
  // "Maintain or reduce": hold the level, and lower is better.
  const orWay = target.kind === 'change' ? maintainOrWay(target) : undefined;
  if (orWay) {
    const polarity: Polarity = /^(reduce|decrease|lower)$/.test(orWay) ? 'lower' : 'higher';
    return { polarity, source: 'target wording', assumed: false, reason: describe(polarity, `the target says "${target.text.trim()}"`) };
  }
  if ((target.kind === 'change' && aimSaysWhichWay(target)) || (target.kind === 'benchmark' && target.direction)) {
    const polarity = target.kind === 'change' ? (target.aim === 'reduce' ? 'lower' : 'higher') : target.direction!;
    return { polarity, source: 'target wording', assumed: false, reason: describe(polarity, `the target says "${target.text.trim()}"`) };
  }
  // "Limit increase to 0.93 per cent., i.e. to £67.52." (the Public Record Office's unit costs): a
  // rise held down, though the figure itself cannot be read.
  if (target.kind === 'unreadable' && HOLD_DOWN_A_RISE.test(target.text.trim())) {
    return {
      polarity: 'lower',
      source: 'target wording',
      assumed: false,
      reason: describe('lower', `the target says "${target.text.trim()}"`),
    };
  }
  if (target.kind === 'threshold' && target.unit === 'percent' && target.value === 100) {
    return { polarity: 'higher', source: 'target unit', assumed: false, reason: 'higher is better (the target is 100%: all of them)' };
  }
  const known = findKnownIndicator(inputs.ref, inputs.description);
  if (known) {
    return {
      polarity: known.polarity,
      source: 'library',
      assumed: false,
      reason:
        known.polarity === 'none'
          ? `no better direction (${known.code}: ${known.note})`
          : describe(known.polarity, `${known.code} ${known.name}`),
    };
  }
  // Rows named only by a band ("Upper quartile") under figures for men and women are a balance.
  if (inputs.tableContext && BALANCE.test(`${inputs.description} ${inputs.tableContext}`))
    return {
      polarity: 'none',
      source: 'description',
      assumed: false,
      reason: 'no better direction (a balance between men and women, best at parity, not simply higher or lower)',
    };
  // "To place 1.7 million unemployed people into work at a planned unit cost of £188" against 1.7
  // million: a count done at a cost, not the cost (the Employment Service); against £450 the
  // cost is the measure ("Housing management delivered at a unit cost per home of").
  const atACost =
    target.kind === 'threshold' &&
    target.unit === 'count' &&
    /\bat an? ((planned|target|unit) )*costs? (of|per)\b/i.test(inputs.description);
  const read = fromDescription(inputs.description);
  const worded = atACost && read?.reason === describe('lower', 'cost') ? undefined : read;
  // "Cancer: 62 day wait for first treatment" against 85%: a wait measured as a percentage is the
  // share seen within the standard, so more is better (Ashford and St Peter's). So is a proportion
  // ("a service standard of 35 calendar days to complete the review" against 0.9, the RCMP's service
  // standards dataset): the wording sets its own time limit. A time measured in a unit ("Time to
  // answer calls (minutes)" against 0.5) stays a time.
  const proportion =
    target.kind === 'threshold' &&
    target.unit === 'count' &&
    target.value > 0 &&
    target.value < 1 &&
    TIME_LIMIT.test(inputs.description) &&
    !TIME_UNIT_AFTER.test(inputs.description);
  if (worded?.reason === describe('lower', TIME_TAKEN) && target.kind === 'threshold' && (target.unit === 'percent' || proportion))
    return {
      polarity: 'higher',
      source: 'description',
      assumed: false,
      reason: 'higher is better (a wait measured as a percentage: the share seen within the standard)',
    };
  // "Reply … within 5 working days on average" against "5 working days" (Clarion's pledges): where the
  // target is written as a length of time, the figure is a time taken, and "within" names the
  // standard. Not a bare "10" given its unit by the wording ("… within 10 minutes" against 90%'s figure).
  const time = timeTarget(target);
  if (worded && worded.polarity === 'higher' && WITHIN_A_TIME.test(worded.reason) && time && /[a-z]/i.test(time.text))
    return {
      polarity: 'lower',
      source: 'target unit',
      assumed: false,
      reason: `lower is better (the target is a time: ${formatFigure(time.value, time.unit)})`,
    };
  if (worded) return worded;
  // A row named only by its period or a code ("Q1 | 120 | 131" under "Households in temporary
  // accommodation"): one measure's tracker, whose title names the measure.
  const trackerRow = inputs.title && (inputs.description.trim() === '' || parsePeriodLabel(inputs.description.trim()) !== undefined);
  const titled = trackerRow ? fromDescription(inputs.title!) : undefined;
  if (titled) return { ...titled, reason: titled.reason.replace(/\)$/, `, from the title "${shortHeading(inputs.title!)}")`) };
  // A row named only by a part ("Speed", "Alcohol") under a heading that names the measure
  // (Queensland Police's road crash fatalities by causal factor): the heading's words say which way.
  const partOnly = !NAMES_A_QUANTITY.test(inputs.description);
  const headed = partOnly && inputs.section && NAMES_A_QUANTITY.test(inputs.section) ? fromDescription(inputs.section) : undefined;
  if (headed) return { ...headed, reason: headed.reason.replace(/\)$/, `, from the heading "${shortHeading(inputs.section!)}")`) };
  // Or the headings over the figures name it ("Incident Response Times | Average Response Time",
  // ACT Policing): the figures are that measure's. Headings that disagree ("Average response time
  // | Percentage within target time", St John WA) are different measures, and say nothing of the row.
  const overFigures = partOnly && inputs.figureHeadings ? fromFigureHeadingsOnce(inputs.figureHeadings) : undefined;
  if (overFigures) return overFigures;
  if (time) {
    return {
      polarity: 'lower',
      source: 'target unit',
      assumed: false,
      reason: `lower is better (the target is a time: ${formatFigure(time.value, time.unit)})`,
    };
  }
  // A count whose target is nought (no maladministration findings, no serious accidents) can only
  // be met from below; not a figure that runs either side of nought ("days ahead / behind").
  if (
    target.kind === 'threshold' &&
    target.value === 0 &&
    target.unit === 'count' &&
    !/\b(ahead|behind|variance|difference|change|net|balance|surplus|deficit)\b|\+\s*\/\s*-/i.test(inputs.description)
  )
    return { polarity: 'lower', source: 'target unit', assumed: false, reason: 'lower is better (the target is none at all)' };
  return {
    polarity: 'higher',
    source: 'assumed',
    assumed: true,
    reason: 'higher is better (assumed: nothing in the workbook says which way; set it if this is wrong)',
  };
}

/** The reasons the wording gives for a share done in time, which a time as the target turns round. */
const WITHIN_A_TIME = /\((within a time|share done within a time|a pledge to act within a time)\)$/;

/** A target that is a length of time ("5 working days", "48 hours"). */
function timeTarget(target: Target): Extract<Target, { kind: 'threshold' }> | undefined {
  return target.kind === 'threshold' && isTimeUnit(target.unit) ? target : undefined;
}

/**
 * Words that name a quantity: a section heading naming one ("Number and rate … of road crash
 * fatalities") names a measure whose direction its rows share; one that names a topic
 * ("Anti-social behaviour", "Void properties") says nothing of "Cases closed" under it. A row that
 * names a quantity itself ("Number of lettings") is its own measure, whatever stands over it.
 */
const NAMES_A_QUANTITY = /%|\b(number|numbers|rate|rates|percentage|proportion|average|mean|median|count|per cent|share)\b|\bno\.? of\b/i;

// A table's headings come as one array for all its indicators (indicator-row.ts): read once per table.
const BY_HEADINGS = new WeakMap<readonly string[], PolarityDecision | null>();
function fromFigureHeadingsOnce(headings: readonly string[]): PolarityDecision | undefined {
  return getOrInsert(BY_HEADINGS, headings, () => fromFigureHeadings(headings) ?? null) ?? undefined;
}

/** The direction the headings of a table's figures agree on, where at least one names one and none differs. */
function fromFigureHeadings(headings: readonly string[]): PolarityDecision | undefined {
  // "Actual (average of months)" says how the figure is made, not what it measures: only headings naming the measure count.
  const read = headings
    .filter((heading) => !/^(actuals?|results?|outturn|performance|value|figure|current|latest|ytd|year to date)\b/i.test(heading.trim()))
    .map((heading) => ({ heading, decision: fromDescription(heading) }))
    .filter((h) => h.decision !== undefined);
  if (read.length === 0 || read.some((h) => h.decision!.polarity !== read[0]!.decision!.polarity)) return undefined;
  const first = read[0]!;
  return {
    ...first.decision!,
    reason: first.decision!.reason.replace(/\)$/, `, from the figures' heading "${shortHeading(first.heading)}")`),
  };
}

function shortHeading(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

function describe(polarity: Polarity, why: string): string {
  if (polarity === 'none') return `no better direction (${why})`;
  return `${polarity} is better (${why})`;
}
