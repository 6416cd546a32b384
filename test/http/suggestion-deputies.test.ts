import { expect } from 'chai'
import { asDeputy, startApp, type TestApp } from '../helpers/app.js'
import { caseCity } from '../fixtures.js'
import { buildResident } from '../factories.js'
import { caseForZhang, draft, suggestionAt, told } from '../helpers/suggestions.js'

const DAY = 86_400_000

describe('代表建议: what deputies may and may not do', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
  })
  afterEach(() => app.close())

  const mine = async (deputyId: string) => (await (await asDeputy(app, deputyId)).get('/api/mp/deputy/suggestions')).body.items

  it('refuses a draft without a title, or with a case that is not the deputy’s, and keeps nothing', async () => {
    const zhang = await asDeputy(app, 'dp0001')
    const empty = await zhang.post('/api/mp/deputy/suggestions', { title: ' ', body: '' })
    expect(empty.status).to.equal(400)
    expect(empty.body.error.code).to.equal('validation_failed')
    expect(empty.body.error.details.map((d: { path: string }) => d.path)).to.have.members(['body.title', 'body.body'])

    const others = await caseForZhang(app, '马庄路口积水')
    const wang = await asDeputy(app, 'dp0002')
    const notHers = await wang.post('/api/mp/deputy/suggestions', draft({ caseIds: [others.case.id] }))
    expect(notHers.status).to.equal(422)
    expect(notHers.body.error).to.deep.include({ code: 'not_your_case' })
    expect(notHers.body.error.details).to.deep.equal([{ path: 'body.caseIds[0]', message: '这条留言不是交给您办理的，或已改由其他代表办理' }])
    expect(await mine('dp0002')).to.deep.equal([])
    expect(await told(app, 'suggestion.linked')).to.deep.equal([])

    const stranger = await asDeputy(app, 'dp0003')
    const foreignImage = await stranger.post('/api/mp/deputy/suggestions', draft({ attachmentIds: ['/api/mp/uploads/someone-else.jpg'] }))
    expect(foreignImage.status).to.equal(422)
    expect(await mine('dp0003')).to.deep.equal([])
  })

  it('makes one draft of a retried POST with the same Idempotency-Key, and refuses the key with another body', async () => {
    const zhang = await asDeputy(app, 'dp0001')
    const key = { 'Idempotency-Key': 'draft-1' }
    const first = await zhang.post('/api/mp/deputy/suggestions', draft(), key)
    const again = await zhang.post('/api/mp/deputy/suggestions', draft(), key)
    expect(again.status).to.equal(201)
    expect(again.body.id).to.equal(first.body.id)
    const other = await zhang.post('/api/mp/deputy/suggestions', draft({ title: '另一条' }), key)
    expect(other.status).to.equal(422)
    expect(await mine('dp0001')).to.have.length(1)
  })

  it('keeps a draft the lead deputy’s own: others do not see it, a co-signer may not change or submit it', async () => {
    const { id, zhang } = await suggestionAt(app, 'draft')
    const wang = await asDeputy(app, 'dp0002')
    expect((await wang.get(`/api/mp/deputy/suggestions/${id}`)).status).to.equal(404)
    expect((await wang.patch(`/api/mp/deputy/suggestions/${id}`, { title: '改掉' })).status).to.equal(404)

    await zhang.post(`/api/mp/deputy/suggestions/${id}/cosign-invitation`)
    await wang.post(`/api/mp/deputy/suggestions/${id}/cosign`)
    const edit = await wang.patch(`/api/mp/deputy/suggestions/${id}`, { title: '改掉' })
    expect(edit.status).to.equal(403)
    expect(edit.body.error).to.deep.include({ code: 'forbidden', message: '只有领衔代表可以这样做' })
    expect((await wang.post(`/api/mp/deputy/suggestions/${id}/submit`)).status).to.equal(403)
    const own = await zhang.post(`/api/mp/deputy/suggestions/${id}/cosign`)
    expect(own.status).to.equal(409)
    expect(own.body.error.code).to.equal('own_suggestion')
    expect((await zhang.get(`/api/mp/deputy/suggestions/${id}`)).body).to.include({ title: '建设路加装路灯', status: 'cosigning' })

    const resident = await buildResident(app)
    const notDeputy = await resident.get('/api/mp/deputy/suggestions')
    expect(notDeputy.status).to.equal(403)
    expect(notDeputy.body.error.code).to.equal('not_a_deputy')
  })

  it('closes co-signing when the window ends, and lets a co-signer withdraw before that', async () => {
    const { id, zhang } = await suggestionAt(app, 'draft')
    const bad = await zhang.post(`/api/mp/deputy/suggestions/${id}/cosign-invitation`, { days: 31 })
    expect(bad.status).to.equal(400)
    expect(bad.body.error.details[0].path).to.equal('body.days')
    await zhang.post(`/api/mp/deputy/suggestions/${id}/cosign-invitation`, { days: 2 })
    const wang = await asDeputy(app, 'dp0002')
    const li = await asDeputy(app, 'dp0003')
    await wang.post(`/api/mp/deputy/suggestions/${id}/cosign`)
    const withdrawn = await wang.request('DELETE', `/api/mp/deputy/suggestions/${id}/cosign`)
    expect(withdrawn.body.coSigners).to.deep.equal([])
    expect(withdrawn.body.cases).to.deep.equal([])
    app.clock.advance(2 * DAY + 1000)
    const late = await li.post(`/api/mp/deputy/suggestions/${id}/cosign`)
    expect(late.status).to.equal(409)
    expect(late.body.error).to.deep.include({ code: 'cosign_closed', message: '附议时间已过' })
    expect((await li.get('/api/mp/deputy/suggestions?box=cosign')).body.items).to.deep.equal([])
    expect((await zhang.get(`/api/mp/deputy/suggestions/${id}`)).body.coSigners).to.deep.equal([])
  })

  it('refuses a change after submission and a rating before an answer, in plain words', async () => {
    const { id, zhang } = await suggestionAt(app, 'assigned')
    const edit = await zhang.patch(`/api/mp/deputy/suggestions/${id}`, { title: '改掉' })
    expect(edit.status).to.equal(409)
    expect(edit.body.error).to.deep.include({ code: 'suggestion_wrong_status', message: '只有草稿可以修改（现在：办理中）' })
    const early = await zhang.post(`/api/mp/deputy/suggestions/${id}/rating`, { score: 'satisfied' })
    expect(early.status).to.equal(409)
    expect(early.body.error.message).to.equal('只有已答复的建议可以评价（现在：办理中）')
    const nonsense = await zhang.post(`/api/mp/deputy/suggestions/${id}/rating`, { score: 'great' })
    expect(nonsense.status).to.equal(400)
    const after = (await zhang.get(`/api/mp/deputy/suggestions/${id}`)).body
    expect(after).to.include({ title: '建设路加装路灯', status: 'assigned', rating: null })
  })
})
