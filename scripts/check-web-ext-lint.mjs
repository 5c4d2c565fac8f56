// Reads `web-ext lint --output json` on stdin: prints every finding, fails on any error.
let input = '';
for await (const chunk of process.stdin) input += chunk;
const report = JSON.parse(input);
for (const kind of ['errors', 'warnings', 'notices']) {
  for (const m of report[kind])
    console.log(`${kind.slice(0, -1)}: ${m.code} ${m.message}${m.file ? ` (${m.file})` : ''}`);
}
console.log(`web-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings`);
process.exit(report.summary.errors === 0 ? 0 : 1);
