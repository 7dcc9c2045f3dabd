import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

// PostgreSQL's catalogue has "char" columns (relkind, contype, …) that the
// engine reads while introspecting; the pg adapter has no column type for them,
// so they are passed on as text, which is what they hold.
const PG_CHAR = 18;
const PG_TEXT = 25;

type PgResult = { fields?: { dataTypeID: number }[] } | undefined;
const charAsText = <R extends PgResult>(result: R): R => {
  for (const field of result?.fields ?? []) if (field.dataTypeID === PG_CHAR) field.dataTypeID = PG_TEXT;
  return result;
};

class CharAsTextClient extends pg.Client {
  // Both call styles reach here: the pool passes a callback, the adapter awaits.
  override query(...args: unknown[]): never {
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback === "function") {
      args[last] = (error: unknown, result: PgResult) => callback(error, charAsText(result));
      return (super.query as (...a: unknown[]) => never)(...args);
    }
    const pending = (super.query as (...a: unknown[]) => Promise<PgResult>)(...args);
    return (pending && typeof pending.then === "function" ? pending.then(charAsText) : pending) as never;
  }
}

/** A pg adapter factory for the schema engine (not for the app's queries). */
export function introspectingPgFactory(url: string) {
  return new PrismaPg(new pg.Pool({ connectionString: url, max: 2, Client: CharAsTextClient }), {
    disposeExternalPool: true,
  });
}
