import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Payer portals are global: the payer's staff keep the list; every office's issues point into it.
  await sql`
    create table payer_portals (
      id uuid primary key default gen_random_uuid(),
      code text not null unique,
      name text not null,
      url text not null check (url ~ '^https?://'),
      covered_payers text[] not null default '{}',
      created_at timestamptz not null default now()
    )`.execute(db);

  // The office's account on a portal. The password is only ever stored sealed (AES-256-GCM, key id inside).
  await sql`
    create table portal_accounts (
      organization_id uuid not null references organizations (id),
      id uuid not null default gen_random_uuid(),
      portal_id uuid not null references payer_portals (id),
      account_type text not null check (account_type in ('PRACTICE_MANAGED', 'SERVICE_MANAGED')),
      user_name text,
      password_sealed text,
      password_changed_at timestamptz(3),
      tins text[] not null default '{}',
      created_at timestamptz(3) not null default now(),
      primary key (organization_id, id),
      unique (organization_id, portal_id)
    )`.execute(db);

  // Times are kept to the millisecond, the precision a keyset cursor carries.
  await sql`
    create table access_issues (
      organization_id uuid not null references organizations (id),
      id uuid not null default gen_random_uuid(),
      portal_id uuid not null references payer_portals (id),
      medical_group_id uuid,
      blocks text not null check (blocks in ('CLAIMS', 'UNPOSTABLES')),
      status text not null
        check (status in ('NEEDS_YOUR_ATTENTION', 'WITH_SERVICE', 'WITH_PAYER', 'RESOLVED')),
      description text not null,
      impact_count integer not null default 0 check (impact_count >= 0),
      impact_cents bigint not null default 0 check (impact_cents >= 0),
      created_at timestamptz(3) not null,
      updated_at timestamptz(3) not null,
      primary key (organization_id, id),
      foreign key (organization_id, medical_group_id) references medical_groups (organization_id, id)
    )`.execute(db);
  await sql`create index access_issues_open_idx on access_issues (organization_id, portal_id)
    where status <> 'RESOLVED'`.execute(db);

  await sql`
    create table access_tasks (
      organization_id uuid not null references organizations (id),
      id uuid not null default gen_random_uuid(),
      number bigint generated always as identity,
      issue_id uuid not null,
      portal_id uuid not null references payer_portals (id),
      kind text not null check (kind in ('CLAIMS', 'UNPOSTABLES')),
      assignee text not null check (assignee in ('PRACTICE', 'SERVICE')),
      description text not null,
      tins_to_add text[] not null default '{}',
      assistance_needed boolean not null default false,
      -- The earliest created of the task's medical groups, kept here so the Tasks tab filters and sorts by index.
      medical_group_id uuid,
      created_at timestamptz(3) not null,
      updated_at timestamptz(3) not null,
      closed_at timestamptz(3),
      primary key (organization_id, id),
      unique (organization_id, number),
      foreign key (organization_id, issue_id) references access_issues (organization_id, id),
      foreign key (organization_id, medical_group_id) references medical_groups (organization_id, id)
    )`.execute(db);
  // The Tasks tab reads only the practice's open tasks, newest first by default.
  await sql`create index access_tasks_practice_idx on access_tasks (organization_id, created_at, number)
    where assignee = 'PRACTICE' and closed_at is null`.execute(db);
  await sql`create index access_tasks_issue_idx on access_tasks (organization_id, issue_id)`.execute(db);

  await sql`
    create table access_task_medical_groups (
      organization_id uuid not null,
      task_id uuid not null,
      medical_group_id uuid not null,
      primary key (organization_id, task_id, medical_group_id),
      foreign key (organization_id, task_id) references access_tasks (organization_id, id),
      foreign key (organization_id, medical_group_id) references medical_groups (organization_id, id)
    )`.execute(db);
  await sql`create index access_task_medical_groups_group_idx
    on access_task_medical_groups (organization_id, medical_group_id)`.execute(db);

  await sql`
    create table access_notes (
      organization_id uuid not null,
      id uuid not null default gen_random_uuid(),
      -- Insertion order: notes written in the same millisecond still read in the order they were written.
      seq bigint generated always as identity,
      issue_id uuid not null,
      task_id uuid,
      author text not null check (author in ('PRACTICE', 'SERVICE')),
      author_user_id uuid references users (id),
      body text not null,
      created_at timestamptz(3) not null,
      primary key (organization_id, id),
      foreign key (organization_id, issue_id) references access_issues (organization_id, id)
    )`.execute(db);
  await sql`create index access_notes_issue_idx on access_notes (organization_id, issue_id, created_at)`.execute(
    db,
  );

  await sql`
    create table affected_unpostables (
      organization_id uuid not null,
      issue_id uuid not null,
      unpostable_id text not null,
      blocked boolean not null,
      cents bigint not null check (cents >= 0),
      primary key (organization_id, issue_id, unpostable_id),
      foreign key (organization_id, issue_id) references access_issues (organization_id, id)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'affected_unpostables',
    'access_notes',
    'access_task_medical_groups',
    'access_tasks',
    'access_issues',
    'portal_accounts',
    'payer_portals',
  ]) {
    await sql`drop table ${sql.table(table)}`.execute(db);
  }
}
