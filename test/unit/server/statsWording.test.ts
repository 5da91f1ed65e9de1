import * as assert from 'node:assert/strict';
import { compactDuration } from '../../../server/src/cli/statsWording';

suite('postmortem stats: durations in table cells', () => {
  test('minutes, hours and days; unknown is ?', () => {
    assert.equal(compactDuration(undefined), '?');
    assert.equal(compactDuration(Number.NaN), '?');
    assert.equal(compactDuration(0), '0m');
    assert.equal(compactDuration(45), '45m');
    assert.equal(compactDuration(65), '1h05m');
    assert.equal(compactDuration(3 * 1440 + 180), '3d03h');
  });

  test('under a minute in seconds, rounded before they are compared', () => {
    // One second between two stamps, as the minute arithmetic gives it.
    const oneSecond = (29_321_760 + 1 / 60) - 29_321_760;
    assert.ok(oneSecond < 1 / 60, 'the floating-point value is a hair under 1/60');
    assert.equal(compactDuration(oneSecond), '1s');
    assert.equal(compactDuration(0.5), '30s');
    assert.equal(compactDuration(0.001), '<1s');
    assert.equal(compactDuration(0.999), '1m');
  });
});
