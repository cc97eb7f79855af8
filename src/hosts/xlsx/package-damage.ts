/**
 * What makes a package unsafe to read or to write back: two parts of one name, a part that is
 * not sound XML, a list of content types that is missing. The message says what, in words that
 * follow "the workbook looks damaged".
 */
export class DamagedPackageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DamagedPackageError';
  }
}
