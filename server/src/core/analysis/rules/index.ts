import { checkActionItemDue } from './actionItemDue';
import { checkActionItemOverdue } from './actionItemOverdue';
import { checkActionItemOwner } from './actionItemOwner';
import { checkActionItemTicket } from './actionItemTicket';
import { checkAmbiguousDate } from './ambiguousDate';
import { checkBlameLanguage } from './blameLanguage';
import { checkImpactUnquantified } from './impactUnquantified';
import { checkNoActionItems } from './noActionItems';
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
  { code: DiagnosticCodes.actionItemOverdue, check: checkActionItemOverdue },
  { code: DiagnosticCodes.actionItemOwner, check: checkActionItemOwner },
  { code: DiagnosticCodes.actionItemDue, check: checkActionItemDue },
  { code: DiagnosticCodes.actionItemTicket, check: checkActionItemTicket },
  { code: DiagnosticCodes.noActionItems, check: checkNoActionItems },
  { code: DiagnosticCodes.blameLanguage, check: checkBlameLanguage },
  { code: DiagnosticCodes.impactUnquantified, check: checkImpactUnquantified },
]);
