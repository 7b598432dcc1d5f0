import { consume } from '@lit/context';
import { Task } from '@lit/task';
import {
  mayCall,
  PorticoError,
  type Member,
  type OfficeRole,
  type Permission,
  type PorticoClient,
  type Session,
} from '@portico/core';
import { html, LitElement } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { porticoClientContext } from '../root/client-context.ts';
import { baseStyles } from '../shared/base.styles.ts';
import { emit } from '../shared/emit.ts';
import { problemText } from '../shared/field-problem.ts';
import { LiveReloadController } from '../shared/live-reload.ts';
import { failureState, loadingState } from '../shared/states.ts';
import { isOfficeRole } from './labels.ts';
import {
  accessRequestView,
  memberView,
  type ActionNotice,
  type AdminAbilities,
  type PermissionSetting,
} from './member-views.ts';
import { MemberListController } from './member-list.ts';
import { userAdminStyles } from './portico-user-admin.styles.ts';

/** Detail of `portico-user-changed`: what a user administrator did, to whom. */
export interface UserChangedDetail {
  action: 'approved' | 'denied' | 'renewed' | 'removed' | 'permissions' | 'roles';
  userId: string;
}

/** Why someone sees no users: their own access is waiting or suspended, or they administer no one. */
function waitingText(session: Session): string {
  if (session.access.status === 'PENDING')
    return `Your access to ${session.organization.name} is waiting for a user administrator's approval.`;
  if (session.access.status === 'SUSPENDED')
    return `Your access to ${session.organization.name} is suspended until a user administrator renews it.`;
  return `You do not administer the users of ${session.organization.name}.`;
}

/**
 * @summary User administration for the office's user administrators and security officer: access requests to
 * approve or deny, every user they administer with status, last activity and renewal date, renewal in one click,
 * the storefront view-only switch, a readable permission matrix, and removal.
 *
 * Must sit inside `<portico-root>`. A user administrator sees the users of their own sites and the requests; the
 * security officer sees the whole office. Controls show only to those who may use them; a refusal (the last
 * administrator of a site, say) shows at the user it concerns and takes the focus.
 *
 * @fires {CustomEvent<UserChangedDetail>} portico-user-changed - A request was approved or denied, or a user renewed, removed or given other permissions.
 *   `detail`: `{ action, userId }`.
 *
 * @csspart request - One pending access request.
 * @csspart approve - A request's Approve button.
 * @csspart deny - A request's Deny button.
 * @csspart member - One user.
 * @csspart status - A user's status in words.
 * @csspart view-only - The storefront view-only switch.
 * @csspart renew - The Renew access button.
 * @csspart permissions - The button that opens the permission matrix.
 * @csspart roles - The roles of a user, to change.
 * @csspart save-roles - Its Save roles button.
 * @csspart matrix - The permission matrix.
 * @csspart save-permissions - The matrix's Save button.
 * @csspart remove - The Remove button.
 * @csspart result - What the last action did or why it was refused (a live region).
 * @csspart state - The loading, empty and error messages.
 * @csspart retry - The Try again button.
 *
 * @cssproperty --portico-color-primary - Buttons and focus rings.
 * @cssproperty --portico-color-border - Borders and rules.
 * @cssproperty --portico-color-danger - Refusals, suspended users and the Remove and Deny buttons.
 * @cssproperty --portico-color-success - The note that an action was done.
 * @cssproperty --portico-radius - Corner radius.
 */
@customElement('portico-user-admin')
export class PorticoUserAdmin extends LitElement {
  static override styles = [baseStyles, userAdminStyles];

  @consume({ context: porticoClientContext, subscribe: true })
  @state()
  private client: PorticoClient | undefined;

  @state() private notice: ActionNotice | null = null;
  @state() private busy = false;
  @state() private open: string | null = null;
  @state() private draft = new Map<Permission, PermissionSetting>();
  @state() private draftRoles = new Set<OfficeRole>();
  /** The user whose Remove was pressed once: a second press confirms. */
  @state() private confirmingRemove: string | null = null;

