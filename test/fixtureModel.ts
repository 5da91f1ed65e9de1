import type { ClockTime, PostmortemDocument } from '../server/src/core/model';

/**
 * A parsed model reduced to what the fixture models pin (test/fixtures/models/<fixture>.json):
 * sections as `kinds|level|title`, entries as `HH:MM date zone`, and the window.
 */
export interface FixtureModel {
  readonly sections: string[];
  readonly entries: string[];
  readonly window: { start: string | null; end: string | null; startDate: string | null; endDate: string | null; zone: string | null; durationMinutes: number | null };
}

function hhmm(time: ClockTime | undefined): string | null {
  return time ? `${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}` : null;
}

function isoDate(date: { year?: number; month: number; day: number } | undefined): string | null {
  return date ? `${date.year ?? '????'}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}` : null;
}

export function fixtureModel(model: PostmortemDocument): FixtureModel {
  const window = model.window;
  return {
    sections: model.allSections.map((s) => `${s.kinds.join('+')}|${s.level}|${s.title}`),
    entries: model.timeline.entries.map((e) => [e.time ? hhmm(e.time) : 'date', isoDate(e.date), e.zone?.name].filter(Boolean).join(' ')),
    window: {
      start: hhmm(window.start),
      end: hhmm(window.end),
      startDate: isoDate(window.startDate),
      endDate: isoDate(window.endDate),
      zone: window.zone?.name ?? null,
      durationMinutes: window.statedDurationMinutes ?? null,
    },
  };
}
