/* global Excel */

/**
 * Excel on the web refuses a request over 5 MB (RequestPayloadSizeLimitExceeded); writes are sent
 * in requests under this budget, which leaves room for what the estimate below cannot see.
 */
export const WRITE_BUDGET_BYTES = 4_500_000;
/** The most one queued step (a block of cells and its change-log rows) may weigh. */
export const STEP_BUDGET_BYTES = WRITE_BUDGET_BYTES / 4;
/** What one queued operation costs beyond its data, as a generous estimate. */
const BYTES_PER_OPERATION = 400;

const encoder = new TextEncoder();

/** The bytes `value` takes in a request: its JSON in UTF-8, as Office.js sends it. */
export function requestBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value)).length;
}

/**
 * Queues writes and sends them when the next step would take the request past the budget, so a plan
 * of any size goes in as few requests as the 5 MB limit allows, and a small plan in one.
 *
 * The house rule is one `context.sync()` for all the writes, never a sync in a loop. This is the one
 * sanctioned exception: a plan larger than one request can carry must be sent in several, and each
 * sync here is a full request of several megabytes, not a round trip per cell or per row.
 *
 * A step is queued whole into one request, so the cells of a step and the change-log rows that
 * record them land together or not at all. What each request carried is kept, to say exactly what
 * was written when Excel stops part-way.
 */
export class WriteQueue<Done> {
  private bytes = 0;
  private pending: Done[] = [];
  /** What the requests sent so far carried, step by step. */
  readonly written: Done[] = [];
  syncs = 0;
  largestRequest = 0;

  constructor(private readonly context: Excel.RequestContext) {}

  async add(estimatedBytes: number, queue: () => void, done?: Done): Promise<void> {
    if (this.bytes > 0 && this.bytes + estimatedBytes > WRITE_BUDGET_BYTES) await this.flush();
    // Calculation waits while a request's writes land; queued with the first write of each request
    // only, so nothing is left over for an extra request at the end.
    if (this.bytes === 0) this.context.application.suspendApiCalculationUntilNextSync();
    queue();
    this.bytes += estimatedBytes + BYTES_PER_OPERATION;
    if (done !== undefined) this.pending.push(done);
  }

  /** Records `done` as written once everything queued so far has been sent. */
  mark(done: Done): void {
    if (this.bytes === 0) this.written.push(done);
    else this.pending.push(done);
  }

  async flush(): Promise<void> {
    if (this.bytes === 0) return;
    this.largestRequest = Math.max(this.largestRequest, this.bytes);
    await this.context.sync();
    this.syncs++;
    this.bytes = 0;
    this.written.push(...this.pending);
    this.pending = [];
  }
}
