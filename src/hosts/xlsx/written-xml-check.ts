import { Worker } from 'node:worker_threads';

/**
 * The worker's code, run by Node as it is (so it needs no build of its own, under the tests as in
 * the bundled command line): each part it is sent is read whole by saxes, a real XML parser, with
 * namespaces on, and it answers with why the part would not read back as XML, or null.
 */
const READER = `
const { parentPort, workerData } = require('node:worker_threads');
const { StringDecoder } = require('node:string_decoder');
const { SaxesParser } = require(workerData.saxes);
const CHUNK = 1 << 20;
parentPort.on('message', ({ id, bytes }) => {
  const parser = new SaxesParser({ xmlns: true, position: false });
  parser.on('error', (error) => {
    throw error;
  });
  // A megabyte at a time, so a part of tens of megabytes is never one string here.
  const decoder = new StringDecoder('utf8');
  let fault = null;
  try {
    for (let at = 0; at < bytes.byteLength; at += CHUNK) parser.write(decoder.write(bytes.subarray(at, at + CHUNK)));
    parser.write(decoder.end()).close();
  } catch (error) {
    fault = String(error.message).replace(/\\.$/, '');
  }
  parentPort.postMessage({ id, fault });
});`;

const DECLARED_ENCODING = /^\uFEFF?<\?xml[^>]*?\sencoding\s*=\s*["']([^"']*)["']/;

export interface WrittenXmlFault {
  readonly part: string;
  readonly fault: string;
}

/**
 * Every part KPI Tracker is about to write, read back by a real XML parser before the file is
 * saved, so that a fault in the host's surgery on the XML, or one carried over from a damaged
 * workbook, stops the save instead of reaching Excel. The parsing (a second or more for the big
 * sheets of a large workbook) runs on a thread of its own while the main thread builds the next
 * part and zlib compresses the last: on the same thread it added over half again to a
 * 50,000-indicator recalc.
 */
export class WrittenXmlCheck {
  private readonly worker = new Worker(READER, { eval: true, workerData: { saxes: require.resolve('saxes') } });
  private readonly answers = new Map<number, (fault: string | null) => void>();
  private readonly results: Array<Promise<WrittenXmlFault | undefined>> = [];
  private failure: Error | undefined;

  constructor() {
    // Never what keeps the command line running once its work is done.
    this.worker.unref();
    this.worker.on('message', ({ id, fault }: { id: number; fault: string | null }) => this.answers.get(id)?.(fault));
    this.worker.on('error', (error) => {
      this.failure = error;
      for (const answer of this.answers.values()) answer(null);
    });
  }

  /**
   * Sends a part to be read back. Content in shared memory (the big sheets, see Utf8Chunks) is
   * read where it is; anything else is copied. Either way it must not change until firstFault.
   */
  add(part: string, content: string | Uint8Array): void {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const id = this.results.length;
    this.results.push(
      new Promise((resolve) => {
        this.answers.set(id, (fault) => {
          this.answers.delete(id);
          resolve(fault === null ? declarationFault(part, bytes) : { part, fault });
        });
      }),
    );
    this.worker.postMessage({ id, bytes });
  }

  /** The first part that would not read back, once all have been read; the reading thread is then stopped. */
  async firstFault(): Promise<WrittenXmlFault | undefined> {
    try {
      const faults = await Promise.all(this.results);
      if (this.failure) throw this.failure;
      return faults.find((fault) => fault !== undefined);
    } finally {
      await this.stop();
    }
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}

/** A part written as UTF-8 must not say it is anything else. */
function declarationFault(part: string, bytes: Uint8Array): WrittenXmlFault | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 256)).toString('utf8');
  const declared = DECLARED_ENCODING.exec(head)?.[1];
  if (declared === undefined || /^utf-?8$/i.test(declared)) return undefined;
  return { part, fault: `it says it is written in ${declared}, but it is written in UTF-8` };
}
