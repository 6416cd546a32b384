import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from '../src/app.js'
import { ManualClock } from '../src/clock.js'
import { loadConfig } from '../src/config.js'
import { fullSizeDirectory } from '../src/demo/full-size.js'
import type { StaffPrincipal } from '../src/services/accounts/principal.js'
import { caseRecord, caseEvent } from '../test/store/records.js'
import { row, time, type Row } from './measure.js'

const ADMIN: StaffPrincipal = { kind: 'staff', id: 'admin', name: '管理员', username: 'admin', role: 'admin', stationIds: [], regionIds: [], unitIds: [] }

/**
 * Building and enqueuing the morning's digests on the embedded store, for directories of
 * 1,000, 3,000 and 9,000 deputies with realistic content: an open case for every third
 * deputy, three meetings this week for the city- and county-level deputies, and a running
 * campaign with a required article for everyone. Target: 9,000 under 10 s, growing linearly.
 */
export async function benchDigests(): Promise<{ rows: Row[]; lines: string[] }> {
  const lines: string[] = []
  const timings: Array<{ deputies: number; ms: number; made: number }> = []
  for (const deputies of [1000, 3000, 9000]) timings.push(await buildFor(deputies))
  for (const t of timings)
    lines.push(`digests for ${t.deputies} deputies: ${t.made} made in ${Math.round(t.ms)} ms (${(t.ms / t.deputies).toFixed(3)} ms each)`)
  const [small, , full] = timings
  return {
    lines,
    rows: [
      row({
        name: 'build and enqueue 9,000 digests',
        value: full.ms,
        unit: 'ms',
        baseline: { name: '1,000 deputies × 9 (linear)', value: small.ms * 9 },
        target: { below: 10_000 },
      }),
    ],
  }
}

/** Digests built and enqueued for a directory of this many deputies, on a fresh store; how long it took. */
export async function buildFor(deputies: number) {
  const dir = mkdtempSync(join(tmpdir(), 'liaison-bench-digest-'))
  try {
    const clock = new ManualClock(new Date('2026-11-22T10:00:00Z'))
    const config = loadConfig({
      env: { LIAISON_DB: `sqlite:${join(dir, 'l.db')}`, LIAISON_SECRET_KEY: 'b'.repeat(64) },
      overrides: { log: { level: 'silent' }, security: { scryptCost: 1024 } },
    })
    const liaison = await build(config, { clock })
    const { store, services } = liaison
    const directory = fullSizeDirectory({ deputies, stations: Math.max(10, Math.round(deputies / 33)) })
    await services.importer.import({ ...directory, staff: [] }, null)
    const ids = directory.deputies!.map((d) => d.id)
    for (let i = 0; i < ids.length; i += 3) {
      const record = caseRecord({
        id: `cs-${randomUUID()}`,
        deputyId: ids[i],
        stationId: directory.deputies![i].stationIds[0],
        createdAt: clock.now(),
        ackDueAt: new Date('2026-11-23T02:00:00Z'),
      })
      await store.cases.submit({ record, ticketDate: '2026-11-22', events: [caseEvent(record.id, 'submitted')], outbox: [] })
    }
    for (let m = 0; m < 3; m++) {
      const meeting = await services.meetings.create(ADMIN, {
        title: `代表活动 ${m + 1}`,
        kind: 'deputy_activity',
        startAt: new Date(`2026-11-2${4 + m}T01:30:00Z`),
        endAt: new Date(`2026-11-2${4 + m}T03:30:00Z`),
        place: '市人大会议中心',
        agenda: '',
        attachments: [],
        selector: { levels: ['city', 'county'] },
        publicSeats: 0,
        rsvpDeadline: null,
      })
      await services.meetings.publish(ADMIN, meeting.id)
    }
    const campaign = await services.campaigns.create(ADMIN, {
      title: '学习代表法',
      description: '专题学习',
      startsAt: new Date('2026-11-20T00:00:00Z'),
      endsAt: new Date('2026-12-31T00:00:00Z'),
      audience: { levels: ['national', 'provincial', 'city', 'county', 'township'] },
    })
    await services.campaigns.addItem(ADMIN, campaign.id, { title: '代表法全文', summary: '必读', body: '<p>第一条……</p>', source: '全国人大', required: true })
    clock.set(new Date('2026-11-23T00:05:00Z')) // Monday 08:05
    const run = await time(() => services.digests.buildDue())
    await liaison.close()
    return { deputies, ms: run.ms, made: run.value.made }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
