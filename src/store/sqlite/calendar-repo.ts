import type { Db } from './open.js'
import type { CalendarRepo, CalendarYearRecord } from '../ports.js'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const yearFromRow = (r: any): CalendarYearRecord => ({
  year: r.year,
  days: (JSON.parse(r.days) as CalendarYearRecord['days']).map(({ date, name, isOffDay }) => ({ date, name, isOffDay })),
  importedAt: new Date(r.imported_at),
  importedBy: r.imported_by,
})

const rowOf = (y: CalendarYearRecord) => ({
  year: y.year,
  days: JSON.stringify(y.days.map(({ date, name, isOffDay }) => ({ date, name, isOffDay }))),
  imported_at: y.importedAt.toISOString(),
  imported_by: y.importedBy,
})

export function calendarRepo(db: Db): CalendarRepo {
  const upsert = db.prepare(
    `INSERT INTO calendar_years (year, days, imported_at, imported_by) VALUES (@year, @days, @imported_at, @imported_by)
     ON CONFLICT (year) DO UPDATE SET days = excluded.days, imported_at = excluded.imported_at, imported_by = excluded.imported_by`,
  )
  // The emptiness check and the inserts are one transaction: two processes opening a new
  // file at once seed it once.
  const seed = db.transaction((years: CalendarYearRecord[]) => {
    if (db.prepare('SELECT 1 FROM calendar_years LIMIT 1').get()) return false
    for (const y of years) upsert.run(rowOf(y))
    return true
  })
  return {
    async listYears() {
      return db.prepare('SELECT * FROM calendar_years ORDER BY year').all().map(yearFromRow)
    },
    async replaceYear(year) {
      upsert.run(rowOf(year))
    },
    async seedIfEmpty(years) {
      return seed.immediate(years)
    },
  }
}
