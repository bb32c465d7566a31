import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import ts from 'typescript';
import type { OpenApiDocument } from './bundle';
import { BIGINT_MARK } from './normalize';

const BIGINT = ts.factory.createKeywordTypeNode(ts.SyntaxKind.BigIntKeyword);

/**
 * openapi-typescript 7 over the normalised document. `defaultNonNullable: false` keeps properties that
 * only have a `default` optional (openapi-notes.md §6.5); `x-linstor-bigint` (and any `ret_code`)
 * becomes `bigint`, matching the SDK's lossless JSON parse.
 */
export async function generateTypes(doc: OpenApiDocument): Promise<string> {
  const ast = await openapiTS(structuredClone(doc) as unknown as OpenAPI3, {
    defaultNonNullable: false,
    silent: true,
    transform(schema, options) {
      const marked = (schema as Record<string, unknown>)[BIGINT_MARK] === true;
      const isRetCode = options.path?.endsWith('/properties/ret_code') === true;
      if (marked || (isRetCode && (schema.type === 'integer' || schema.type === 'number'))) return BIGINT;
      return undefined;
    },
  });
  return astToString(ast);
}
