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

/** uploads (migration 058, attached_by 074): one row per stored upload, written through group commit. */
export function uploadRepo(db: Db, group: GroupCommit): UploadRepo {
  const add = db.prepare('INSERT INTO uploads (kind, name, owner_id, uploaded_at) VALUES (@kind, @name, @ownerId, @uploadedAt)')
  // Kept already by an earlier call: now by two, so no single refusal lets it go (detach). Run before the mark,
  // which would otherwise see its own hold cleared.
  const unhold = db.prepare(`UPDATE uploads SET attached_by = NULL
    WHERE kind = ? AND name IN (SELECT value FROM json_each(?)) AND attached_by IS NOT NULL`)
  const attach = db.prepare(`UPDATE uploads SET attached_at = ?, attached_by = ?
    WHERE kind = ? AND name IN (SELECT value FROM json_each(?)) AND attached_at IS NULL AND deleting_at IS NULL`)
  const detach = db.prepare(`UPDATE uploads SET attached_at = NULL, attached_by = NULL
    WHERE kind = ? AND name IN (SELECT value FROM json_each(?)) AND attached_by = ?`)
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
    async attach(kind, names, at, hold) {
      if (!names.length) return []
      // One write: the mark and the refusals read in the same transaction as a deletion's take (and as a detach).
      return group.run(() => {
        unhold.run(kind, JSON.stringify(names))
        attach.run(at.toISOString(), hold ?? null, kind, JSON.stringify(names))
        return taken.all(kind, JSON.stringify(names)) as string[]
      })
    },
    async detach(kind, names, hold) {
      if (!names.length) return
      await group.run(() => detach.run(kind, JSON.stringify(names), hold))
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
