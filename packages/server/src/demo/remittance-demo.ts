import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { Sealer } from '../services/sealer.ts';
import { DEMO_OTHER_OFFICE } from './demo-office.ts';

/**
 * Remittance demo data for Harbor Pediatrics: a provider enrolled for EFT and ERA, active, so the remittance job
 * retrieves the sandbox payer's 835s for it as soon as the server runs (Sam Okafor, its security officer, reads
 * them). The demo office keeps no provider, so its own sign-up story stays as it is. Runs once.
 */
export async function seedRemittanceDemo(db: Kysely<Database>, sealer: Sealer, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const office = await trx
      .selectFrom('organizations')
      .innerJoin('sites', 'sites.organization_id', 'organizations.id')
      .select(['organizations.id', 'sites.id as site_id'])
      .where('organizations.external_id', '=', DEMO_OTHER_OFFICE)
      .executeTakeFirst();
    if (!office) return;
    const enrolled = await trx
      .selectFrom('eft_enrollments')
      .select('id')
      .where('organization_id', '=', office.id)
      .executeTakeFirst();
    if (enrolled) return;
    const officer = await trx
      .selectFrom('memberships')
      .select('user_id')
      .where('organization_id', '=', office.id)
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('providers')
      .values({
        organization_id: office.id,
        npi: '1245319599',
        entity_kind: 'individual',
        first_name: 'Lena',
        last_name: 'Brooks',
        tin_kind: 'EIN',
        tin_ein: '27-7654321',
        tin_last4: '4321',
      })
      .onConflict((conflict) => conflict.doNothing())
      .execute();
    await trx
      .insertInto('eft_enrollments')
      .values({
        organization_id: office.id,
        payee_npi: '1245319599',
        payee_name: 'Lena Brooks',
        site_id: office.site_id,
        account_holder: 'Harbor Pediatrics',
        account_type: 'CHECKING',
        routing_number: '011000015',
        account_number_sealed: sealer.seal('000111222333'),
        account_last4: '2333',
        status: 'ACTIVE',
        submitted_by: officer.user_id,
        submitted_at: now,
        activated_at: now,
      })
      .execute();
  });
}
