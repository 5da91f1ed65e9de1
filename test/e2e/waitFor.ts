/** How long to wait for an editor to show something when a caller names no deadline. */
export const DEFAULT_DEADLINE_MS = 30_000;

/**
 * Polls `probe` until it returns without throwing (and not `undefined`/`false`), then returns its
 * value. At the deadline the last assertion error is rethrown, so a failure says what was wrong,
 * not only that time ran out.
 */
export async function waitFor<T>(
	probe: () => T | Promise<T>,
	timeoutMs = DEFAULT_DEADLINE_MS,
	description = 'condition',
): Promise<Exclude<T, undefined | false>> {
	const deadline = Date.now() + timeoutMs;
	let lastError: unknown;
	for (;;) {
		try {
			const value = await probe();
			if (value !== undefined && value !== false) return value as Exclude<T, undefined | false>;
			lastError = new Error(`${description}: not yet (${String(value)})`);
		} catch (error) {
			lastError = error;
		}
		if (Date.now() > deadline) {
			if (lastError instanceof Error) {
				lastError.message = `after ${timeoutMs} ms waiting for ${description}: ${lastError.message}`;
				throw lastError;
			}
			throw new Error(`after ${timeoutMs} ms waiting for ${description}: ${String(lastError)}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}
