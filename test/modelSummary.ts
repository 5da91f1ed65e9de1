import type { ClockTime, PostmortemDocument } from '../server/src/core/model';

function hhmm(time: ClockTime | undefined): string | null {
  return time ? `${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}` : null;
}

/** `2024-03-05`; a date written without its year (and none inferred) shows `????`. */
function isoDate(date: { year?: number; month: number; day: number } | undefined): string | null {
  return date ? `${date.year ?? '????'}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}` : null;
}

/** Entries as `HH:MM date zone` (`date` for an entry with a date and no time). */
function entryLines(model: PostmortemDocument): string[] {
  return model.timeline.entries.map((e) => [e.time ? hhmm(e.time) : 'date', isoDate(e.date), e.zone?.name].filter(Boolean).join(' '));
}

/** Sections as `kind|level|title`, entries as `HH:MM [date] [zone]` and the window: the shape of the pinned expected models. */
export function summariseModel(model: PostmortemDocument) {
  return {
    sections: model.allSections.map((s) => `${s.kind}|${s.level}|${s.title}`),
    times: entryLines(model),
    window: [hhmm(model.window.start), hhmm(model.window.end), model.window.statedDurationMinutes ?? null],
  };
}

/**
 * A parsed model reduced to what the fixture models pin (test/fixtures/models/<fixture>.json):
 * sections as `kinds|level|title`, entries as `HH:MM date zone`, and the window with its dates and zone.
 */
export interface FixtureModel {
  readonly sections: string[];
  readonly entries: string[];
  readonly window: { start: string | null; end: string | null; startDate: string | null; endDate: string | null; zone: string | null; durationMinutes: number | null };
}

export function fixtureModel(model: PostmortemDocument): FixtureModel {
  const window = model.window;
  return {
    sections: model.allSections.map((s) => `${s.kinds.join('+')}|${s.level}|${s.title}`),
    entries: entryLines(model),
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
