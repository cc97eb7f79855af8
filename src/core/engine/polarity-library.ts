import type { Polarity } from './target-types';
import { memoByText } from '../model/memo';

export interface KnownIndicator {
  readonly code: string;
  readonly name: string;
  readonly polarity: Polarity;
  /** Why it has no better direction, for the ones that have none. */
  readonly note?: string;
}

/**
 * Indicators whose better direction is settled nationally: the Regulator of Social Housing's
 * Tenant Satisfaction Measures, and the Best Value indicators named in the performance framework.
 */
export const KNOWN_INDICATORS: readonly KnownIndicator[] = [
  { code: 'TP01', name: 'Overall satisfaction', polarity: 'higher' },
  { code: 'TP02', name: 'Satisfaction with repairs', polarity: 'higher' },
  { code: 'TP03', name: 'Satisfaction with time taken to complete most recent repair', polarity: 'higher' },
  { code: 'TP04', name: 'Satisfaction that the home is well maintained', polarity: 'higher' },
  { code: 'TP05', name: 'Satisfaction that the home is safe', polarity: 'higher' },
  { code: 'TP06', name: 'Satisfaction that the landlord listens to tenant views and acts upon them', polarity: 'higher' },
  { code: 'TP07', name: 'Satisfaction that the landlord keeps tenants informed about things that matter to them', polarity: 'higher' },
  { code: 'TP08', name: 'Agreement that the landlord treats tenants fairly and with respect', polarity: 'higher' },
  { code: 'TP09', name: "Satisfaction with the landlord's approach to handling complaints", polarity: 'higher' },
  { code: 'TP10', name: 'Satisfaction that the landlord keeps communal areas clean and well maintained', polarity: 'higher' },
  { code: 'TP11', name: 'Satisfaction that the landlord makes a positive contribution to neighbourhoods', polarity: 'higher' },
  { code: 'TP12', name: "Satisfaction with the landlord's approach to handling anti-social behaviour", polarity: 'higher' },
  { code: 'BS01', name: 'Gas safety checks', polarity: 'higher' },
  { code: 'BS02', name: 'Fire safety checks', polarity: 'higher' },
  { code: 'BS03', name: 'Asbestos safety checks', polarity: 'higher' },
  { code: 'BS04', name: 'Water safety checks', polarity: 'higher' },
  { code: 'BS05', name: 'Lift safety checks', polarity: 'higher' },
  { code: 'RP01', name: 'Homes that do not meet the Decent Homes Standard', polarity: 'lower' },
  { code: 'RP02', name: 'Repairs completed within target timescale', polarity: 'higher' },
  {
    code: 'CH01',
    name: 'Complaints relative to the size of the landlord (per 1,000 homes)',
    polarity: 'none',
    note: 'more complaints can mean tenants find it easier to complain, so a rise is not simply worse',
  },
  { code: 'CH02', name: 'Complaints responded to within Complaint Handling Code timescales', polarity: 'higher' },
  {
    code: 'NM01',
    name: 'Anti-social behaviour cases relative to the size of the landlord (per 1,000 homes)',
    polarity: 'none',
    note: 'a rise can mean better recording and more trust in reporting, so it is not simply worse',
  },
  { code: 'BV63', name: 'Energy efficiency of housing stock (average SAP rating)', polarity: 'higher' },
  { code: 'BV64', name: 'Private sector dwellings returned into occupation', polarity: 'higher' },
  { code: 'BV66a', name: 'Rent collected', polarity: 'higher' },
  { code: 'BV66b', name: 'Tenants with more than 7 weeks of rent arrears', polarity: 'lower' },
  { code: 'BV66c', name: 'Tenants in arrears served a Notice Seeking Possession', polarity: 'lower' },
  { code: 'BV66d', name: 'Tenants evicted for rent arrears', polarity: 'lower' },
  { code: 'BV74a', name: 'Tenant satisfaction with landlord – all', polarity: 'higher' },
  { code: 'BV74b', name: 'Tenant satisfaction with landlord – ethnic minority tenants', polarity: 'higher' },
  { code: 'BV74c', name: 'Tenant satisfaction with landlord – non ethnic minority tenants', polarity: 'higher' },
  { code: 'BV75a', name: 'Satisfaction with participation opportunities – all', polarity: 'higher' },
  { code: 'BV75b', name: 'Satisfaction with participation opportunities – ethnic minority tenants', polarity: 'higher' },
  { code: 'BV75c', name: 'Satisfaction with participation opportunities – non ethnic minority tenants', polarity: 'higher' },
  { code: 'BV164', name: "Commission for Racial Equality's code of practice in rented housing", polarity: 'higher' },
  { code: 'BV184a', name: 'Non-decent local authority dwellings', polarity: 'lower' },
  { code: 'BV184b', name: 'Change in the proportion of non-decent local authority dwellings', polarity: 'higher' },
  { code: 'BV211a', name: 'Planned repairs spend as a % of all repairs spend', polarity: 'higher' },
  { code: 'BV211b', name: 'Emergency and urgent repairs spend as a % of all responsive spend', polarity: 'lower' },
  { code: 'BV212', name: 'Average time to re-let local authority housing', polarity: 'lower' },
];

const BY_CODE = new Map(KNOWN_INDICATORS.map((known) => [known.code.toLowerCase(), known]));

/** Finds a known indicator by its reference (`TP01`, `bv66a`) or a code at the start of the description. */
export function findKnownIndicator(ref: string | undefined, description: string): KnownIndicator | undefined {
  return byCode(ref ?? '') ?? knownInDescription(description);
}

function byCode(code: string): KnownIndicator | undefined {
  return BY_CODE.get(code.replace(/\s+/g, '').toLowerCase());
}

// Descriptions repeat area after area in a large workbook: each is searched for codes once.
const knownInDescription = memoByText((description: string): KnownIndicator | undefined => {
  for (const code of description.match(/\b(TP|BS|RP|CH|NM)\s?\d{2}\b|\bBV\s?\d{2,3}[a-d]?\b/gi) ?? []) {
    const known = byCode(code);
    if (known) return known;
  }
  return undefined;
});
