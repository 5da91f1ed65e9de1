import { readImpact } from '../impact';
import { DiagnosticCodes, type Rule } from './rule';

/**
 * `impact-unquantified`: the impact statement (an impact section, else the summary's impact
 * lines) says who or what was affected but gives no measure: no percentage, count, money,
 * error rate or duration. Reviewers ask "how many, how much, how long"; "some users" is not
 * an answer.
 */
export const checkImpactUnquantified: Rule = (document, options) => {
  if (!options['review.impactQuantified']) return [];
  const impact = readImpact(document);
  if (!impact || impact.quantified || !impact.namesAffected) return [];
  return [
    {
      code: DiagnosticCodes.impactUnquantified,
      severity: 'information',
      span: impact.anchor,
      message: 'The impact says who was affected but not how much: give a measure, such as the share or number of users, requests or orders affected, the error rate, the money lost, or how long users were affected',
    },
  ];
};
