/** `npm run docs:config`: writes docs/configuration.md from server/src/config.ts (see scripts/docs-config/render.ts). */
import fs from 'node:fs';
import path from 'node:path';
import { describeSettings } from '@cocok/server';
import { REPO_ROOT } from '@cocok/server';
import { CONFIGURATION_DOC, renderConfigurationDoc } from './docs-config/render.ts';

const file = path.join(REPO_ROOT, CONFIGURATION_DOC);
fs.writeFileSync(file, renderConfigurationDoc(describeSettings()));
console.log(`wrote ${CONFIGURATION_DOC}`);
