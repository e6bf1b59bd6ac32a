import { gzipSync } from 'node:zlib';

import { describe, expect, it } from 'vitest';

import { formatReport, initialChunks, initialJsBudget, measureInitialJs } from './bundle-budget.mjs';

const gz = (code) => gzipSync(Buffer.from(code)).length;

/** A tiny bundle: the entry imports react and a shared chunk (which imports util); a lazy page is reached only by import(). */
const bundle = {
  'index.js': { type: 'chunk', fileName: 'index.js', isEntry: true, imports: ['react.js', 'shared.js'], dynamicImports: ['page.js'], code: 'import "./react.js";'.repeat(20) },
  'react.js': { type: 'chunk', fileName: 'react.js', isEntry: false, imports: [], code: 'export const react = 1;' },
  'shared.js': { type: 'chunk', fileName: 'shared.js', isEntry: false, imports: ['util.js', 'react.js'], code: 'export const shared = 2;' },
  'util.js': { type: 'chunk', fileName: 'util.js', isEntry: false, imports: [], code: 'export const util = 3;' },
  'page.js': { type: 'chunk', fileName: 'page.js', isEntry: false, imports: ['shared.js'], code: 'export const page = "lazy";'.repeat(500) },
  'index.css': { type: 'asset', fileName: 'index.css', source: 'body{}' },
  'index.js.map': { type: 'asset', fileName: 'index.js.map', source: '{}' },
};

describe('initial JavaScript', () => {
  it('is the entry and what it imports statically, transitively; lazy chunks and assets do not count', () => {
    expect(initialChunks(bundle).sort()).toEqual(['index.js', 'react.js', 'shared.js', 'util.js']);
  });

  it('sums the gzipped sizes of those chunks', () => {
    const measured = measureInitialJs(bundle);
    const expected = ['index.js', 'react.js', 'shared.js', 'util.js'].reduce((sum, name) => sum + gz(bundle[name].code), 0);
    expect(measured.totalBytes).toBe(expected);
    expect(measured.chunks.find((chunk) => chunk.fileName === 'index.js')?.gzipBytes).toBe(gz(bundle['index.js'].code));
  });

  it('reports the total against the budget', () => {
    const report = formatReport({ chunks: [{ fileName: 'index.js', gzipBytes: 1234 }], totalBytes: 1234 }, 1);
    expect(report).toContain('OVER the budget of 1 kB');
    expect(report).toMatch(/total\s+1\.2 kB/);
    expect(formatReport({ chunks: [{ fileName: 'index.js', gzipBytes: 999 }], totalBytes: 999 }, 1)).toContain('within the budget');
  });

  it('fails the build over the budget and passes it within', () => {
    const errors = [];
    const context = { error: (message) => errors.push(message) };
    const tight = initialJsBudget({ budgetKb: measureInitialJs(bundle).totalBytes / 1000 - 0.001 });
    tight.generateBundle.call(context, {}, bundle);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('OVER the budget');
    const roomy = initialJsBudget({ budgetKb: 250 });
    roomy.generateBundle.call(context, {}, bundle);
    expect(errors).toHaveLength(1);
  });
});
