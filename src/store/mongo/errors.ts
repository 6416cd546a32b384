import { StoreConflict } from '../conflicts.js'

/**
 * Translates driver errors at the edge: a duplicate key (E11000) from a single write, a
 * bulk write or a transaction is a ConflictError naming "collection.field", as the
 * sqlite adapter names "table.column".
 */
export async function translate<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (err) {
    if (isDuplicateKey(err)) {
      throw new StoreConflict('conflict', [{ path: duplicatePath(err), message: 'already taken' }])
    }
    throw err
  }
}

interface DriverError {
  code?: unknown
  message?: unknown
  keyPattern?: unknown
  writeErrors?: Array<{ code?: unknown; errmsg?: unknown }>
}

// Duck-typed rather than `instanceof MongoServerError`: MongoBulkWriteError and errors
// rethrown by withTransaction all carry the code, and a second copy of the driver in
// node_modules would defeat instanceof.
export function isDuplicateKey(err: unknown): err is DriverError {
  if (typeof err !== 'object' || err === null) return false
  const e = err as DriverError
  if (e.code === 11000 || e.code === 11001) return true
  if (e.writeErrors?.some((w) => w.code === 11000)) return true
  return typeof e.message === 'string' && e.message.startsWith('E11000')
}

/** "E11000 duplicate key error collection: liaison.staff index: username_1 dup key: { username: \"lina\" }" */
function duplicatePath(err: DriverError): string {
  const message = String(err.message ?? err.writeErrors?.[0]?.errmsg ?? '')
  const collection = /collection: [^.\s]+\.(\S+)/.exec(message)?.[1]
  const field =
    (typeof err.keyPattern === 'object' && err.keyPattern !== null ? Object.keys(err.keyPattern)[0] : undefined) ??
    /dup key: \{ ?"?([^":\s]+)"?\s*:/.exec(message)?.[1] ??
    /index: (\S+?)_-?1\b/.exec(message)?.[1]
  if (!collection && !field) return 'unknown'
  // The record's id is stored as _id; callers know it as "id".
  const name = field === '_id' ? 'id' : (field ?? 'unknown')
  return collection ? `${collection}.${name}` : name
}
