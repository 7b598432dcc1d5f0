import type { OfficeRole } from '@portico/core';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { TEST_ISSUER } from './test-server.ts';

/** A person of a test office: the token subject, their name, roles and the sites they work at (by name). */
export interface OfficePerson {
  subject: string;
  name: string;
  roles: readonly OfficeRole[];
  sites: readonly string[];
}

/** Adds people to a test office straight in the database; answers their user ids by subject. */
export async function seedOfficePeople(
  db: Kysely<Database>,
  officeId: string,
  people: readonly OfficePerson[],
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const person of people) {
    const user = await db
      .insertInto('users')
      .values({ issuer: TEST_ISSUER, subject: person.subject, display_name: person.name })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.set(person.subject, user.id);
    await db
      .insertInto('memberships')
      .values({ organization_id: officeId, user_id: user.id, roles: [...person.roles] })
      .execute();
    await sql`insert into membership_sites (organization_id, user_id, site_id)
      select ${officeId}, ${user.id}, s.id from sites s
      where s.organization_id = ${officeId} and s.name = any(${[...person.sites]})`.execute(db);
  }
  return ids;
}
