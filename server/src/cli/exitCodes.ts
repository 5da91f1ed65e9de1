/**
 * The exit status of every command. Findings are not failures of the tool, so errors in use or
 * I/O rank above them: a run that hit both exits 2.
 */
export const exitCodes = Object.freeze({
  /** Nothing at or above `--fail-level` (default: error) was found. */
  ok: 0,
  /** At least one problem at or above `--fail-level`; for `render`, nothing to draw. */
  problemsFound: 1,
  /** A usage error, a file or `--config` that could not be read, a path that matched nothing, a fix that could not be written. */
  usageOrIo: 2,
});
