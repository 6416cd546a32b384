import { Schema, type Connection } from 'mongoose'
import type { UploadKind, UploadRecord, UploadRepo } from '../ports.js'
import { createIndexes } from './indexes.js'

/** The mongo side of sqlite's 058_uploads.sql: one document per stored upload, `_id` its kind and name. */
interface UploadDoc {
  _id: string
  kind: UploadKind
  name: string
  ownerId: string
  uploadedAt: Date
  attachedAt: Date | null
  /** The hold of the attach call that marked it (UploadRepo.attach), while nothing else keeps it. */
  attachedBy?: string | null
  deletingAt: Date | null
}

const idOf = (kind: UploadKind, name: string) => `${kind}/${name}`

const recordOf = (d: UploadDoc): UploadRecord => ({
  kind: d.kind,
  name: d.name,
  ownerId: d.ownerId,
  uploadedAt: new Date(d.uploadedAt),
  attachedAt: d.attachedAt ? new Date(d.attachedAt) : null,
  deletingAt: d.deletingAt ? new Date(d.deletingAt) : null,
})

export async function uploadRepo(conn: Connection): Promise<UploadRepo> {
  const schema = new Schema<UploadDoc>(
    {
      _id: String,
      kind: String,
      name: String,
      ownerId: String,
      uploadedAt: Date,
      attachedAt: { type: Date, default: null },
      attachedBy: { type: String, default: null },
      deletingAt: { type: Date, default: null },
    },
    { versionKey: false, id: false },
  )
  // The job's read, oldest unattached first, and an erasure's, one person's unattached uploads.
  schema.index({ kind: 1, attachedAt: 1, uploadedAt: 1 })
  schema.index({ ownerId: 1, kind: 1, attachedAt: 1, uploadedAt: 1 })
  const Upload = conn.model<UploadDoc>('Upload', schema, 'uploads')
  await createIndexes({ Upload })

  return {
    async add(upload) {
      await Upload.create({ _id: idOf(upload.kind, upload.name), ...upload, attachedAt: null, deletingAt: null })
    },
    async attach(kind, names, at, hold) {
      if (!names.length) return []
      const ids = names.map((n) => idOf(kind, n))
      // Each document is marked atomically: one a deletion has not taken is attached before it can
      // be (a take skips attached ones); one it has taken is left alone and read back as refused.
      // In the same step one attached already loses any hold: kept now by two calls, no one refusal lets it go. One
      // step per document, not a clear and then a mark: a detach between the two could unattach what this call keeps.
      const unattached = { $eq: [{ $ifNull: ['$attachedAt', null] }, null] }
      await Upload.updateMany(
        { _id: { $in: ids }, $or: [{ attachedAt: { $ne: null } }, { deletingAt: null }] },
        [{ $set: { attachedBy: { $cond: [unattached, { $literal: hold ?? null }, null] }, attachedAt: { $ifNull: ['$attachedAt', at] } } }],
        { updatePipeline: true },
      )
      const taken = await Upload.find({ _id: { $in: ids }, deletingAt: { $ne: null } }, { name: 1 }).lean<Array<Pick<UploadDoc, 'name'>>>()
      return taken.map((d) => d.name)
    },
    async detach(kind, names, hold) {
      if (!names.length) return
      await Upload.updateMany({ _id: { $in: names.map((n) => idOf(kind, n)) }, attachedBy: { $eq: hold } }, { $set: { attachedAt: null, attachedBy: null } })
    },
    async takeUnattached(which, limit, at) {
      const filter =
        'ownerId' in which
          ? { ownerId: { $eq: which.ownerId }, kind: which.kind, attachedAt: null }
          : { kind: which.kind, attachedAt: null, uploadedAt: { $lt: which.uploadedBefore } }
      const found = await Upload.find(filter, { _id: 1 }).sort({ uploadedAt: 1, name: 1 }).limit(limit).lean<Array<Pick<UploadDoc, '_id'>>>()
      const ids = found.map((d) => d._id)
      if (!ids.length) return []
      await Upload.updateMany({ _id: { $in: ids }, attachedAt: null, deletingAt: null }, { $set: { deletingAt: at } })
      // Read back: one attached between the find and the mark is not taken, and is left out.
      const taken = await Upload.find({ _id: { $in: ids }, attachedAt: null, deletingAt: { $ne: null } })
        .sort({ uploadedAt: 1, name: 1 })
        .lean<UploadDoc[]>()
      return taken.map(recordOf)
    },
    async forget(kind, names) {
      if (!names.length) return
      await Upload.deleteMany({ _id: { $in: names.map((n) => idOf(kind, n)) }, attachedAt: null })
    },
  }
}
