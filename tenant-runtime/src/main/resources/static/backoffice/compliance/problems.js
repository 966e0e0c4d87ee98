// Problem details (RFC 9457) in plain words for a compliance officer.
import { describe, words } from './view.js';

function fieldErrors(problem) {
  const errors = Array.isArray(problem?.errors) ? problem.errors : [];
  return errors.map(error => `${words(error.field || 'value')}: ${error.message}`).join('; ');
}

export function plainWords(status, problem) {
  switch (problem?.code) {
    case 'rule_looser_than_pack':
      return `Not accepted: ${words(problem.rule || 'this rule').toLowerCase()} would be looser than the `
        + `${problem.jurisdiction || 'jurisdiction'} pack requires (${describe(problem.packValue)}). `
        + 'A rule can only be made stricter than the regulator\'s pack.';
    case 'four_eyes_required':
      return 'You requested this change yourself. Another compliance officer has to approve or reject it (four eyes).';
    case 'pep_hit_needs_due_diligence':
      return 'A PEP hit is not confirmed: record its enhanced due diligence (approve with the source of funds, or '
        + 'reject with a reason), or clear it as a namesake.';
    case 'not_a_pep_hit':
      return 'Due diligence is recorded only for PEP hits; a sanctions hit is cleared or confirmed.';
    case 'hit_decided':
      return `${problem.detail || 'This hit was already decided.'} Choose its status in the list to see the decision.`;
    case 'unknown_hit':
      return 'This screening hit no longer exists. Reload the list.';
    case 'forbidden':
      return 'Your account is not allowed to do this.';
    case 'unauthenticated':
    case 'session_ended':
      return 'Your sign-in has ended. Sign in again.';
    case 'validation_failed': {
      const fields = fieldErrors(problem);
      return `Please check the form: ${fields || problem.detail || 'a value is missing or not valid.'}`;
    }
    default:
      if (problem?.detail) return problem.detail;
      return status >= 500 ? 'The service is not available right now. Try again in a moment.'
        : `The request was not accepted (${status}).`;
  }
}
