/**
 * A postmortem whose timeline has `entries` one-minute entries (about 80 characters each), with
 * one entry half an hour out of order near the end (at least 30 entries past a midnight), so the analysis has a finding to report at any size.
 */
export function largeTimeline(entries: number): string {
  const lines = ['# Incident: checkout outage', '', '## Summary', '', 'Checkout failed for some users.', '', '## Timeline', ''];
  for (let i = 0; i < entries; i++) {
    const minutes = i === entries - 3 ? (i % 1440) - 30 : i % 1440;
    const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')} UTC`;
    lines.push(`- ${time} step ${i}: checked the dashboards and paged the next responder`);
  }
  lines.push('', '## Root Cause', '', 'A bad deploy.', '');
  return lines.join('\n');
}
