/**
 * Every Office.js member the add-in's code touches, found with the TypeScript compiler: each
 * property access, call or `load('a,b')` whose declaration is in @types/office-js, with the
 * requirement set that declaration's documentation names ("[Api set: ExcelApi 1.13]").
 */
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface OfficeApiUse {
  /** e.g. "Excel.Range.getMergedAreasOrNullObject" */
  readonly member: string;
  /** e.g. "ExcelApi 1.13", from the @types/office-js documentation; null where it names none. */
  readonly typesApiSet: string | null;
  /** "src/hosts/excel/read-excel.ts:84" */
  readonly where: string;
  /** "ExcelApi 1.13" when the call runs only if a check such as excelApiSupported('1.13') passed. */
  readonly guardedBy: string | null;
}

const ROOT = join(__dirname, '..', '..');

function apiSetOf(symbol: ts.Symbol): string | null {
  for (const declaration of symbol.getDeclarations() ?? []) {
    const text = declaration.getSourceFile().text;
    const comments = ts.getLeadingCommentRanges(text, declaration.getFullStart()) ?? [];
    for (const range of comments) {
      const match = /\[Api set: ([^\]]+)\]/.exec(text.slice(range.pos, range.end));
      if (match) return match[1]!.trim();
    }
  }
  return null;
}

function isOfficeDeclaration(symbol: ts.Symbol): boolean {
  return (symbol.getDeclarations() ?? []).some((d) =>
    /@types[\\/](office-js|custom-functions-runtime)[\\/]/.test(d.getSourceFile().fileName),
  );
}

/** "Excel.Range" for a declaration inside `declare namespace Excel { class Range { … } }`. */
function ownerName(declaration: ts.Declaration): string {
  const names: string[] = [];
  for (let node: ts.Node | undefined = declaration.parent; node; node = node.parent) {
    if ((ts.isClassDeclaration(node) || ts.isInterfaceDeclaration(node) || ts.isModuleDeclaration(node)) && node.name)
      names.unshift(node.name.getText());
  }
  return names.join('.');
}

/** The Office.js members used by the TypeScript files under `folders` (relative to the project). */
export function officeApiUsage(folders: readonly string[]): OfficeApiUse[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(ROOT, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!config) throw new Error('tsconfig.json could not be read');
  const wanted = (file: string) =>
    folders.some((folder) => !relative(join(ROOT, folder), file).startsWith('..')) && /\.tsx?$/.test(file) && !file.endsWith('.d.ts');
  const program = ts.createProgram({ rootNames: config.fileNames.filter(wanted), options: config.options });
  const checker = program.getTypeChecker();
  const uses: OfficeApiUse[] = [];

  /** The ExcelApi version a requirement check in `condition` asks for, following a const to its initializer. */
  const checkedVersion = (condition: ts.Node): string | null => {
    let found: string | null = null;
    const look = (node: ts.Node): void => {
      if (found) return;
      if (ts.isCallExpression(node)) {
        const callee = node.expression.getText();
        const argument = callee.endsWith('isSetSupported')
          ? node.arguments[1]
          : callee === 'excelApiSupported'
            ? node.arguments[0]
            : undefined;
        const type = argument ? checker.getTypeAtLocation(argument) : undefined;
        if (type?.isStringLiteral() && (!callee.endsWith('isSetSupported') || node.arguments[0]?.getText().includes('ExcelApi'))) {
          found = `ExcelApi ${type.value}`;
          return;
        }
      }
      if (ts.isIdentifier(node)) {
        const declaration = checker.getSymbolAtLocation(node)?.valueDeclaration;
        if (
          declaration &&
          ts.isVariableDeclaration(declaration) &&
          declaration.initializer &&
          declaration.getSourceFile() === node.getSourceFile()
        )
          look(declaration.initializer);
      }
      ts.forEachChild(node, look);
    };
    look(condition);
    return found;
  };

  const guardOf = (node: ts.Node): string | null => {
    for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
      const condition =
        ts.isIfStatement(parent) && parent.thenStatement === child
          ? parent.expression
          : ts.isConditionalExpression(parent) && parent.whenTrue === child
            ? parent.condition
            : ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && parent.right === child
              ? parent.left
              : undefined;
      const version = condition ? checkedVersion(condition) : null;
      if (version) return version;
    }
    return null;
  };

  const record = (symbol: ts.Symbol | undefined, node: ts.Node) => {
    if (!symbol || !isOfficeDeclaration(symbol)) return;
    const declaration = symbol.getDeclarations()![0]!;
    const owner = ownerName(declaration);
    const source = node.getSourceFile();
    const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    uses.push({
      member: owner ? `${owner}.${symbol.getName()}` : symbol.getName(),
      typesApiSet: apiSetOf(symbol),
      where: `${relative(ROOT, source.fileName)}:${line}`,
      guardedBy: guardOf(node),
    });
  };

  for (const source of program.getSourceFiles()) {
    if (!wanted(source.fileName)) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) record(checker.getSymbolAtLocation(node.name), node.name);
      // Properties named in object literals typed by Office.js (getCellProperties({ format: … })).
      if (ts.isPropertyAssignment(node) && ts.isObjectLiteralExpression(node.parent)) {
        const contextual = checker.getContextualType(node.parent);
        const property = contextual?.getProperty(node.name.getText());
        record(property, node.name);
      }
      // load('a,b,items/c'): each property loaded is used too.
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'load') {
        const target = checker.getTypeAtLocation(node.expression.expression);
        const argument = node.arguments[0];
        if (argument && ts.isStringLiteralLike(argument)) {
          for (const path of argument.text.split(',')) {
            let type: ts.Type | undefined = target;
            for (const part of path.trim().split('/')) {
              const property = type?.getProperty(part);
              if (!property) break;
              record(property, argument);
              type = checker.getTypeOfSymbolAtLocation(property, argument);
              const items = type.getProperty('items');
              if (part !== 'items' && items && path.includes(`${part}/items`)) type = checker.getTypeOfSymbolAtLocation(items, argument);
            }
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return uses;
}
