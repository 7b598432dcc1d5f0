import { sql, type Kysely } from 'kysely';

/**
 * Sign-up, upgrades and billing. A subscription's status is derived from its dates (core's
 * `subscriptionStatus`), so the stored status column goes; what it was derived from is stored instead.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table use_agreements (
      version text primary key,
      title text not null,
      body text not null,
      published_on date not null,
      is_current boolean not null default false
    )`.execute(db);
  await sql`create unique index use_agreements_one_current on use_agreements (is_current) where is_current`.execute(
    db,
  );
  await sql`
    insert into use_agreements (version, title, body, published_on, is_current) values (
      '2026.1', 'Connectivity services use agreement',
      ${[
        'The office subscribes to the connectivity services it chooses, for all of its users, and pays the monthly price of each plan, billed monthly in arrears per calendar month and prorated by day.',
        "Medicare services need the office's provider list (NPI, provider or group name and TIN of every provider who uses them) with at least one Medicare-enrolled provider; they start within two business days of the list being complete.",
        "The office uses the services only for patients it treats and keeps its provider list current. A cancellation, made through the payer's sales team, takes effect at the end of the month; any remaining balance stays due.",
      ].join('\n\n')},
      '2026-01-01', true)`.execute(db);

  await sql`alter table subscriptions drop column status`.execute(db);
  await sql`
    alter table subscriptions
      add column monthly_price_cents integer check (monthly_price_cents >= 0),
      add column list_complete_on date,
      add column billable_from date,
      add column end_reason text check (end_reason in ('CANCELLED', 'UPGRADED')),
      add column use_agreement_version text references use_agreements (version),
      add column subscribed_by uuid references users (id),
      add column cancelled_by uuid references users (id)`.execute(db);
  // Rows from before this migration were running plans: billable from their start, provider list complete.
  await sql`
    update subscriptions s set monthly_price_cents = p.monthly_price_cents,
      billable_from = s.started_on, list_complete_on = s.started_on
    from plans p where p.code = s.plan_code`.execute(db);
  await sql`
    alter table subscriptions
      alter column monthly_price_cents set not null,
      add constraint subscriptions_end_has_reason check ((ends_on is null) = (end_reason is null))`.execute(
    db,
  );
  // One running subscription per plan and office: the last guard behind the sign-up lock.
  await sql`
    create unique index subscriptions_one_running_plan on subscriptions (organization_id, plan_code)
    where ends_on is null`.execute(db);

  await sql`
    create table billing_accounts (
      organization_id uuid primary key references organizations (id),
      history_starts_on date,
      updated_at timestamptz not null default now()
    )`.execute(db);

  // Cards on file: the gateway's token and what may be shown. Never the number or the CVC.
  await sql`
    create table payment_methods (
      organization_id uuid not null references organizations (id),
      id uuid not null default gen_random_uuid(),
      gateway_token text not null,
      brand text not null,
      last4 text not null check (last4 ~ '^[0-9]{4}$'),
      exp_month integer not null check (exp_month between 1 and 12),
      exp_year integer not null,
      holder_name text not null,
      role text check (role in ('PRIMARY', 'BACKUP')),
      created_at timestamptz not null default now(),
      removed_at timestamptz,
      primary key (organization_id, id)
    )`.execute(db);
  await sql`
    create unique index payment_methods_one_per_role on payment_methods (organization_id, role)
    where role is not null and removed_at is null`.execute(db);

  // An office's invoice covers a run of days of one month; (office, first day) is unique, so a second run of
  // the invoice job can never issue a duplicate.
  await sql`
    create table invoices (
      organization_id uuid not null references organizations (id),
      id uuid not null default gen_random_uuid(),
      number bigint generated always as identity,
      month date not null,
      first_day date not null,
      last_day date not null,
      plan_codes text[] not null,
      monthly_rate_cents integer not null check (monthly_rate_cents >= 0),
      amount_cents integer not null check (amount_cents > 0),
      issued_on date not null,
      paid_by_payment_id uuid,
      created_at timestamptz not null default now(),
      primary key (organization_id, id),
      unique (organization_id, first_day),
      check (first_day <= last_day and date_trunc('month', first_day) = month
             and date_trunc('month', last_day) = month)
    )`.execute(db);
  await sql`create index invoices_open_idx on invoices (organization_id) where paid_by_payment_id is null`.execute(
    db,
  );

  // The months the invoice run has closed for an office (with or without invoices), so a rerun skips them.
  await sql`
    create table billing_months (
      organization_id uuid not null references organizations (id),
      month date not null,
      closed_at timestamptz not null,
      primary key (organization_id, month)
    )`.execute(db);

  await sql`
    create table payments (
      organization_id uuid not null references organizations (id),
      id uuid not null default gen_random_uuid(),
      idempotency_key text not null,
      amount_cents integer not null check (amount_cents > 0),
      status text not null check (status in ('SUCCEEDED', 'FAILED')),
      payment_method_id uuid,
      card_brand text,
      card_last4 text,
      gateway_charge_id text,
      failure text,
      invoice_ids uuid[] not null,
      actor_user_id uuid references users (id),
      created_at timestamptz not null,
      primary key (organization_id, id),
      unique (organization_id, idempotency_key)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['payments', 'billing_months', 'invoices', 'payment_methods', 'billing_accounts']) {
    await sql`drop table ${sql.table(table)}`.execute(db);
  }
  await sql`drop index subscriptions_one_running_plan`.execute(db);
  await sql`
    alter table subscriptions drop constraint subscriptions_end_has_reason,
      drop column monthly_price_cents, drop column list_complete_on, drop column billable_from,
      drop column end_reason, drop column use_agreement_version, drop column subscribed_by,
      drop column cancelled_by,
      add column status text not null default 'ACTIVE'`.execute(db);
  await sql`drop table use_agreements`.execute(db);
}
