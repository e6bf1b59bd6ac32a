// Generates TypeScript types from each service's OpenAPI spec:
// openapi/<service>.json -> src/lib/api/<service>.d.ts (committed, so a build needs no backend).
// With --check it writes nothing and fails when a committed .d.ts differs from what the
// committed spec generates (tests/test_openapi.py runs it, so the client cannot drift).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const specDir = join(root, 'openapi');
const outDir = join(root, 'src', 'lib', 'api');
const cli = join(root, 'node_modules', 'openapi-typescript', 'bin', 'cli.js');
const check = process.argv.includes('--check');

if (!existsSync(specDir)) {
  console.error(`gen:api: no ${specDir}; run "make openapi" in the repository root first`);
  process.exit(1);
}
const specs = readdirSync(specDir)
  .filter((name) => name.endsWith('.json'))
  .sort();
if (specs.length === 0) {
  console.error('gen:api: no openapi/*.json found');
  process.exit(1);
}
const target = check ? mkdtempSync(join(tmpdir(), 'gen-api-')) : outDir;
mkdirSync(target, { recursive: true });
const stale = [];
for (const spec of specs) {
  const service = spec.replace(/\.json$/, '');
  const output = join(target, `${service}.d.ts`);
  execFileSync(process.execPath, [cli, join(specDir, spec), '--output', output], {
    stdio: check ? 'ignore' : 'inherit',
  });
  if (check) {
    const committed = join(outDir, `${service}.d.ts`);
    if (!existsSync(committed) || readFileSync(committed, 'utf8') !== readFileSync(output, 'utf8')) {
      stale.push(`src/lib/api/${service}.d.ts`);
    }
  }
}
if (check) {
  rmSync(target, { recursive: true, force: true });
  if (stale.length > 0) {
    console.error(`gen:api: stale, run "make openapi": ${stale.join(', ')}`);
    process.exit(1);
  }
  console.log(`gen:api: ${specs.length} generated client type file(s) match their specs`);
} else {
  console.log(`gen:api: ${specs.length} service(s) -> src/lib/api/`);
}
