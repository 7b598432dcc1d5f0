import { npiProblem, parseTin, type Provider, type ProviderInput } from '@portico/core';

/** The fields of the add/edit form, as typed. */
export interface ProviderDraft {
  npi: string;
  firstName: string;
  lastName: string;
  organizationName: string;
  tin: string;
  specialty: string;
}

export const emptyDraft: ProviderDraft = {
  npi: '',
  firstName: '',
  lastName: '',
  organizationName: '',
  tin: '',
  specialty: '',
};

/** A draft from an existing provider. The TIN is not shown back (an SSN is never returned), so it must be re-entered. */
export function draftOf(provider: Provider): ProviderDraft {
  return {
    npi: provider.npi,
    firstName: provider.firstName ?? '',
    lastName: provider.lastName ?? '',
    organizationName: provider.organizationName ?? '',
    tin: provider.tin.kind === 'EIN' ? provider.tin.display : '',
    specialty: provider.specialty ?? '',
  };
}

/** True when the draft's NPI names an organization (first digit 2), so a group name is asked instead. */
export function isOrganizationDraft(draft: ProviderDraft): boolean {
  return draft.npi.trim().startsWith('2');
}

/**
 * The same checks the server makes, from @portico/core, so people see problems as they type; the server
 * checks again and its answer wins.
 */
export function draftProblems(draft: ProviderDraft): Partial<Record<keyof ProviderDraft, string>> {
  const problems: Partial<Record<keyof ProviderDraft, string>> = {};
  const npi = npiProblem(draft.npi.trim());
  if (npi) problems.npi = npi;
  const tin = parseTin(draft.tin);
  if (!tin.ok) problems.tin = tin.problem;
  if (isOrganizationDraft(draft)) {
    if (draft.organizationName.trim() === '') problems.organizationName = 'Enter the group name.';
  } else {
    if (draft.firstName.trim() === '') problems.firstName = 'Enter the first name.';
    if (draft.lastName.trim() === '') problems.lastName = 'Enter the last name.';
  }
  return problems;
}

/** The API input for a draft. */
export function inputOf(draft: ProviderDraft): ProviderInput {
  const organization = isOrganizationDraft(draft);
  const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());
  return {
    npi: draft.npi.trim(),
    tin: draft.tin.trim(),
    firstName: organization ? undefined : optional(draft.firstName),
    lastName: organization ? undefined : optional(draft.lastName),
    organizationName: organization ? optional(draft.organizationName) : undefined,
    specialty: optional(draft.specialty),
  };
}
