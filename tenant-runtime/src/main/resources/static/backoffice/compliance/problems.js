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
