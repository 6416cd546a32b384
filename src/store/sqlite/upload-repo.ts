import type { UploadKind, UploadRecord, UploadRepo } from '../ports.js'
import type { GroupCommit } from './group-commit.js'
import type { Db } from './open.js'

interface UploadRow {
  kind: UploadKind
  name: string
  owner_id: string
  uploaded_at: string
  attached_at: string | null
  deleting_at: string | null
}

const recordOf = (r: UploadRow): UploadRecord => ({
  kind: r.kind,
  name: r.name,
  ownerId: r.owner_id,
  uploadedAt: new Date(r.uploaded_at),
  attachedAt: r.attached_at ? new Date(r.attached_at) : null,
  deletingAt: r.deleting_at ? new Date(r.deleting_at) : null,
})

/** uploads (migration 058): one row per stored upload, written through group commit. */
export function uploadRepo(db: Db, group: GroupCommit): UploadRepo {
  const add = db.prepare('INSERT INTO uploads (kind, name, owner_id, uploaded_at) VALUES (@kind, @name, @ownerId, @uploadedAt)')
  const attach = db.prepare(`UPDATE uploads SET attached_at = ?
    WHERE kind = ? AND name IN (SELECT value FROM json_each(?)) AND attached_at IS NULL AND deleting_at IS NULL`)
  const taken = db.prepare('SELECT name FROM uploads WHERE kind = ? AND name IN (SELECT value FROM json_each(?)) AND deleting_at IS NOT NULL').pluck()
  // Both through the partial indexes, which hold only the unattached rows.
  const olderThan = db.prepare('SELECT * FROM uploads WHERE kind = ? AND attached_at IS NULL AND uploaded_at < ? ORDER BY uploaded_at, name LIMIT ?')
  const ownedBy = db.prepare('SELECT * FROM uploads WHERE owner_id = ? AND kind = ? AND attached_at IS NULL ORDER BY uploaded_at, name LIMIT ?')
  const take = db.prepare('UPDATE uploads SET deleting_at = coalesce(deleting_at, ?) WHERE kind = ? AND name = ? AND attached_at IS NULL')
  const forget = db.prepare('DELETE FROM uploads WHERE kind = ? AND name IN (SELECT value FROM json_each(?)) AND attached_at IS NULL')
  return {
    async add(upload) {
      await group.run(() => add.run({ ...upload, uploadedAt: upload.uploadedAt.toISOString() }))
    },
    async attach(kind, names, at) {
      if (!names.length) return []
      // One write: the mark and the refusals read in the same transaction as a deletion's take.
      return group.run(() => {
        attach.run(at.toISOString(), kind, JSON.stringify(names))
        return taken.all(kind, JSON.stringify(names)) as string[]
      })
    },
    async takeUnattached(which, limit, at) {
      const when = at.toISOString()
      return group.run(() => {
        const rows = (
          'ownerId' in which ? ownedBy.all(which.ownerId, which.kind, limit) : olderThan.all(which.kind, which.uploadedBefore.toISOString(), limit)
        ) as UploadRow[]
        for (const r of rows) {
          take.run(when, r.kind, r.name)
          r.deleting_at ??= when
        }
        return rows.map(recordOf)
      })
    },
    async forget(kind, names) {
      if (!names.length) return
      await group.run(() => forget.run(kind, JSON.stringify(names)))
    },
  }
}
