import { npiEntityKind, type Provider, type ProviderInput } from '@portico/core';

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

/** True when the draft's NPI names an organization (`npiEntityKind`), so a group name is asked instead. */
export function isOrganizationDraft(draft: ProviderDraft): boolean {
  return npiEntityKind(draft.npi.trim()) === 'organization';
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

/** The form's labels, by field. */
export const fieldLabels: Record<keyof ProviderDraft, string> = {
  npi: 'NPI',
  firstName: 'First name',
  lastName: 'Last name',
  organizationName: 'Group name',
  tin: 'TIN (EIN or SSN)',
  specialty: 'Specialty (optional)',
};

/** The form's fields a server refusal can name. */
export const DRAFT_FIELDS = Object.keys(fieldLabels) as (keyof ProviderDraft)[];
