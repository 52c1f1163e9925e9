/**
 * Fails when src/gql/ no longer matches what codegen.ts generates from ../api/schema.gql and
 * the operations in src/: run `npm run generate` (in apps/admin) and commit the result.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const adminDir = join(__dirname, '..', '..');

describe('generated GraphQL types (src/gql)', () => {
  it('are exactly what codegen produces from the committed schema.gql and the operations (run npm run generate if this fails)', () => {
    const stdout = execFileSync(process.execPath, [join(adminDir, 'scripts/generated-code.mjs')], { cwd: adminDir, encoding: 'utf8' });
    const outputs = JSON.parse(stdout) as { filename: string; content: string }[];
    expect(outputs.map((output) => output.filename).sort()).toEqual(['src/gql/gql.ts', 'src/gql/graphql.ts', 'src/gql/index.ts']);
    for (const output of outputs) {
      expect({ file: output.filename, content: readFileSync(join(adminDir, output.filename), 'utf8') }).toEqual({
        file: output.filename,
        content: output.content,
      });
    }
  }, 60_000);
});
