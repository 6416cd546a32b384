import { expect } from 'chai'
import { asAdmin, asResident } from '../helpers/app.js'
import { caseCityOnFileForEachTest } from '../helpers/erasure.js'

/**
 * A resident who deletes her data has her open messages withdrawn, with a note the office reads on each one's
 * timeline. The note was "本人申请删除个人信息", and the erasure's own masking read 申 as a surname after 本人: the
 * office read "本人某某除个人信息". The note now names no one and reads whole.
 */
describe('an erasure leaves a withdrawal note the office can read', () => {
  const story = caseCityOnFileForEachTest()

  it('says on the timeline that the resident asked to delete her data, in whole words', async () => {
    const resident = await asResident(story.app, 'o-liu')
    const { body: lamp } = await resident.post('/api/mp/cases', { text: '楼道灯坏了一个月', regionId: 'c010101' })
    expect((await resident.request('DELETE', '/api/mp/me')).status).to.equal(200)

    const seen = (await (await asAdmin(story.app)).get(`/api/admin/cases/${lamp.id}`)).body
    expect(seen.status).to.equal('withdrawn')
    const withdrawn = seen.timeline.filter((e: { type: string }) => e.type === 'withdrawn')
    expect(withdrawn.map((e: { label: string; note: string }) => `${e.label}：${e.note}`)).to.deep.equal(['群众撤回：群众申请删除个人信息'])
  })
})
