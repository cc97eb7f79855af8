/*
 * Ribbon commands of the shared runtime. This module is loaded by
 * taskpane.html alongside the pane (one page, one runtime), so a command and
 * the pane see the same state.
 *
 * To add a ribbon button: add its handler to `ribbonCommands` under the name
 * used as <FunctionName> in manifest.xml. tests/manifest checks that the two
 * lists match. A handler does its work and resolves; the wrapper below always
 * tells Office the command has finished, even when the handler fails.
 */

export type RibbonCommand = (event: Office.AddinCommands.Event) => Promise<void>;

/** Every ExecuteFunction command of the ribbon, by its manifest FunctionName. */
export const ribbonCommands: Record<string, RibbonCommand> = {
  // Recalculate status, Generate committee sheet and Build action plan arrive
  // here with the code that runs them.
};

function runToCompletion(name: string, command: RibbonCommand): (event: Office.AddinCommands.Event) => void {
  return (event) => {
    command(event)
      .catch((error: unknown) => {
        console.error(`KPI Tracker: the ribbon command ${name} failed.`, error);
      })
      .finally(() => event.completed());
  };
}

/** Associates each entry of `ribbonCommands` with Office; returns the names registered. */
export function registerRibbonCommands(): string[] {
  const names = Object.keys(ribbonCommands);
  for (const name of names) {
    const command = ribbonCommands[name];
    if (command) Office.actions.associate(name, runToCompletion(name, command));
  }
  return names;
}

if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') {
  void Office.onReady(() => {
    registerRibbonCommands();
  });
}
