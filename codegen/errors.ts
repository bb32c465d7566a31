/**
 * The one error type codegen throws for problems in its input (a broken spec, a bad constants file,
 * a clash between openapi/ files). The CLI prints only its message, so it must say what is wrong and
 * where; anything else that escapes is a bug in codegen and keeps its stack trace.
 */
export class CodegenError extends Error {
  override readonly name = 'CodegenError';
}
