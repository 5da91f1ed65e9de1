import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { diagnosticCatalog, describeDiagnostic } from '../core/analysis/diagnosticCatalog';
import type { Severity } from '../core/analysis/findings';
import { repositoryUrl, version } from '../version';
import { locateFindings, type CheckedFile, type FormatContext } from './checkedFile';

/** SARIF 2.1.0 `level` for each severity (SARIF has no "hint": a hint is a note). */
const sarifLevels: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** The base the artifact URIs are relative to: the working folder. */
const sourceRoot = '%SRCROOT%';

/** Where each code is explained: its section of `docs/DIAGNOSTICS.md` in the repository. */
export function diagnosticHelpUri(code: string): string | undefined {
  return repositoryUrl === undefined ? undefined : `${repositoryUrl}/blob/main/docs/DIAGNOSTICS.md#${code}`;
}

/**
 * A SARIF 2.1.0 log with one run: the tool with every rule it has (described from the diagnostic
 * catalog), each checked file as an artifact and each finding as a result. Regions are 1-based,
 * columns in UTF-16 code units (`columnKind`), the end column exclusive, as SARIF defines it.
 * Files under the working folder are relative URIs against `%SRCROOT%`, which code scanning
 * services resolve to the checkout; others are absolute `file:` URIs.
 */
export function formatSarif(files: readonly CheckedFile[], context: FormatContext): string {
  const codes = Object.keys(diagnosticCatalog);
  const rules = codes.map((code) => {
    const description = describeDiagnostic(code)!;
    const helpUri = diagnosticHelpUri(code);
    return {
      id: code,
      name: code.replace(/(^|-)([a-z])/g, (_, _dash: string, letter: string) => letter.toUpperCase()),
      shortDescription: { text: description.summary },
      fullDescription: { text: description.description },
      help: { text: description.help },
      ...(helpUri ? { helpUri } : {}),
      defaultConfiguration: { level: sarifLevels[description.defaultSeverity] },
      properties: { safeFix: description.safeFix },
    };
  });
  const artifacts = files.map((file) => ({ location: artifactLocation(file, context), mimeType: mimeTypeOf(file.file) }));
  const results = files.flatMap((file, artifactIndex) =>
    locateFindings(file).map((located) => {
      const location = (region: { line: number; column: number; endLine: number; endColumn: number }) => ({
        physicalLocation: {
          artifactLocation: { ...artifactLocation(file, context), index: artifactIndex },
          region: { startLine: region.line, startColumn: region.column, endLine: region.endLine, endColumn: region.endColumn },
        },
      });
      const ruleIndex = codes.indexOf(located.finding.code);
      return {
        ruleId: located.finding.code,
        ...(ruleIndex >= 0 ? { ruleIndex } : {}),
        level: sarifLevels[located.finding.severity],
        message: { text: located.finding.message },
        locations: [location(located)],
        ...(located.related.length > 0
          ? { relatedLocations: located.related.map((related, id) => ({ id, ...location(related), message: { text: related.message } })) }
          : {}),
      };
    }),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'postmortem',
            version,
            semanticVersion: version,
            ...(repositoryUrl ? { informationUri: repositoryUrl } : {}),
            rules,
          },
        },
        originalUriBaseIds: { [sourceRoot]: { uri: pathToFileURL(context.cwd.endsWith(path.sep) ? context.cwd : context.cwd + path.sep).href } },
        artifacts,
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function artifactLocation(file: CheckedFile, context: FormatContext): { uri?: string; uriBaseId?: string; description?: { text: string } } {
  if (file.absolute === undefined) return { description: { text: 'standard input' } };
  const relative = path.relative(context.cwd, file.absolute);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return { uri: pathToFileURL(file.absolute).href };
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: sourceRoot };
}

function mimeTypeOf(file: string): string {
  return /\.(md|markdown|mdown|mkd)$/i.test(file) ? 'text/markdown' : 'text/plain';
}
