import { Schema, type Connection } from 'mongoose'
import type { MarkerRepo } from '../ports.js'

/** The mongo side of sqlite's 042_app_markers.sql: one document per one-off step, `_id` its name. */
interface MarkerDoc {
  _id: string
  doneAt: Date
}

export async function markerRepo(conn: Connection): Promise<MarkerRepo> {
  const Marker = conn.model<MarkerDoc>('AppMarker', new Schema<MarkerDoc>({ _id: String, doneAt: Date }, { versionKey: false, id: false }), 'app_markers')
  await Marker.createCollection()
  return {
    async doneAt(name) {
      const doc = await Marker.findById(name).lean()
      return doc ? new Date(doc.doneAt) : null
    },
    async markDone(name, at) {
      // $setOnInsert: a second record (another instance starting at once) keeps the first time.
      await Marker.updateOne({ _id: name }, { $setOnInsert: { doneAt: at } }, { upsert: true })
    },
    async clear(name) {
      await Marker.deleteOne({ _id: name })
    },
  }
}
