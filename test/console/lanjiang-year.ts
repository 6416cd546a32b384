import { Client } from '../helpers/app.js'
import { openCycle } from '../helpers/livelihood.js'
import type { ConsoleApp } from './harness.js'

/**
 * 陈干事 of 澜江区 (the demo city's d01 office) signs in and opens a 民生实事 year for the console stories of his
 * page: collecting since a day ago, closing in ten days, one project to choose. The year's id is `year`.
 */
export async function chenOpensAYear(app: ConsoleApp, year: number) {
  const chen = app.login((l) => l.username === 'chenmingliang')
  const office = await new Client(app.baseUrl).login(chen.username, chen.password)
  const now = app.clock.now().getTime()
  const made = await openCycle(office, {
    office: 'd01',
    year,
    title: `${year}年澜江区民生实事项目`,
    opensAt: new Date(now - 86_400_000).toISOString(),
    closesAt: new Date(now + 10 * 86_400_000).toISOString(),
    projectCount: 1,
  })
  return { chen, office, year: made.id }
}
