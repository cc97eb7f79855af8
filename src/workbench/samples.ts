import type { Workbook } from '../core/model/workbook';
import { deserialiseWorkbook } from '../hosts/memory/workbook-json';
import { generateWorkbook } from '../../bench/generate';
import { hostileWorkbook } from './hostile-sample';
import type { SampleId } from './options';

/**
 * Loads a sample: the JSON written at build time from assets/samples, served beside the page, or
 * one built in the page (`indicators` sizes the generated one).
 */
export async function loadSample(id: SampleId, indicators: number): Promise<Workbook> {
  if (id === 'hostile-text') return hostileWorkbook();
  if (id === 'generated') return generateWorkbook(indicators);
  const response = await fetch(`samples/${id}.json`, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`The sample "${id}" could not be loaded (HTTP ${response.status}). Run npm run build:workbench again.`);
  return deserialiseWorkbook(await response.json());
}