  private readonly liveReload = new LiveReloadController(
    this,
    () => this.client,
    ['membership.changed'],
    () => {
      if (!this.busy) void this.data.run();
    },
  );

  private readonly list = new MemberListController(this, () => this.client);

  private readonly data = new Task(this, {
    args: () => [this.client, this.list.search] as const,
    task: async ([client], { signal }) => {
      if (!client)
        throw new PorticoError(
          'BAD_REQUEST',
          'This element must be placed inside <portico-root> with a server URL.',
        );
      const session = await client.organizations.me.query(undefined, { signal });
      // Someone who administers nobody sees why in plain words, not a refusal naming what they lack.
      if (!mayCall(session, 'users.list')) return { session, members: null, abilities: null };
      const members = await this.list.load(client, signal);
      const abilities: AdminAbilities = {
        approve: mayCall(session, 'users.approve'),
        manage: mayCall(session, 'users.renew'),
        wholeOffice: session.roles.includes('SECURITY_OFFICER'),
        selfId: session.user.id,
      };
      return { session, members, abilities };
    },
  });

  /** Runs one action for one user, then shows its result at that user and moves the focus there. */
  private async act(
    userId: string,
    action: UserChangedDetail['action'],
    done: string,
    call: () => Promise<unknown>,
  ) {
    this.busy = true;
    try {
      await call();
      // The note shows once the list is current, so what the person reads next to it is already the new state.
      await this.data.run();
      this.notice = { userId, kind: 'done', text: done };
      emit(this, 'portico-user-changed', { action, userId });
    } catch (error) {
      this.notice = { userId, kind: 'refused', text: problemText(error, 'That could not be done.') };
    } finally {
      this.busy = false;
      this.confirmingRemove = null;
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part="result"]')?.focus();
  }

  private approve(member: Member, form: HTMLFormElement) {
    const data = new FormData(form);
    const siteIds = data.getAll('site').filter((value): value is string => typeof value === 'string');
    const role = String(data.get('role') ?? 'OFFICE_USER');
    const client = this.client;
    if (!client || !isOfficeRole(role)) return;
    void this.act(member.userId, 'approved', `${member.displayName} is approved.`, () =>
      client.users.approve.mutate({ userId: member.userId, siteIds, roles: [role] }),
    );
  }

  private deny(member: Member, form: HTMLFormElement) {
    const reason = String(new FormData(form).get('reason') ?? '');
    const client = this.client;
    if (!client) return;
    void this.act(member.userId, 'denied', `${member.displayName}'s request is denied.`, () =>
      client.users.deny.mutate({ userId: member.userId, reason }),
    );
  }

  private setPermissions(member: Member, grant: Permission[], deny: Permission[], done: string) {
    const client = this.client;
    if (!client) return;
    void this.act(member.userId, 'permissions', done, () =>
      client.users.setPermissions.mutate({ userId: member.userId, grant, deny }),
    );
  }

  private toggleMatrix(member: Member) {
    this.open = this.open === member.userId ? null : member.userId;
    this.draftRoles = new Set(member.roles.filter(isOfficeRole));
    this.draft = new Map([
      ...member.grantedPermissions.map((p) => [p, 'granted'] as const),
      ...member.deniedPermissions.map((p) => [p, 'denied'] as const),
    ]);
  }

  private saveRoles(member: Member) {
    const client = this.client;
    if (!client) return;
    const roles = [...this.draftRoles];
    void this.act(member.userId, 'roles', `${member.displayName}'s roles are saved.`, () =>
      client.users.setRoles.mutate({ userId: member.userId, roles }),
    );
  }

  private saveMatrix(member: Member) {
    const pick = (value: PermissionSetting) =>
      [...this.draft].filter(([, setting]) => setting === value).map(([permission]) => permission);
    this.setPermissions(
      member,
      pick('granted'),
      pick('denied'),
      `${member.displayName}'s permissions are saved.`,
    );
  }

