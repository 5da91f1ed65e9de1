declare const POSTMORTEM_VERSION: string | undefined;

/** The package version, inlined by the bundler; `0.0.0-dev` when running unbundled from `out/`. */
export const version: string = typeof POSTMORTEM_VERSION === 'string' ? POSTMORTEM_VERSION : '0.0.0-dev';
