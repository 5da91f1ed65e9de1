import { checkAmbiguousDate } from './ambiguousDate';
import { checkDuplicateSection } from './duplicateSection';
import { checkDurationMismatch } from './durationMismatch';
import { checkEmptySection } from './emptySection';
import { checkInvalidTime } from './invalidTime';
import { checkMissingSection } from './missingSection';
import { checkOutsideWindow } from './outsideWindow';
import { checkTimelineOrder } from './timelineOrder';
import { checkTimezoneMissing } from './timezoneMissing';
import { checkTimezoneMixed } from './timezoneMixed';
import { checkUnreadableTime } from './unreadableTime';
import { DiagnosticCodes, type DiagnosticCode, type Rule } from './rule';

/** Every rule with the codes it reports, in the order findings are listed for equal positions. */
export const rules: readonly { readonly code: DiagnosticCode; readonly check: Rule }[] = Object.freeze([
  { code: DiagnosticCodes.invalidTime, check: checkInvalidTime },
  { code: DiagnosticCodes.unreadableTime, check: checkUnreadableTime },
  { code: DiagnosticCodes.timelineOrder, check: checkTimelineOrder },
  { code: DiagnosticCodes.timezoneMissing, check: checkTimezoneMissing },
  { code: DiagnosticCodes.timezoneMixed, check: checkTimezoneMixed },
  { code: DiagnosticCodes.durationMismatch, check: checkDurationMismatch },
  { code: DiagnosticCodes.outsideWindow, check: checkOutsideWindow },
  { code: DiagnosticCodes.ambiguousDate, check: checkAmbiguousDate },
  { code: DiagnosticCodes.missingSection, check: checkMissingSection },
  { code: DiagnosticCodes.emptySection, check: checkEmptySection },
  { code: DiagnosticCodes.duplicateSection, check: checkDuplicateSection },
]);
