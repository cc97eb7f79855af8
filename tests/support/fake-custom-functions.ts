/**
 * CustomFunctions as Excel's runtime provides it (CustomFunctionsRuntime 1.2): associate, and Error
 * with its codes, an error Excel shows in the cell with its message on hover. Installed as a global;
 * the functions associated are kept on the returned map.
 */
export class FakeCustomFunctionsError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message ?? '');
    this.name = 'CustomFunctions.Error';
  }
}

export const FAKE_ERROR_CODES = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  nullReference: '#NULL!',
  invalidName: '#NAME?',
  invalidReference: '#REF!',
} as const;

export function installFakeCustomFunctions(): { associated: Map<string, (...args: unknown[]) => unknown>; uninstall: () => void } {
  const g = globalThis as Record<string, unknown>;
  const before = g.CustomFunctions;
  const associated = new Map<string, (...args: unknown[]) => unknown>();
  g.CustomFunctions = {
    associate: (id: string, fn: (...args: unknown[]) => unknown) => associated.set(id, fn),
    Error: FakeCustomFunctionsError,
    ErrorCode: FAKE_ERROR_CODES,
  };
  return {
    associated,
    uninstall: () => {
      if (before === undefined) delete g.CustomFunctions;
      else g.CustomFunctions = before;
    },
  };
}
