/**
 * Builds a big XML part as UTF-8 bytes a megabyte at a time. Joining a whole 60 MB sheet into one
 * string first cost as much again to encode, and one non-Latin-1 character (an arrow, a dash)
 * doubles the memory such a string takes.
 */
export class Utf8Chunks {
  private readonly pending: string[] = [];
  private pendingLength = 0;
  private readonly chunks: Buffer[] = [];

  constructor(private readonly batch = 1 << 20) {}

  push(text: string): void {
    if (text.length >= this.batch) {
      this.flush();
      this.chunks.push(Buffer.from(text, 'utf8'));
      return;
    }
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= this.batch) this.flush();
  }

  /**
   * The bytes, in memory shared between threads: the part is read back by a real XML parser on a
   * thread of its own (written-xml-check.ts), which then needs no copy of tens of megabytes.
   */
  toBuffer(): Buffer {
    this.flush();
    let length = 0;
    for (const chunk of this.chunks) length += chunk.length;
    const bytes = Buffer.from(new SharedArrayBuffer(length));
    let at = 0;
    for (const chunk of this.chunks) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
    return bytes;
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.chunks.push(Buffer.from(this.pending.join(''), 'utf8'));
    this.pending.length = 0;
    this.pendingLength = 0;
  }
}
