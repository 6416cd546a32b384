import { asDeputy, Client, type TestApp } from './app.js'
import { STAFF_PASSWORD } from '../fixtures.js'
import { buildCase } from '../factories.js'

export const asStaff = (app: TestApp, username: string) => new Client(app.baseUrl).login(username, STAFF_PASSWORD)

/** The messages of one kind in the outbox, as "recipientKind:recipientId → text". */
export async function told(app: TestApp, kind: string): Promise<string[]> {
  const page = await app.liaison.store.outbox.search({ kind, limit: 100 })
  return page.items.map((m) => `${m.recipientKind}:${m.recipientId} → ${(m.payload as { text: string }).text}`)
}

/** Today in the business time zone, and a date some days/months from it. */
export function localToday(app: TestApp) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(app.clock.now())
}

export const draft = (over: Record<string, unknown> = {}) => ({
  title: '建设路加装路灯',
  body: '建设路夜间照明不足，老年人出行不便，建议市住建局统一加装路灯。',
  ...over,
})

/**
 * A suggestion of 张伟 (dp0001) taken to a given point of its life: 'draft', 'submitted',
 * 'accepted' or 'assigned' (lead u01 市住建局, co-unit u02 湛河区人民政府).
 */
export async function suggestionAt(app: TestApp, stage: 'draft' | 'submitted' | 'accepted' | 'assigned', over: Record<string, unknown> = {}) {
  const zhang = await asDeputy(app, 'dp0001')
  const created = await zhang.post('/api/mp/deputy/suggestions', draft(over))
  const id: string = created.body.id
  if (stage === 'draft') return { id, zhang }
  await zhang.post(`/api/mp/deputy/suggestions/${id}/submit`)
  if (stage === 'submitted') return { id, zhang }
  const sunli = await asStaff(app, 'sunli')
  await sunli.post(`/api/admin/suggestions/${id}/review`, { decision: 'accept' })
  if (stage === 'accepted') return { id, zhang }
  await sunli.post(`/api/admin/suggestions/${id}/assignment`, { leadUnitId: 'u01', coUnitIds: ['u02'] })
  return { id, zhang }
}

/**
 * 张伟's suggestion (`suggestionAt` 'assigned', titled 建设路社区楼顶违建整治) answered by 市住建局 (chengang)
 * 正在解决或列入计划 with the day it promises (`plannedBy`); refused answers fail the story where they happen.
 */
export async function promisedByTheUnit(app: TestApp, plannedBy: string, text = '已列入计划，尽快完成。') {
  const { id, zhang } = await suggestionAt(app, 'assigned', { title: '建设路社区楼顶违建整治' })
  const answered = await (await asStaff(app, 'chengang')).post(`/api/unit/suggestions/${id}/answer`, { category: 'in_progress', text, plannedBy })
  if (answered.status !== 200) throw new Error(`the unit's answer was refused: ${JSON.stringify(answered.body)}`)
  return { id, zhang }
}

/** A resident's message routed to 张伟 (dp0001). */
export const caseForZhang = (app: TestApp, text: string) => buildCase(app, { deputyCode: 'DP0001', text })
