import { expect } from 'chai'
import { asAdmin, asDeputy, asResident, startApp, type TestApp } from '../helpers/app.js'
import { caseCity } from '../fixtures.js'

const DAY = 86_400_000

/**
 * 王阿姨's message about the streetlight was answered and she rated it 2, so it is closed; for 7 days she may still ask
 * for it to be handled again, and the deputy would then call the number she left. 我的信息 shows that number as the
 * page opens (GET /api/mp/me/kept) and lets her change it while it may still be called, and remove it at any time after.
 */
describe('王阿姨 corrects or removes the phone on a finished message', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
  })
  afterEach(() => app.close())

  async function answeredAndRated(rating: number) {
    const wang = await asResident(app, 'o-wang-ayi')
    const { body: lamp } = await wang.post('/api/mp/cases', { text: '楼下路灯坏了', regionId: 'c010101', phone: '13912345670' })
    const deputy = await asDeputy(app, (await app.liaison.store.cases.get(lamp.id))!.deputyId!)
    await deputy.post(`/api/mp/deputy/cases/${lamp.id}/reply`, { text: '已报修。' })
    expect((await wang.post(`/api/mp/cases/${lamp.id}/rate`, { rating })).status).to.equal(200)
    expect((await app.liaison.store.cases.get(lamp.id))!.status).to.equal('closed')
    return { wang, lamp, deputy }
  }

  const phoneRow = async (wang: Awaited<ReturnType<typeof asResident>>, caseId: string) => {
    const kept = await wang.get('/api/mp/me/kept')
    expect(kept.status).to.equal(200)
    return kept.body.phones.find((p: { key: string }) => p.key === caseId)
  }

  it('while she may ask for it to be handled again: the page offers to change it, and the deputy calls the new number', async () => {
    const { wang, lamp, deputy } = await answeredAndRated(2)
    const row = await phoneRow(wang, lamp.id)
    expect(row).to.deep.include({ label: `留言 ${lamp.ticket} 里的电话`, phone: '13912345670', canChange: true })
    expect(row.note).to.match(/^这条留言已经办完。\d+月\d+日 [\d:]+前您还可以申请重新办理，那时代表会打这个电话，号码不对可以改。$/)

    const fixed = await wang.request('PUT', `/api/mp/me/cases/${lamp.id}/phone`, { phone: '13912345678' })
    expect(fixed.status).to.equal(200)
    expect(fixed.body.message).to.equal(`已改好留言 ${lamp.ticket} 里的电话，代表会打新号码。`)
    expect((await wang.post(`/api/mp/cases/${lamp.id}/reopen`, { reason: '灯还是不亮' })).status).to.equal(200)
    expect((await deputy.get(`/api/mp/deputy/cases/${lamp.id}/phone`)).body.phone).to.equal('13912345678')
  })

  it('once nobody will call it: changing is refused in words and changes nothing; removing it works, audited and in her copy', async () => {
    const { wang, lamp } = await answeredAndRated(2)
    app.clock.advance(8 * DAY)
    const row = await phoneRow(wang, lamp.id)
    expect(row).to.deep.include({ phone: '13912345670', canChange: false, note: '这条留言已经办完，代表不会再打这个电话。不想留着，可以删掉。' })

    const changed = await wang.request('PUT', `/api/mp/me/cases/${lamp.id}/phone`, { phone: '13912345678' })
    expect(changed.status).to.equal(409)
    expect(changed.body.error).to.include({
      code: 'case_ended',
      message: '这条留言已经办完，代表不会再打这个电话，所以不用改号码。不想留着这个电话，可以删掉。',
    })
    expect((await wang.get('/api/mp/me/export')).body.cases[0].phone, 'unchanged').to.equal('13912345670')

    const bad = await wang.request('PUT', `/api/mp/me/cases/${lamp.id}/phone`, { phone: '12345' })
    expect(bad.status).to.equal(400)
    expect(bad.body.error.code).to.equal('validation_failed')
    const stranger = await asResident(app, 'o-stranger')
    const notHers = await stranger.request('PUT', `/api/mp/me/cases/${lamp.id}/phone`, { phone: null })
    expect(notHers.status).to.equal(404)
    expect(notHers.body.error.message).to.equal('留言不存在')
    expect((await wang.get('/api/mp/me/export')).body.cases[0].phone, 'still hers').to.equal('13912345670')

    const removed = await wang.request('PUT', `/api/mp/me/cases/${lamp.id}/phone`, { phone: null })
    expect(removed.status).to.equal(200)
    expect(removed.body.message).to.equal(`已删除留言 ${lamp.ticket} 里的电话。`)
    expect((await wang.get('/api/mp/me/export')).body.cases[0].phone).to.equal(null)
    expect(await phoneRow(wang, lamp.id), 'no longer listed').to.equal(undefined)
    const audit = (await app.liaison.store.audit.list({ targetId: lamp.id, limit: 50, cursor: null })).items.filter(
      (e) => e.action === 'privacy.phone_corrected',
    )
    expect(audit.map((e) => ({ actor: e.actorId, removed: e.details.removed }))).to.deep.equal([{ actor: wang.userId, removed: true }])
  })

  it('rated well (no asking again): only removing is offered', async () => {
    const { wang, lamp } = await answeredAndRated(4)
    expect(await phoneRow(wang, lamp.id)).to.deep.include({ canChange: false, note: '这条留言已经办完，代表不会再打这个电话。不想留着，可以删掉。' })
    expect((await wang.request('PUT', `/api/mp/me/cases/${lamp.id}/phone`, { phone: null })).status).to.equal(200)
    expect((await wang.get('/api/mp/me/export')).body.cases[0].phone, 'gone from her copy').to.equal(null)
    expect(await phoneRow(wang, lamp.id), 'no longer listed').to.equal(undefined)
  })

  it('a withdrawn message: its phone is said unused, a change refused in the same words, and it can be removed', async () => {
    const wang = await asResident(app, 'o-wang-ayi')
    const { body: noise } = await wang.post('/api/mp/cases', { text: '楼上半夜剁肉', regionId: 'c010101', phone: '13912340000' })
    expect((await wang.post(`/api/mp/cases/${noise.id}/withdraw`, {})).status).to.equal(200)
    expect(await phoneRow(wang, noise.id)).to.deep.include({ canChange: false, note: '这条留言已经撤回，代表不会再打这个电话。不想留着，可以删掉。' })
    expect((await wang.request('PUT', `/api/mp/me/cases/${noise.id}/phone`, { phone: '13912345678' })).body.error).to.include({
      code: 'case_ended',
      message: '这条留言已经撤回，代表不会再打这个电话，所以不用改号码。不想留着这个电话，可以删掉。',
    })
    expect((await wang.request('PUT', `/api/mp/me/cases/${noise.id}/phone`, { phone: null })).body.message).to.equal(`已删除留言 ${noise.ticket} 里的电话。`)
    // 已删除 is true: her copy of her data no longer holds it.
    expect((await wang.get('/api/mp/me/export')).body.cases.find((c: { id: string }) => c.id === noise.id).phone).to.equal(null)
  })

  it('a message merged into another: its phone is said unused, naming the other, and can be removed', async () => {
    const wang = await asResident(app, 'o-wang-ayi')
    const { body: hers } = await wang.post('/api/mp/cases', { text: '楼道灯坏了', regionId: 'c010101', phone: '13912345670' })
    const { body: his } = await (await asResident(app, 'o-li-si')).post('/api/mp/cases', { text: '楼道灯坏了，没人修', regionId: 'c010101' })
    expect((await (await asAdmin(app)).post(`/api/admin/cases/${hers.id}/merge`, { intoCaseId: his.id })).status).to.equal(200)
    expect(await phoneRow(wang, hers.id)).to.deep.include({
      canChange: false,
      note: `这条留言已和留言 ${his.ticket} 合并办理，代表按那条留言联系，不会再打这个电话。不想留着，可以删掉。`,
    })
    expect((await wang.request('PUT', `/api/mp/me/cases/${hers.id}/phone`, { phone: null })).status).to.equal(200)
    expect((await wang.get('/api/mp/me/export')).body.cases.find((c: { id: string }) => c.id === hers.id).phone).to.equal(null)
  })

  it('the page as it opens: what is kept a line each, her phones, and the station that handles her message', async () => {
    const wang = await asResident(app, 'o-wang-ayi')
    const { body: lamp } = await wang.post('/api/mp/cases', { text: '楼下路灯坏了', regionId: 'c010101', phone: '13912345670' })
    const kept = (await wang.get('/api/mp/me/kept')).body
    expect(kept.facts).to.deep.equal([
      { label: '留言', value: '1\u00a0条' },
      { label: '联系电话', value: '有（1\u00a0条留言里留了电话）' },
      { label: '个人信息保护说明', value: kept.facts[2].value },
    ])
    expect(kept.facts[2].value).to.equal('已同意')
    expect(kept.phones).to.deep.equal([
      { key: lamp.id, ticket: lamp.ticket, label: `留言 ${lamp.ticket} 里的电话`, phone: '13912345670', canChange: true, note: null },
    ])
    expect(kept.stations).to.deep.equal([{ name: '轻工街道代表联络站', address: '建设路1号', receptionDays: ['wed'], receptionText: '每星期三接待' }])
  })
})
