import { expect } from 'chai'
import { asDeputy, startApp, type TestApp } from '../helpers/app.js'
import { caseCity } from '../fixtures.js'
import { caseForZhang, draft, told } from '../helpers/suggestions.js'

/**
 * A resident hears that her message went into a deputy's suggestion only when he 提交 it: a draft he may
 * still drop promises her nothing. Then each message the suggestion carries is told once, those linked while
 * editing the draft too; one unlinked before submitting is told nothing.
 */
describe('代表建议: residents are told of their messages at 提交, not at the draft', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
  })
  afterEach(() => app.close())

  /** Whom the notices went to, by their case's ticket (the payload's caseId). */
  const toldTickets = async (tickets: Map<string, string>) => {
    const page = await app.liaison.store.outbox.search({ kind: 'suggestion.linked', limit: 100 })
    return page.items.map((m) => tickets.get((m.payload as { caseId: string }).caseId))
  }

  it('tells nobody of a draft, even one edited; at 提交 tells each message then linked once, and not one unlinked', async () => {
    const first = await caseForZhang(app, '建设路晚上没有路灯，老人摔倒了')
    const second = await caseForZhang(app, '建设路太黑了，孩子放学不安全')
    const third = await caseForZhang(app, '建设路路灯坏了三个月')
    const tickets = new Map([first, second, third].map((c) => [c.case.id, c.case.ticket]))
    const zhang = await asDeputy(app, 'dp0001')

    const created = await zhang.post('/api/mp/deputy/suggestions', draft({ caseIds: [first.case.id, second.case.id] }))
    expect(created.status).to.equal(201)
    expect(await told(app, 'suggestion.linked'), 'a draft tells no resident').to.deep.equal([])

    // While editing, he drops the second message and takes in the third.
    const edited = await zhang.patch(`/api/mp/deputy/suggestions/${created.body.id}`, { caseIds: [first.case.id, third.case.id], title: '建设路全线加装路灯' })
    expect(edited.status).to.equal(200)
    expect(await told(app, 'suggestion.linked'), 'nor does an edited draft').to.deep.equal([])

    const submitted = await zhang.post(`/api/mp/deputy/suggestions/${created.body.id}/submit`)
    expect(submitted.status).to.equal(200)
    expect(await toldTickets(tickets)).to.have.members([first.case.ticket, third.case.ticket])
    const texts = await told(app, 'suggestion.linked')
    expect(texts).to.have.length(2)
    // The title he submitted, not the draft's first one.
    expect(texts.find((t) => t.startsWith(`mp_user:${third.resident.userId} → `))).to.match(
      /^mp_user:\S+ → 您\d+月\d+日反映的“建设路路灯坏了三个月”（编号 \S+）已被张伟代表写入代表建议《建设路全线加装路灯》，代表将推动有关部门办理。$/,
    )
    expect(
      texts.some((t) => t.startsWith(`mp_user:${second.resident.userId} `)),
      'the message he took out hears nothing',
    ).to.equal(false)
  })

  it('says so through the service too: create and edit write no notice, submit one per linked message', async () => {
    const first = await caseForZhang(app, '马庄路口积水，下雨天走不了')
    const second = await caseForZhang(app, '马庄路口的下水道堵了')
    const drafts = app.liaison.services.suggestionDrafts
    const zhang = { id: 'mp-zhang', deputyId: 'dp0001' }

    const s = await drafts.create(zhang, { title: '马庄路口排水改造', body: '马庄路口一下雨就积水，建议改造排水。', caseIds: [first.case.id] })
    await drafts.edit(zhang, s.id, { caseIds: [first.case.id, second.case.id] })
    expect(await told(app, 'suggestion.linked')).to.deep.equal([])

    await drafts.submit(zhang, s.id)
    const texts = await told(app, 'suggestion.linked')
    expect(texts.map((t) => t.split(' → ')[0])).to.have.members([`mp_user:${first.resident.userId}`, `mp_user:${second.resident.userId}`])
    expect(texts.every((t) => t.includes('已被张伟代表写入代表建议《马庄路口排水改造》'))).to.equal(true)
  })

  it('tells nobody whose message was withdrawn after he linked it: he no longer carries it', async () => {
    const kept = await caseForZhang(app, '光明路的井盖松了，一踩就响')
    const gone = await caseForZhang(app, '光明路井盖晚上看不见')
    const zhang = await asDeputy(app, 'dp0001')
    const created = await zhang.post('/api/mp/deputy/suggestions', draft({ caseIds: [kept.case.id, gone.case.id] }))
    expect(created.status).to.equal(201)
    expect((await gone.resident.post(`/api/mp/cases/${gone.case.id}/withdraw`, { reason: '已经修好了' })).status).to.equal(200)

    expect((await zhang.post(`/api/mp/deputy/suggestions/${created.body.id}/submit`)).status).to.equal(200)
    const texts = await told(app, 'suggestion.linked')
    expect(texts.map((t) => t.split(' → ')[0])).to.deep.equal([`mp_user:${kept.resident.userId}`])
  })
})
