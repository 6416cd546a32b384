import { localDate } from '../../src/domain/dates.js'
import type { ConsoleApp, DemoLogin } from './harness.js'

const WEEKDAYS = '日一二三四五六'

/** The demo city's organizer of the whole city (no districts or streets): she runs the city's surveys and meetings. */
export async function cityOrganizer(app: ConsoleApp): Promise<DemoLogin> {
  for (const login of app.logins.filter((l) => l.role === 'organizer'))
    if (!(await app.liaison.store.staff.getByUsername(login.username))?.regionIds.length) return login
  throw new Error('the demo city has no city organizer')
}

/** A business day ("2026-12-07") as the console says it: "12月7日（星期一）", with the year when it is not the server's this year. */
export function dayWords(app: ConsoleApp, date: string): string {
  const [year, month, day] = date.split('-').map(Number)
  const thisYear = Number(localDate(app.clock.now(), app.liaison.config.business.timeZone).slice(0, 4))
  return `${year === thisYear ? '' : `${year}年`}${month}月${day}日（星期${WEEKDAYS[new Date(`${date}T12:00:00Z`).getUTCDay()]}）`
}

/** A business day as a time in a line says it, with no weekday: "12月7日". */
export const shortDay = (app: ConsoleApp, date: string) => dayWords(app, date).replace(/（.*$/, '')
