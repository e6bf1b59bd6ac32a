// The SPA's initial JavaScript budget (issue 12: at most 250 kB gzipped, measured by the build).
// "Initial" is what a first visit must download before the app runs: the entry chunk that
// index.html loads and every chunk it imports statically, directly or through another one
// (index.html modulepreloads them). Chunks reached only by import() — lazy routes, the other
// languages — load when needed and do not count. Sizes are gzip at zlib's default level, as
// Vite's own build report shows them; kB are 1000 bytes, as in that report.
import { gzipSync } from 'node:zlib';

export const INITIAL_JS_BUDGET_KB = 250;

/**
 * The chunks a first visit loads: each entry chunk and its static imports, transitively.
 * @param {Record<string, { type: string, isEntry?: boolean, imports?: string[], code?: string }>} bundle
 *   Rollup's output bundle (file name → chunk or asset), as `generateBundle` receives it.
 * @returns {string[]} file names, entries first, then in the order they were reached
 */
export function initialChunks(bundle) {
  const seen = new Set();
  const queue = Object.values(bundle)
    .filter((item) => item.type === 'chunk' && item.isEntry)
    .map((chunk) => chunk.fileName);
  while (queue.length > 0) {
    const name = queue.shift();
    if (name === undefined || seen.has(name)) continue;
    const chunk = bundle[name];
    if (!chunk || chunk.type !== 'chunk') continue;
    seen.add(name);
    queue.push(...(chunk.imports ?? []));
  }
  return [...seen];
}

/**
 * The gzipped size of every initial chunk and their sum.
 * @param {Record<string, { type: string, isEntry?: boolean, imports?: string[], code?: string }>} bundle
 * @returns {{ chunks: { fileName: string, gzipBytes: number }[], totalBytes: number }}
 */
export function measureInitialJs(bundle) {
  const chunks = initialChunks(bundle).map((fileName) => ({
    fileName,
    gzipBytes: gzipSync(Buffer.from(bundle[fileName]?.code ?? '', 'utf8')).length,
  }));
  return { chunks, totalBytes: chunks.reduce((sum, chunk) => sum + chunk.gzipBytes, 0) };
}

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

/** The report printed after the build: each initial chunk, the sum and the budget. */
export function formatReport({ chunks, totalBytes }, budgetKb = INITIAL_JS_BUDGET_KB) {
  const width = Math.max(...chunks.map((chunk) => chunk.fileName.length), 10);
  const lines = [...chunks]
    .sort((a, b) => b.gzipBytes - a.gzipBytes)
    .map((chunk) => `  ${chunk.fileName.padEnd(width)}  ${kb(chunk.gzipBytes).padStart(9)}`);
  const verdict = totalBytes <= budgetKb * 1000 ? 'within' : 'OVER';
  return [`Initial JavaScript (gzip), ${verdict} the budget of ${budgetKb} kB:`, ...lines, `  ${'total'.padEnd(width)}  ${kb(totalBytes).padStart(9)}`].join('\n');
}

/**
 * A Vite plugin (build only): measures the initial JavaScript once the bundle is generated,
 * prints it with the budget, and fails the build when it is over.
 * @param {{ budgetKb?: number }} [options]
 */
export function initialJsBudget({ budgetKb = INITIAL_JS_BUDGET_KB } = {}) {
  return {
    name: 'mestring:initial-js-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const measured = measureInitialJs(bundle);
      const report = formatReport(measured, budgetKb);
      if (measured.totalBytes > budgetKb * 1000) {
        this.error(`${report}\nLoad more of the app on demand (lazy routes, import()) or raise the budget in docs/performance.md with a reason.`);
      }
      console.log(`\n${report}\n`);
    },
  };
}
