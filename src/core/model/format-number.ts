const POWERS = Array.from({ length: 16 }, (_, i) => 10 ** i);

/**
 * en-GB number formatting without Intl: `1,234.5`, `-0.25`, `88,615.8`. The engine formats several
 * figures for each of hundreds of thousands of verdicts, so the common case (a rounded decimal)
 * takes a fast path; anything unusual goes through toFixed.
 */
export function formatNumberGB(value: number, maxDecimals: number, options: { grouping?: boolean; minDecimals?: number } = {}): string {
  if (!Number.isFinite(value)) return value > 0 ? '∞' : value < 0 ? '-∞' : 'NaN';
  const grouping = options.grouping ?? true;
  const minDecimals = options.minDecimals ?? 0;
  const factor = POWERS[maxDecimals] ?? 10 ** maxDecimals;
  const scaled = Math.abs(value) * factor;
  let body: string;
  if (scaled < 9e15) {
    const rounded = Math.round(scaled) / factor;
    body = String(rounded);
    if (body.includes('e')) body = rounded.toFixed(maxDecimals).replace(/\.?0+$/, '');
  } else {
    body = Math.abs(value)
      .toFixed(maxDecimals)
      .replace(/(\.\d*?)0+$/, '$1')
      .replace(/\.$/, '');
  }
  let dot = body.indexOf('.');
  if (minDecimals > 0) {
    if (dot < 0) {
      body += '.';
      dot = body.length - 1;
    }
    while (body.length - dot - 1 < minDecimals) body += '0';
  }
  if (grouping) {
    const whole = dot < 0 ? body : body.slice(0, dot);
    if (whole.length > 3) {
      let grouped = '';
      for (let i = 0; i < whole.length; i++) {
        if (i > 0 && (whole.length - i) % 3 === 0) grouped += ',';
        grouped += whole[i];
      }
      body = dot < 0 ? grouped : grouped + body.slice(dot);
    }
  }
  return value < 0 && body !== '0' && !/^0(\.0*)?$/.test(body) ? `-${body}` : body;
}
