/** The ribbon command wrapper: each command is associated with Office and always completes. */
import type { RibbonCommand } from '../../src/commands/commands';

const associate = jest.fn();
(globalThis as unknown as { Office: unknown }).Office = { actions: { associate } };

afterAll(() => {
  delete (globalThis as unknown as { Office?: unknown }).Office;
});

async function withCommands(commands: Record<string, RibbonCommand>) {
  const mod = await import('../../src/commands/commands');
  for (const key of Object.keys(mod.ribbonCommands)) delete mod.ribbonCommands[key];
  Object.assign(mod.ribbonCommands, commands);
  associate.mockClear();
  const names = mod.registerRibbonCommands();
  const handlers = new Map(associate.mock.calls.map((call: unknown[]) => [call[0] as string, call[1] as (e: unknown) => void]));
  return { names, handlers };
}

function fakeEvent() {
  let completed!: () => void;
  const done = new Promise<void>((resolve) => (completed = resolve));
  return { event: { completed: jest.fn(() => completed()) }, done };
}

describe('registerRibbonCommands', () => {
  it('associates every command under its name', async () => {
    const ok: RibbonCommand = async () => {};
    const { names, handlers } = await withCommands({ first: ok, second: ok });
    expect(names).toEqual(['first', 'second']);
    expect([...handlers.keys()]).toEqual(['first', 'second']);
  });

  it('runs the command and then tells Office it has completed', async () => {
    const command = jest.fn<Promise<void>, [Office.AddinCommands.Event]>(async () => {});
    const { handlers } = await withCommands({ run: command });
    const { event, done } = fakeEvent();
    handlers.get('run')?.(event);
    await done;
    expect(command).toHaveBeenCalledWith(event);
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it('still completes when the command fails, and logs the failure', async () => {
    const error = jest.spyOn(console, 'error').mockImplementation(() => {});
    const { handlers } = await withCommands({ broken: async () => Promise.reject(new Error('boom')) });
    const { event, done } = fakeEvent();
    handlers.get('broken')?.(event);
    await done;
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(error).toHaveBeenCalledWith(expect.stringContaining('broken'), expect.any(Error));
    error.mockRestore();
  });
});
