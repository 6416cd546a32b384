import type { Connection, Model } from 'mongoose'

/**
 * Creates the schemas' indexes that are missing, before the store is used: unique indexes
 * are what turn duplicates into ConflictErrors. Never drops one: instances of two versions
 * run side by side during a rolling deploy or a rollback, and one must not drop an index
 * the other relies on. Dropping indexes no schema declares is an explicit step
 * (`npm run db:indexes -- --sync`, see syncIndexes).
 */
export async function createIndexes(models: object): Promise<void> {
  for (const model of Object.values(models) as Model<unknown>[]) {
    try {
      await model.createIndexes()
    } catch (err) {
      // An index of that name exists with other options or keys: another version made it and
      // may still rely on it. It stays until --sync; the collection's other indexes are made.
      if (!isIndexConflict(err)) throw err
    }
  }
}

/** IndexOptionsConflict (85) and IndexKeySpecsConflict (86). */
function isIndexConflict(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code
  return code === 85 || code === 86
}

/**
 * Makes every collection's indexes match its schema exactly, dropping the others. Run by
 * hand once every instance runs the same version; returns what it dropped, per collection.
 */
export async function syncIndexes(conn: Connection): Promise<Record<string, string[]>> {
  const dropped: Record<string, string[]> = {}
  for (const model of Object.values(conn.models) as Model<unknown>[]) {
    const names = await model.syncIndexes()
    if (names.length) dropped[model.collection.collectionName] = names
  }
  return dropped
}
