import { expect } from 'chai'
import { asAdmin, asDeputy, type TestApp } from '../helpers/app.js'

/**
 * A deputy's suggestion in the demo city, accepted by the office and waiting to be assigned
 * (已立案待交办): what the 交办 stories open. (test/helpers/suggestions.ts' suggestionAt is the
 * same for the test city, whose office account the demo city does not have.)
 */
export async function suggestionAwaitingAssignment(app: TestApp, title: string): Promise<string> {
  const deputy = await asDeputy(app, 'dp0001')
  const draft = await deputy.post('/api/mp/deputy/suggestions', { title, body: '老小区多为六层，没有电梯，建议财政补贴加装。' })
  expect(draft.status, JSON.stringify(draft.body)).to.equal(201)
  const submitted = await deputy.post(`/api/mp/deputy/suggestions/${draft.body.id}/submit`)
  expect(submitted.status, JSON.stringify(submitted.body)).to.equal(200)
  const accepted = await (await asAdmin(app)).post(`/api/admin/suggestions/${draft.body.id}/review`, { decision: 'accept' })
  expect(accepted.status, JSON.stringify(accepted.body)).to.equal(200)
  return draft.body.id
}
