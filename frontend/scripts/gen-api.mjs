// Generates TypeScript types from each service's OpenAPI spec:
// openapi/<service>.json -> src/lib/api/<service>.d.ts (committed, so a build needs no backend).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const specDir = join(root, 'openapi');
const outDir = join(root, 'src', 'lib', 'api');
const cli = join(root, 'node_modules', 'openapi-typescript', 'bin', 'cli.js');

if (!existsSync(specDir)) {
  console.error(`gen:api: no ${specDir}; run "make openapi" in the repository root first`);
  process.exit(1);
}
mkdirSync(outDir, { recursive: true });
const specs = readdirSync(specDir).filter((name) => name.endsWith('.json')).sort();
if (specs.length === 0) {
  console.error('gen:api: no openapi/*.json found');
  process.exit(1);
}
for (const spec of specs) {
  const service = spec.replace(/\.json$/, '');
  const output = join(outDir, `${service}.d.ts`);
  execFileSync(process.execPath, [cli, join(specDir, spec), '--output', output], {
    stdio: 'inherit',
  });
}
console.log(`gen:api: ${specs.length} service(s) -> src/lib/api/`);
