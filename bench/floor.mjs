// The floor for the command line: exceljs reading and writing the same file with no work between.
import ExcelJS from 'exceljs';

const [input, output] = process.argv.slice(2);
const workbook = new ExcelJS.Workbook();
await workbook.xlsx.readFile(input);
await workbook.xlsx.writeFile(output);
