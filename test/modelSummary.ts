import type { ClockTime, PostmortemDocument } from '../server/src/core/model';

function hhmm(time: ClockTime | undefined): string | undefined {
  return time && `${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`;
}

function isoDate(date: { year?: number; month: number; day: number } | undefined): string | undefined {
  return date && `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/** Sections as `kind|level|title`, entries as `HH:MM [date] [zone]` and the window: the shape of the pinned expected models. */
export function summariseModel(model: PostmortemDocument) {
  return {
    sections: model.allSections.map((s) => `${s.kind}|${s.level}|${s.title}`),
    times: model.timeline.entries.map((e) => [e.time ? hhmm(e.time) : 'date', isoDate(e.date), e.zone?.name].filter(Boolean).join(' ')),
    window: [hhmm(model.window.start) ?? null, hhmm(model.window.end) ?? null, model.window.statedDurationMinutes ?? null],
  };
}
