import { expect } from 'chai'
import { asAdmin, asDeputy, Client } from '../helpers/app.js'
import { localToday } from '../helpers/suggestions.js'
import { addDays } from '../../src/domain/suggestion-due.js'
import type { ConsoleApp, DemoLogin } from './harness.js'
import { suggestionAwaitingAssignment } from './suggestion-awaiting.js'

/** The demo login of a unit's first staff (u01 住建局, u02 交通运输局). */
export async function unitLogin(app: ConsoleApp, unitId: string): Promise<DemoLogin> {
  const staff = (await app.liaison.store.staff.search({ role: 'unit_staff', unitId, limit: 10 })).items[0]
  return app.login((l) => l.username === staff.username)
}

/**
 * A suggestion of 李欣悦 (dp0001) given to 住建局 (u01), answered 正在解决或列入计划 with a promised day `days` from today,
 * and rated 基本满意: 已答复，正在办理 until the bureau reports the work done. Its id.
 */
export async function suggestionPromised(app: ConsoleApp, title: string, days: number): Promise<string> {
  const id = await suggestionAwaitingAssignment(app, title)
  const given = await (await asAdmin(app)).post(`/api/admin/suggestions/${id}/assignment`, { leadUnitId: 'u01' })
  expect(given.status, JSON.stringify(given.body)).to.equal(200)
  const login = await unitLogin(app, 'u01')
  const unit = await new Client(app.baseUrl).login(login.username, login.password)
  const answer = await unit.post(`/api/unit/suggestions/${id}/answer`, {
    category: 'in_progress',
    text: '已列入计划。',
    plannedBy: addDays(localToday(app), days),
  })
  expect(answer.status, JSON.stringify(answer.body)).to.equal(200)
  const rated = await (await asDeputy(app, 'dp0001')).post(`/api/mp/deputy/suggestions/${id}/rating`, { score: 'basically_satisfied' })
  expect(rated.body.statusLabel).to.equal('已答复，正在办理')
  return id
}

/** The titles of the two promises of `promisePassedThreeDaysAgo`. */
export const PROMISE_PASSED = '关于老旧小区加装电梯的建议'
export const PROMISE_AHEAD = '关于背街小巷路灯改造的建议'

/**
 * Two of 住建局's promises, eight days on: PROMISE_PASSED's day (five days after the answer) passed three days ago
 * without the bureau's report; PROMISE_AHEAD's (sixty days after) is still ahead. The passed one's id.
 */
export async function promisePassedThreeDaysAgo(app: ConsoleApp): Promise<string> {
  const passed = await suggestionPromised(app, PROMISE_PASSED, 5)
  await suggestionPromised(app, PROMISE_AHEAD, 60)
  app.clock.advance(8 * 86_400_000)
  return passed
}
