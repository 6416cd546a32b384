import { expect } from 'chai'
import { readdirSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { JOBS, type JobDefinition } from '../../src/jobs/index.js'
import { startApp, type TestApp } from '../helpers/app.js'

const JOBS_DIR = fileURLToPath(new URL('../../src/jobs/', import.meta.url))
const isJob = (value: unknown): value is JobDefinition =>
  typeof value === 'object' && value !== null && typeof (value as JobDefinition).name === 'string' && typeof (value as JobDefinition).run === 'function'

describe('the job list: one file per job, one list that schedules them', () => {
  let app: TestApp
  afterEach(() => app?.close())

  it('schedules every job a jobs/*-job.ts file declares, once, under its own name', async () => {
    const declared: JobDefinition[] = []
    for (const file of readdirSync(JOBS_DIR).filter((f) => f.endsWith('-job.ts'))) {
      const exports = await import(pathToFileURL(JOBS_DIR + file).href)
      declared.push(...Object.values(exports).filter(isJob))
    }
    expect(declared.map((j) => j.name)).to.have.members(JOBS.map((j) => j.name))
    expect(new Set(JOBS.map((j) => j.name)).size, 'no two jobs share a lease name').to.equal(JOBS.length)
  })

  it('reads the schedules that are settings from the config the app was built with', async () => {
    app = await startApp({ overrides: { cases: { slaSchedule: '*/7 * * * *' }, digest: { schedule: '5 6 * * *' } } })
    const schedules = Object.fromEntries(app.liaison.jobs.map((j) => [j.name, j.schedule]))
    expect(schedules).to.include({ sla: '*/7 * * * *', digest: '5 6 * * *', maintenance: '17 * * * *', 'meeting-reminders': '*/5 * * * *' })
    expect(app.liaison.jobs.map((j) => j.name)).to.deep.equal(JOBS.map((j) => j.name))
  })
})
