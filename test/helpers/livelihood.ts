import { expect } from 'chai'
import type { Client, TestApp } from './app.js'
import { jpegWithGps } from './images.js'

/** Steps of a 民生实事 year shared by the route tests; each checks its own answer. */
export const at = (app: TestApp, iso: string) => app.clock.set(new Date(iso))

export async function openCycle(office: Client, over: Record<string, unknown> = {}) {
  const answer = await office.post('/api/admin/livelihood/cycles', {
    office: 'city',
    year: 2027,
    title: '2027年市民生实事项目',
    opensAt: '2026-12-01T00:00:00+08:00',
    closesAt: '2026-12-31T00:00:00+08:00',
    projectCount: 2,
    ...over,
  })
  expect(answer.status, JSON.stringify(answer.body)).to.equal(201)
  return answer.body as { id: string; status: string }
}

export const proposal = (over: Record<string, unknown> = {}) => ({
  title: '建设路社区加装电梯',
  description: '建设路社区3号楼、5号楼是老楼，六层没有电梯，想加装电梯。',
  place: '建设路社区',
  reason: '楼里老人多，上下楼太难。',
  consentVersion: 'lp-2026-1',
  ...over,
})

/** A photo she took on her phone, uploaded as the mini-program does before it goes with her proposal. */
export async function uploadPhoto(app: TestApp, resident: Client, name = 'market.jpg') {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(jpegWithGps())], { type: 'image/jpeg' }), name)
  const answer = await fetch(`${app.baseUrl}/api/mp/uploads`, { method: 'POST', body: form, headers: { authorization: `Bearer ${resident.bearer}` } })
  expect(answer.status).to.equal(201)
  return ((await answer.json()) as { url: string }).url
}

export async function propose(person: Client, cycleId: string, over: Record<string, unknown> = {}) {
  const answer = await person.post(`/api/mp/livelihood/cycles/${cycleId}/proposals`, proposal(over))
  expect(answer.status, JSON.stringify(answer.body)).to.equal(201)
  return answer.body as { id: string }
}

export async function candidate(office: Client, cycleId: string, body: Record<string, unknown>) {
  const answer = await office.post(`/api/admin/livelihood/cycles/${cycleId}/candidates`, {
    description: '为老旧小区加装电梯',
    place: '湛河区',
    costWan: 300,
    unitId: 'u01',
    ...body,
  })
  expect(answer.status, JSON.stringify(answer.body)).to.equal(201)
  return answer.body as { id: string; title: string }
}

/** A city cycle already running with one chosen project for `unitId`, put straight into the store (the ballot is tested elsewhere). */
export async function runningProject(app: TestApp, unitId = 'u01') {
  const now = app.clock.now()
  const store = app.liaison.store.livelihood
  const cycle = await store.createCycle({
    id: 'lc-photos',
    office: 'city',
    year: now.getUTCFullYear(),
    title: `${now.getUTCFullYear()}年市民生实事项目`,
    opensAt: now,
    closesAt: now,
    status: 'running',
    projectCount: 1,
    ballotSurveyId: null,
    createdBy: 'admin',
    createdAt: now,
    updatedAt: now,
  })
  return store.saveProject(
    {
      id: 'lpj-photos',
      cycleId: cycle.id,
      title: '老旧小区加装电梯',
      description: '为老楼加装电梯',
      place: '建设路社区',
      costWan: 300,
      unitId,
      proposalIds: [],
      status: 'chosen',
      votes: 3,
      createdAt: now,
      updatedAt: now,
    },
    [],
    [],
  )
}

/**
 * An office's year already running with its chosen projects (unit ids as given), put straight into the
 * store as runningProject does; each project's progress is then posted by its unit as in life.
 */
export async function runningYear(
  app: TestApp,
  year: { id: string; office: string; year: number; title: string },
  projects: Array<{ id: string; title: string; unitId: string }>,
) {
  const now = app.clock.now()
  const store = app.liaison.store.livelihood
  const cycle = await store.createCycle({
    ...year,
    opensAt: now,
    closesAt: now,
    status: 'running',
    projectCount: projects.length,
    ballotSurveyId: null,
    createdBy: 'admin',
    createdAt: now,
    updatedAt: now,
  })
  for (const p of projects)
    await store.saveProject(
      { ...p, cycleId: cycle.id, description: p.title, place: '', costWan: 100, proposalIds: [], status: 'chosen', votes: 3, createdAt: now, updatedAt: now },
      [],
      [],
    )
  return cycle
}

/** A unit's staff member reports a quarter of a project, as the unit's page does. */
export async function reportProgress(unitStaff: Client, projectId: string, quarter: number, percent: number) {
  const answer = await unitStaff.post(`/api/admin/unit/livelihood-projects/${projectId}/progress`, { quarter, percent, text: `第${quarter}季度进展` })
  expect(answer.status, JSON.stringify(answer.body)).to.equal(201)
}
