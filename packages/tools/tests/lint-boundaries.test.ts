import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ESLint } from 'eslint';
import { REPO_ROOT } from '@cocok/server';

/**
 * The import boundaries of the workspaces are ESLint rules (packages/tools/lint/boundaries.js). Each row is a
 * deliberate violation linted as if it were in that file, so deleting or loosening a rule fails here; the
 * permitted rows keep the table honest (a config that refused everything would fail them).
 */
const cases: { name: string; file: string; code: string; rule: string | null }[] = [
  {
    name: 'web imports the server by name',
    file: 'packages/web/src/features/x.ts',
    code: "import { createApp } from '@cocok/server';",
    rule: 'no-restricted-imports',
  },
  {
    name: 'web imports the server by a relative path',
    file: 'packages/web/src/features/x.ts',
    code: "import { createApp } from '../../../server/src/app.ts';",
    rule: 'import-x/no-relative-packages',
  },
  {
    name: 'web imports the reader',
    file: 'packages/web/src/lib/x.ts',
    code: "import { sniffFormat } from '@cocok/reader';",
    rule: 'no-restricted-imports',
  },
  {
    name: 'web source uses node',
    file: 'packages/web/src/lib/x.ts',
    code: "import fs from 'node:fs';",
    rule: 'no-restricted-imports',
  },
  {
    name: 'the server imports the web app',
    file: 'packages/server/src/x.ts',
    code: "import '@cocok/web';",
    rule: 'no-restricted-imports',
  },
  {
    name: 'the server imports tools',
    file: 'packages/server/src/x.ts',
    code: "import '@cocok/tools';",
    rule: 'no-restricted-imports',
  },
  {
    name: 'the reader imports the server',
    file: 'packages/reader/src/x.ts',
    code: "import { createApp } from '@cocok/server';",
    rule: 'no-restricted-imports',
  },
  {
    name: 'domain imports the api',
    file: 'packages/domain/src/x.ts',
    code: "import { routes } from '@cocok/api';",
    rule: 'no-restricted-imports',
  },
  {
    name: 'domain uses node',
    file: 'packages/domain/src/x.ts',
    code: "import { createHash } from 'node:crypto';",
    rule: 'no-restricted-imports',
  },
  {
    name: 'the api imports the server',
    file: 'packages/api/src/x.ts',
    code: "import { createApp } from '@cocok/server';",
    rule: 'no-restricted-imports',
  },
  {
    name: 'product source imports test fixtures',
    file: 'packages/server/src/x.ts',
    code: "import { fixture } from '@cocok/testing';",
    rule: 'no-restricted-imports',
  },
  {
    name: 'permitted: the server imports domain, api and reader',
    file: 'packages/server/src/x.ts',
    code: "import { FIELDS } from '@cocok/domain';\nimport { routes } from '@cocok/api';\nimport { sniffFormat } from '@cocok/reader';\nexport const used = [FIELDS, routes, sniffFormat];",
    rule: null,
  },
  {
    name: 'permitted: web imports domain and api',
    file: 'packages/web/src/lib/x.ts',
    code: "import { FIELDS } from '@cocok/domain';\nimport { apiPaths } from '@cocok/api';\nexport const used = [FIELDS, apiPaths];",
    rule: null,
  },
  {
    name: 'permitted: a server test uses fixtures and node',
    file: 'packages/server/tests/x.test.ts',
    code: "import fs from 'node:fs';\nimport { fixture } from '@cocok/testing';\nexport const used = [fs, fixture];",
    rule: null,
  },
  {
    name: 'permitted: tools import the server',
    file: 'packages/tools/src/x.ts',
    code: "import { createApp } from '@cocok/server';\nexport const used = createApp;",
    rule: null,
  },
];

const eslint = new ESLint({ cwd: REPO_ROOT });

for (const c of cases) {
  test(`lint boundaries: ${c.name}`, async () => {
    const [result] = await eslint.lintText(c.code + '\n', { filePath: path.join(REPO_ROOT, c.file) });
    const rules = result.messages.map((m) => m.ruleId);
    if (c.rule === null)
      assert.deepEqual(result.messages, [], `expected no findings, got ${JSON.stringify(result.messages)}`);
    else
      assert.ok(
        rules.includes(c.rule),
        `expected ${c.rule}, got ${JSON.stringify(result.messages.map((m) => [m.ruleId, m.message]))}`,
      );
  });
}
