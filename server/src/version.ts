declare const POSTMORTEM_VERSION: string | undefined;
declare const POSTMORTEM_REPOSITORY: string | undefined;

/** The package version, inlined by the bundler; `0.0.0-dev` when running unbundled from `out/`. */
export const version: string = typeof POSTMORTEM_VERSION === 'string' ? POSTMORTEM_VERSION : '0.0.0-dev';

/**
 * The web address of the repository, from `repository.url` in package.json (inlined by the
 * bundler, without `git+` and `.git`); undefined when running unbundled from `out/`.
 */
export const repositoryUrl: string | undefined = typeof POSTMORTEM_REPOSITORY === 'string' && POSTMORTEM_REPOSITORY !== '' ? POSTMORTEM_REPOSITORY : undefined;
