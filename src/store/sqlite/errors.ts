import Database from 'better-sqlite3'
import { StoreConflict } from '../conflicts.js'

/** Translates driver errors at the edge: a UNIQUE violation is a ConflictError. */
export function translate<T>(fn: () => T): T {
  try {
    return fn()
  } catch (err) {
    if (err instanceof Database.SqliteError && /^SQLITE_CONSTRAINT_(UNIQUE|PRIMARYKEY)$/.test(err.code)) {
      throw new StoreConflict('conflict', [{ path: uniqueColumn(err.message), message: 'already taken' }])
    }
    throw err
  }
}

function uniqueColumn(message: string) {
  // "UNIQUE constraint failed: staff.username"
  return message.split(': ')[1] ?? 'unknown'
}
