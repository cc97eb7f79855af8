/**
 * Runs in a worker thread (see sandbox.ts), so that the test waiting on it can stop it when it
 * takes too long: a reader stuck in a loop would otherwise hang the test run instead of failing it.
 */
import { parentPort } from 'node:worker_threads';
import { runCli } from '../../../src/cli/main';
import {
  attribute,
  attributeSpans,
  checkWellFormed,
  elementEnd,
  elementText,
  nextTag,
  XmlDamageError,
} from '../../../src/hosts/xlsx/xml-tokenizer';
import type { SandboxReply, SandboxTask } from './sandbox';

/** Everything the tokenizer offers, over the whole text: well-formedness, every tag, attribute and text. */
function tokenize(xml: string): void {
  checkWellFormed(xml);
  for (let tag = nextTag(xml, 0); tag; tag = nextTag(xml, tag.end)) {
    if (tag.closing) continue;
    for (const span of attributeSpans(tag.attributeText)) attribute(tag.attributeText, span.name.slice(span.name.indexOf(':') + 1));
    if (!tag.selfClosing) elementText(xml, tag, elementEnd(xml, tag));
  }
}

async function run(task: SandboxTask): Promise<SandboxReply> {
  if (task.kind === 'xml') {
    try {
      tokenize(task.text);
      return { outcome: 'read' };
    } catch (error) {
      if (error instanceof XmlDamageError) return { outcome: 'refused', message: error.message };
      return { outcome: 'crashed', message: String((error as Error).stack ?? error) };
    }
  }
  const out: string[] = [];
  const err: string[] = [];
  try {
    const code = await runCli(task.argv, { out: (text) => out.push(text), err: (text) => err.push(text) });
    return { outcome: 'exited', code, out: out.join('\n'), err: err.join('\n') };
  } catch (error) {
    return { outcome: 'crashed', message: String((error as Error).stack ?? error) };
  }
}

parentPort!.on('message', (message: { id: number; task: SandboxTask }) => {
  void run(message.task).then((reply) => parentPort!.postMessage({ id: message.id, reply }));
});
