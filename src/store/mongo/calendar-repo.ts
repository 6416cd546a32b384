import { Schema, type Connection } from 'mongoose'
import type { CalendarRepo, CalendarYearRecord } from '../ports.js'
import { isDuplicateKey } from './errors.js'

/** The mongo side of sqlite's 011_calendar.sql: one document per year, `_id` the year. */
interface CalendarYearDoc {
  _id: number
  days: Array<{ date: string; name: string; isOffDay: boolean }>
  importedAt: Date
  importedBy: string
}

const daySchema = new Schema({ date: String, name: String, isOffDay: Boolean }, { _id: false, id: false })

const docOf = (y: CalendarYearRecord): CalendarYearDoc => ({
  _id: y.year,
  days: y.days.map(({ date, name, isOffDay }) => ({ date, name, isOffDay })),
  importedAt: y.importedAt,
  importedBy: y.importedBy,
})

const yearFromDoc = (d: CalendarYearDoc): CalendarYearRecord => ({
  year: d._id,
  days: (d.days ?? []).map(({ date, name, isOffDay }) => ({ date, name, isOffDay: isOffDay === true })),
  importedAt: new Date(d.importedAt),
  importedBy: d.importedBy,
})

export async function calendarRepo(conn: Connection): Promise<CalendarRepo> {
  const schema = new Schema<CalendarYearDoc>(
    { _id: Number, days: { type: [daySchema], default: () => [] }, importedAt: Date, importedBy: String },
    { versionKey: false, id: false },
  )
  const CalendarYear = conn.model<CalendarYearDoc>('CalendarYear', schema, 'calendar_years')
  await CalendarYear.createCollection()
  return {
    async listYears() {
      return (await CalendarYear.find({}).sort({ _id: 1 }).lean<CalendarYearDoc[]>()).map(yearFromDoc)
    },
    async replaceYear(year) {
      // One document holds the whole year, so the replacement is atomic without a transaction.
      await CalendarYear.replaceOne({ _id: year.year }, docOf(year), { upsert: true })
    },
    async seedIfEmpty(years) {
      if ((await CalendarYear.estimatedDocumentCount()) > 0) return false
      try {
        await CalendarYear.insertMany(years.map(docOf), { ordered: false })
      } catch (err) {
        // Another instance seeding the same new database at the same moment: its copy stands.
        if (!isDuplicateKey(err)) throw err
        return false
      }
      return true
    },
  }
}
