/**
 * A Liaison backend for the load benches: the real app on a durable SQLite file with the
 * demo city, `people` signed-in residents who have consented (tokens from `benchToken`),
 * and one open survey. Prints one JSON line: { port, region, surveyId }.
 */
import { randomUUID } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from '../../src/app.js'
import { loadConfig } from '../../src/config.js'
import { demoDirectory } from '../../src/demo/demo-city.js'
import { surveyQuestion } from '../../src/domain/survey.js'
import { seedPeople } from './people.js'
import { exitWithProfile } from './profile-hook.js'

const people = Number(process.argv[2] ?? 1000)
const dir = mkdtempSync(join(tmpdir(), 'liaison-bench-requests-'))
const file = join(dir, 'liaison.db')
const config = loadConfig({
  env: { LIAISON_DB: `sqlite:${file}`, LIAISON_SECRET_KEY: 'f'.repeat(64) },
  overrides: { log: { level: 'silent' }, uploads: { dir: join(dir, 'uploads') }, security: { scryptCost: 1024 }, cases: { submitLimitPerTenMinutes: 0 } },
})
const liaison = await build(config)
const demo = demoDirectory()
await liaison.services.importer.import({ ...demo, staff: [] }, null)
seedPeople(file, people, liaison.services.privacy.notice.version)
const now = new Date()
const survey = await liaison.store.surveys.create({
  id: `sv-${randomUUID()}`,
  shortCode: 'BENCHSV1',
  kind: 'survey',
  title: '社区停车位改造征求意见',
  description: '',
  questions: [
    surveyQuestion({
      id: 'q1',
      type: 'single',
      title: '是否支持',
      required: true,
      options: [
        { id: 'yes', label: '支持' },
        { id: 'no', label: '不支持' },
      ],
    }),
    surveyQuestion({ id: 'q2', type: 'rating', title: '满意度', scale: 5 }),
  ],
  articles: [],
  ballot: null,
  anonymous: false,
  opensAt: new Date(now.getTime() - 60_000),
  closesAt: new Date(now.getTime() + 86_400_000),
  responseCap: null,
  responseCount: 0,
  districtIds: [],
  createdBy: 'bench',
  createdAt: now,
  updatedAt: now,
  draft: false,
  audienceDeputyIds: null,
})
const region = demo.regions!.find((r) => r.kind === 'community')!.id
const { port } = await liaison.listen(0, '127.0.0.1')
process.stdout.write(JSON.stringify({ port, region, surveyId: survey.id, dir }) + '\n')
await exitWithProfile(process.argv[3] ?? 'liaison', dir)
