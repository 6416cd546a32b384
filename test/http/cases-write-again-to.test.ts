import { expect } from 'chai'
import { asAdmin, asResident } from '../helpers/app.js'
import { useZhangWeiStation } from '../helpers/zhang-wei-station.js'

/**
 * Her message's page says where 再写一条留言 would go (writeAgainTo): to the deputy she wrote to by
 * name — by the public code his card and poster carry, which the form takes — while he is in office,
 * even after he handed it to a colleague; nothing when she wrote by place. Only her page carries it.
 */
describe('a resident is told where a new message about the same thing would go', () => {
  const station = useZhangWeiStation()

  it('names the deputy she wrote to, by his public code, after he handed it on too', async () => {
    const { resident, id } = await station.written('北门的路灯坏了')
    expect((await resident.get(`/api/mp/cases/${id}`)).body.writeAgainTo).to.deep.equal({ deputyCode: 'DP0001', deputyName: '张伟' })

    const moved = await station.zhang.post(`/api/mp/deputy/cases/${id}/transfer`, { reason: '请站里另外安排' })
    expect(moved.status, JSON.stringify(moved.body)).to.equal(200)
    const assigned = await station.lina.post(`/api/admin/cases/${id}/assign`, { deputyId: 'dp0002' })
    expect(assigned.status, JSON.stringify(assigned.body)).to.equal(200)
    const after = (await resident.get(`/api/mp/cases/${id}`)).body
    expect(after.handledBy.deputy).to.equal('王芳')
    expect(after.writeAgainTo, 'she wrote to 张伟, not to whom staff chose').to.deep.equal({ deputyCode: 'DP0001', deputyName: '张伟' })

    // The console's page and the deputy's do not carry it.
    expect((await station.lina.get(`/api/admin/cases/${id}`)).body).not.to.have.any.keys('writeAgainTo', 'addressedDeputy')
  })

  it('names nobody for a message written by her place, or to a deputy who has since left office', async () => {
    const byPlace = await asResident(station.app)
    const c = await byPlace.post('/api/mp/cases', { text: '小区门口的井盖松了', regionId: 'c010101' })
    expect(c.status, JSON.stringify(c.body)).to.equal(201)
    expect(c.body.handledBy.deputy, 'a deputy was picked for her').to.be.a('string')
    expect(c.body.writeAgainTo).to.equal(null)

    const { resident, id } = await station.written('健身器材坏了')
    expect((await (await asAdmin(station.app)).patch('/api/admin/deputies/dp0001', { active: false })).status).to.equal(200)
    expect((await resident.get(`/api/mp/cases/${id}`)).body.writeAgainTo, '张伟 has left office').to.equal(null)
  })
})
