import type { Member, OfficeRole, Permission, Site } from '@portico/core';
import { html, nothing } from 'lit';
import { dayText, OFFICE_ROLES, PERMISSION_LABELS, ROLE_LABELS, roleText, statusText } from './labels.ts';

/** What a user administrator may do here, from the session (the server says which procedures they may call). */
export interface AdminAbilities {
  approve: boolean;
  manage: boolean;
  /** The whole office (a security officer): may hand out the security officer role. */
  wholeOffice: boolean;
  /** The caller's own id: nobody changes their own roles here. */
  selfId: string;
}

/** The result of the last action, shown at the user it concerned. */
export interface ActionNotice {
  userId: string;
  kind: 'done' | 'refused';
  text: string;
}

/** How one permission stands in the matrix draft: as the roles give it, granted, or denied. */
export type PermissionSetting = 'role' | 'granted' | 'denied';
const isSetting = (value: string): value is PermissionSetting =>
  value === 'role' || value === 'granted' || value === 'denied';

const noticeAt = (notice: ActionNotice | null, userId: string) =>
  notice?.userId === userId
    ? html`<p
        class="notice ${notice.kind}"
        part="result"
        tabindex="-1"
        role=${notice.kind === 'refused' ? 'alert' : 'status'}
      >
        ${notice.text}
      </p>`
    : nothing;

/** One pending access request: the sites and role to approve it with, or a reason to deny it. */
export function accessRequestView(
  member: Member,
  options: {
    sites: Site[];
    abilities: AdminAbilities;
    notice: ActionNotice | null;
    busy: boolean;
    approve: (form: HTMLFormElement) => void;
    deny: (form: HTMLFormElement) => void;
  },
) {
  const id = member.userId;
  const roles = OFFICE_ROLES.filter((role) => role !== 'SECURITY_OFFICER' || options.abilities.wholeOffice);
  return html`<li class="request" part="request">
    <p class="who"><strong>${member.displayName}</strong> ${member.email ?? ''}</p>
    <p class="muted">Asked on ${dayText(member.statusChangedAt)}</p>
    ${
      options.abilities.approve
        ? html`<form
              class="approve"
              aria-label=${`Approve ${member.displayName}`}
              @submit=${(event: SubmitEvent) => {
                event.preventDefault();
                if (event.currentTarget instanceof HTMLFormElement) options.approve(event.currentTarget);
              }}
            >
              <fieldset>
                <legend>Sites</legend>
                ${options.sites.map(
                  (site) =>
                    html`<label><input type="checkbox" name="site" value=${site.id} /> ${site.name}</label>`,
                )}
              </fieldset>
              <label
                >Role
                <select name="role">
                  ${roles.map((role) => html`<option value=${role} ?selected=${role === 'OFFICE_USER'}>${ROLE_LABELS[role]}</option>`)}
                </select></label
              >
              <button type="submit" part="approve" ?disabled=${options.busy}>Approve</button>
            </form>
            <form
              class="deny"
              aria-label=${`Deny ${member.displayName}`}
              @submit=${(event: SubmitEvent) => {
                event.preventDefault();
                if (event.currentTarget instanceof HTMLFormElement) options.deny(event.currentTarget);
              }}
            >
              <label>Reason for denying <input name="reason" maxlength="500" id=${`reason-${id}`} /></label>
              <button type="submit" class="danger" part="deny" ?disabled=${options.busy}>Deny</button>
            </form>`
        : nothing
    }
    ${noticeAt(options.notice, id)}
  </li>`;
}

