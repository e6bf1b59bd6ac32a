// Types for bundle-budget.mjs (vite.config.ts imports it).
import type { Plugin } from 'vite';

export const INITIAL_JS_BUDGET_KB: number;
type Bundle = Record<string, { type: string; fileName?: string; isEntry?: boolean; imports?: string[]; code?: string }>;
export function initialChunks(bundle: Bundle): string[];
export function measureInitialJs(bundle: Bundle): { chunks: { fileName: string; gzipBytes: number }[]; totalBytes: number };
export function formatReport(measured: { chunks: { fileName: string; gzipBytes: number }[]; totalBytes: number }, budgetKb?: number): string;
export function initialJsBudget(options?: { budgetKb?: number }): Plugin;
