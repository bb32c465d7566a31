import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..');
export const OPENAPI_DIR = path.join(REPO_ROOT, 'openapi');
export const GENERATED_DIR = path.join(REPO_ROOT, 'generated');
/** The files codegen writes, in this order; nothing else belongs in generated/. */
export const GENERATED_FILES = [
  'types.ts',
  'operations.ts',
  'version-gates.ts',
  'constants.ts',
  'code-names.ts',
  'validators.js',
  'validators.d.ts',
];