/** One user with their status and dates, the actions the caller may take, and the permission matrix when open. */
export function memberView(
  member: Member,
  options: {
    abilities: AdminAbilities;
    notice: ActionNotice | null;
    busy: boolean;
    open: boolean;
    draft: Map<Permission, PermissionSetting>;
    /** The roles ticked in the open panel. */
    roles: ReadonlySet<OfficeRole>;
    role: (role: OfficeRole, on: boolean) => void;
    saveRoles: () => void;
    toggle: () => void;
    renew: () => void;
    remove: () => void;
    viewOnly: (on: boolean) => void;
    setting: (permission: Permission, value: PermissionSetting) => void;
    save: () => void;
  },
) {
  const { abilities } = options;
  const live = member.status === 'ACTIVE' || member.status === 'SUSPENDED';
  const viewOnly = member.deniedPermissions.includes('storefront.manage');
  return html`<li class="member ${member.status.toLowerCase()}" part="member">
    <div class="summary">
      <p class="who">
        <strong>${member.displayName}</strong> <span class="muted">${member.email ?? ''}</span>
      </p>
      <p>${member.roles.map(roleText).join(', ')}</p>
      <p part="status" class="status">${statusText(member.status, member.statusReason)}</p>
      <dl>
        <dt>Last active</dt>
        <dd>${dayText(member.lastActiveAt)}</dd>
        <dt>Renewal due</dt>
        <dd>${dayText(member.renewalDueAt)}</dd>
      </dl>
    </div>
    ${
      abilities.manage && live
        ? html`<div class="actions">
            <label class="switch"
              ><input
                type="checkbox"
                part="view-only"
                .checked=${viewOnly}
                ?disabled=${options.busy}
                @change=${(event: Event) =>
                  event.target instanceof HTMLInputElement && options.viewOnly(event.target.checked)}
              />
              View-only in the storefront</label
            >
            <button class="secondary" part="renew" ?disabled=${options.busy} @click=${options.renew}>
              Renew access
            </button>
            <button
              class="secondary"
              part="permissions"
              aria-expanded=${options.open}
              @click=${options.toggle}
            >
              Permissions
            </button>
            <button class="danger" part="remove" ?disabled=${options.busy} @click=${options.remove}>
              Remove
            </button>
          </div>`
        : nothing
    }
    ${noticeAt(options.notice, member.userId)} ${options.open ? matrixView(member, options) : nothing}
  </li>`;
}

function matrixView(
  member: Member,
  options: {
    busy: boolean;
    abilities: AdminAbilities;
    roles: ReadonlySet<OfficeRole>;
    role: (role: OfficeRole, on: boolean) => void;
    saveRoles: () => void;
    draft: Map<Permission, PermissionSetting>;
    setting: (permission: Permission, value: PermissionSetting) => void;
    save: () => void;
  },
) {
  // Only a security officer gives or takes the security officer role; others see it but cannot change it.
  const roles = OFFICE_ROLES.filter(
    (role) => options.abilities.wholeOffice || role !== 'SECURITY_OFFICER' || member.roles.includes(role),
  );
  return html`<fieldset class="roles" part="roles">
      <legend>Roles of ${member.displayName}</legend>
      ${roles.map(
        (role) =>
          html`<label
            ><input
              type="checkbox"
              .checked=${options.roles.has(role)}
              ?disabled=${role === 'SECURITY_OFFICER' && !options.abilities.wholeOffice}
              @change=${(event: Event) =>
                event.target instanceof HTMLInputElement && options.role(role, event.target.checked)}
            />
            ${ROLE_LABELS[role]}</label
          >`,
      )}
      <button
        part="save-roles"
        ?disabled=${options.busy || options.roles.size === 0}
        @click=${options.saveRoles}
      >
        Save roles
      </button>
    </fieldset>
    <table class="matrix" part="matrix">
      <caption>
        What ${member.displayName} may do
      </caption>
      <thead>
        <tr>
          <th scope="col">Permission</th>
          <th scope="col">From their roles</th>
          <th scope="col">Setting</th>
          <th scope="col">May do it</th>
        </tr>
      </thead>
      <tbody>
        ${PERMISSION_LABELS.map(([permission, label]) => {
          const fromRole = member.rolePermissions.includes(permission);
          const setting = options.draft.get(permission) ?? 'role';
          const effective = setting === 'granted' || (setting === 'role' && fromRole);
          return html`<tr>
            <th scope="row">${label}</th>
            <td>${fromRole ? 'Yes' : 'No'}</td>
            <td>
              <select
                aria-label=${`${label}: setting`}
                @change=${(event: Event) => {
                  const value = event.target instanceof HTMLSelectElement ? event.target.value : '';
                  if (isSetting(value)) options.setting(permission, value);
                }}
              >
                <option value="role" ?selected=${setting === 'role'}>As the roles give</option>
                <option value="granted" ?selected=${setting === 'granted'}>Granted</option>
                <option value="denied" ?selected=${setting === 'denied'}>Denied</option>
              </select>
            </td>
            <td>${effective ? 'Yes' : 'No'}</td>
          </tr>`;
        })}
      </tbody>
    </table>
    <div class="actions">
      <button part="save-permissions" ?disabled=${options.busy} @click=${options.save}>
        Save permissions
      </button>
    </div>`;
}
