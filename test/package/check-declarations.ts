// Type-checks the installed package's own declaration files (dist/**/*.d.ts, .d.mts) in a consumer
// project, with the consumer's tsconfig but without skipLibCheck, and only those files: a name that
// does not resolve in our declarations (a DOM-only type for a Node consumer, a missing export) would
// otherwise silently become `any` under skipLibCheck.
import path from 'node:path';
import ts from 'typescript';

export interface DeclarationCheck {
  /** package-relative paths of the declaration files that were checked */
  files: string[];
  /** formatted diagnostics, empty when clean */
  errors: string[];
}

export function checkPackageDeclarations(projectDir: string, tsconfigName: string): DeclarationCheck {
  const configPath = path.join(projectDir, tsconfigName);
  const host: ts.ParseConfigFileHost = {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  };
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, { skipLibCheck: false, noEmit: true }, host);
  if (!parsed) throw new Error(`cannot read ${configPath}`);
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
  const packageDir = `${path.join(projectDir, 'node_modules', 'linstor-api')}${path.sep}`;
  const ours = program.getSourceFiles().filter((file) => path.resolve(file.fileName).startsWith(packageDir));
  const formatHost: ts.FormatDiagnosticsHost = {
    getCanonicalFileName: (f) => f,
    getCurrentDirectory: () => projectDir,
    getNewLine: () => '\n',
  };
  const errors = ours
    .flatMap((file) => [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)])
    .map((d) => ts.formatDiagnostic(d, formatHost).trim());
  return { files: ours.map((file) => path.relative(packageDir, file.fileName)).sort(), errors };
}
