import {
  sql,
  type DeleteQueryBuilder,
  type DeleteResult,
  type Insertable,
  type SelectQueryBuilder,
  type Transaction,
  type UpdateQueryBuilder,
  type UpdateResult,
} from 'kysely';
import type { Principal } from '../auth/principal.ts';
import type { CatalogTable, Database, TenantTable } from '../db/database.ts';

type TenantRow<T extends TenantTable> = Omit<Insertable<Database[T]>, 'organization_id'>;

/**
 * The only way a procedure reaches tenant data: every builder it hands out is already filtered to one
 * organization (reads, updates, deletes) or stamped with it (inserts). Procedures never see the raw database,
 * so an unscoped query cannot be written by accident. Joins to another tenant table must also match
 * `organization_id`; see README.md, "Tenancy".
 */
export class OrgScope {
  private constructor(
    readonly organizationId: string,
    private readonly trx: Transaction<Database>,
  ) {}

  /** The scope of the caller's own organization, bound to the request's transaction. */
  static ofPrincipal(trx: Transaction<Database>, principal: Principal): OrgScope {
    return new OrgScope(principal.organization.id, trx);
  }

  /**
   * The scope of another organization, for what spans offices on purpose: a payer staff procedure acting on
   * one office (after its permission check) or a system job such as the invoice run. Never for office callers.
   */
  static ofOrganization(trx: Transaction<Database>, organizationId: string): OrgScope {
    return new OrgScope(organizationId, trx);
  }

  /** Rows of a tenant table that belong to this organization. */
  selectFrom<T extends TenantTable>(table: T): SelectQueryBuilder<Database, T, {}> {
    // Kysely types selectFrom through a conditional on the table expression, which TypeScript cannot resolve for
    // a generic T; for one plain table name the builder is exactly this type.
    const builder = this.trx.selectFrom(table as TenantTable) as unknown as SelectQueryBuilder<
      Database,
      T,
      {}
    >;
    return builder.where(this.belongsHere(table));
  }

  /** Inserts rows into a tenant table, stamped with this organization. */
  insertInto<T extends TenantTable>(table: T, rows: TenantRow<T> | readonly TenantRow<T>[]) {
    // Array.isArray does not narrow a readonly array union, and Kysely cannot type `values` for a generic T
    // (as in selectFrom); each row is exactly the table's insert shape plus organization_id.
    const list = (Array.isArray(rows) ? rows : [rows]) as readonly TenantRow<T>[];
    const values = list.map((row) => ({ ...row, organization_id: this.organizationId }));
    return this.trx.insertInto(table).values(values as never);
  }

  /** Updates rows of a tenant table, limited to this organization. */
  updateTable<T extends TenantTable>(table: T): UpdateQueryBuilder<Database, T, T, UpdateResult> {
    // Same reason as selectFrom: exact for one plain table name.
    const builder = this.trx.updateTable(table as TenantTable) as unknown as UpdateQueryBuilder<
      Database,
      T,
      T,
      UpdateResult
    >;
    return builder.where(this.belongsHere(table));
  }

  /** Deletes rows of a tenant table, limited to this organization. */
  deleteFrom<T extends TenantTable>(table: T): DeleteQueryBuilder<Database, T, DeleteResult> {
    // Same reason as selectFrom: exact for one plain table name.
    const builder = this.trx.deleteFrom(table as TenantTable) as unknown as DeleteQueryBuilder<
      Database,
      T,
      DeleteResult
    >;
    return builder.where(this.belongsHere(table));
  }

  /** `<table>.organization_id = <this organization>`, as one boolean expression. */
  private belongsHere(table: TenantTable) {
    return sql<boolean>`${sql.ref(`${table}.organization_id`)} = ${this.organizationId}`;
  }

  /**
   * Serialises one kind of change within this organization across every connection and server instance,
   * until the transaction ends (a PostgreSQL advisory lock), so invariants over several rows hold.
   */
  async lock(topic: string): Promise<void> {
    await sql`select pg_advisory_xact_lock(hashtextextended(${`${topic}:${this.organizationId}`}, 0))`.execute(
      this.trx,
    );
  }

  /** Like `lock`, but gives up at once: false when another transaction holds it. */
  async tryLock(topic: string): Promise<boolean> {
    const result = await sql<{ locked: boolean }>`
      select pg_try_advisory_xact_lock(hashtextextended(${`${topic}:${this.organizationId}`}, 0)) as locked`.execute(
      this.trx,
    );
    return result.rows[0]?.locked === true;
  }

  /** Reads a global catalogue table (not tenant data). */
  selectFromCatalog<T extends CatalogTable>(table: T): SelectQueryBuilder<Database, T, {}> {
    // The builder kysely infers for a generic table is the same one; its conditional type only cannot be named.
    return this.trx.selectFrom(table as CatalogTable) as unknown as SelectQueryBuilder<Database, T, {}>;
  }

  /** The transaction, for statements the builders cannot express (NOTIFY). Never for tenant rows. */
  get transaction(): Transaction<Database> {
    return this.trx;
  }
}
