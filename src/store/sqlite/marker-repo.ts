import type { MarkerRepo } from '../ports.js'
import type { Db } from './open.js'

/** app_markers (migration 042): one row per one-off step done on this file. */
export function markerRepo(db: Db): MarkerRepo {
  return {
    async doneAt(name) {
      const at = db.prepare('SELECT done_at FROM app_markers WHERE name = ?').pluck().get(name) as string | undefined
      return at ? new Date(at) : null
    },
    async markDone(name, at) {
      db.prepare('INSERT INTO app_markers (name, done_at) VALUES (?, ?) ON CONFLICT(name) DO NOTHING').run(name, at.toISOString())
    },
    async clear(name) {
      db.prepare('DELETE FROM app_markers WHERE name = ?').run(name)
    },
  }
}
