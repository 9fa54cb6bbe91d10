// The lint configuration lives in packages/tools/lint (see the comment there for why).
export { default } from './packages/tools/lint/eslint.config.js';