  private viewOnly(member: Member, on: boolean) {
    const deny = member.deniedPermissions.filter((p) => p !== 'storefront.manage');
    const grant = member.grantedPermissions.filter((p) => p !== 'storefront.manage');
    this.setPermissions(
      member,
      grant,
      on ? [...deny, 'storefront.manage'] : deny,
      on
        ? `${member.displayName} now only views the storefront.`
        : `${member.displayName} may sign up and change billing again.`,
    );
  }

  private removeMember(member: Member) {
    const client = this.client;
    if (!client) return;
    if (this.confirmingRemove !== member.userId) {
      this.confirmingRemove = member.userId;
      this.notice = {
        userId: member.userId,
        kind: 'refused',
        text: `Press Remove again to end ${member.displayName}'s access to the office.`,
      };
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLElement>('[part="result"]')?.focus(),
      );
      return;
    }
    void this.act(member.userId, 'removed', `${member.displayName} is removed.`, () =>
      client.users.remove.mutate({ userId: member.userId }),
    );
  }

  protected override render() {
    return this.data.render({
      initial: () => loadingState('users'),
      pending: () => (this.data.value ? this.renderUsers(this.data.value) : loadingState('users')),
      error: (error) => failureState(error, 'The users could not be loaded.', () => void this.data.run()),
      complete: (value) => this.renderUsers(value),
    });
  }

  private renderUsers(data: NonNullable<PorticoUserAdmin['data']['value']>) {
    const { session, members, abilities } = data;
    if (!members || !abilities)
      return html`<p class="state" part="state" role="status">${waitingText(session)}</p>`;
    const requests = members.requests;
    const users = this.list.users(members);
    const common = { abilities, notice: this.notice, busy: this.busy };
    return html`<h2 part="heading">Users of ${session.organization.name}</h2>
      <h3>Access requests</h3>
      ${
        requests.length === 0
          ? html`<p class="state" part="state">No one is waiting for access.</p>`
          : html`<ul aria-label="Access requests">
              ${requests.map((member) =>
                accessRequestView(member, {
                  ...common,
                  sites: session.sites,
                  approve: (form) => this.approve(member, form),
                  deny: (form) => this.deny(member, form),
                }),
              )}
            </ul>`
      }
      <h3>Users</h3>
      ${this.list.renderFind()}
      ${
        users.length === 0
          ? html`<p class="state" part="state">No users yet.</p>`
          : html`<ul aria-label="Users">
              ${users.map((member) =>
                memberView(member, {
                  ...common,
                  abilities: { ...abilities, manage: abilities.manage && member.userId !== abilities.selfId },
                  open: this.open === member.userId,
                  draft: this.draft,
                  toggle: () => this.toggleMatrix(member),
                  renew: () =>
                    void this.act(
                      member.userId,
                      'renewed',
                      `${member.displayName}'s access is renewed for 180 days.`,
                      () =>
                        this.client
                          ? this.client.users.renew.mutate({ userId: member.userId })
                          : Promise.resolve(),
                    ),
                  remove: () => this.removeMember(member),
                  viewOnly: (on) => this.viewOnly(member, on),
                  setting: (permission, value) => {
                    this.draft = new Map(this.draft).set(permission, value);
                  },
                  save: () => this.saveMatrix(member),
                  roles: this.draftRoles,
                  role: (role, on) => {
                    const roles = new Set(this.draftRoles);
                    if (on) roles.add(role);
                    else roles.delete(role);
                    this.draftRoles = roles;
                  },
                  saveRoles: () => this.saveRoles(member),
                }),
              )}
            </ul>`
      }
      ${this.list.renderMore(members)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portico-user-admin': PorticoUserAdmin;
  }
  interface HTMLElementEventMap {
    'portico-user-changed': CustomEvent<UserChangedDetail>;
  }
}
