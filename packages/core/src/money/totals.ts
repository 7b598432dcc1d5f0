/**
 * Totals of money held as integer cents. Every input amount is bounded (`cents()`: at most $10,000,000.00), so
 * a total stays a safe integer in practice; the rule for the impossible case is written here once: a total is
 * never allowed to lose precision or fail an answer, it stops at `Number.MAX_SAFE_INTEGER` cents (about
 * $90 trillion) and stays there.
 */
export function addCents(total: number, amount: number): number {
  const sum = total + amount;
  return Number.isSafeInteger(sum) ? sum : Number.MAX_SAFE_INTEGER;
}

/**
 * A `bigint` column's cents (PostgreSQL returns them as text) as a number, with the same ceiling as `addCents`,
 * so a stored amount can never turn an answer into an error.
 */
export function centsFromColumn(value: string | number | bigint): number {
  const big = BigInt(value);
  return big > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(big);
}
