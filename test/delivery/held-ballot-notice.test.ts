import { expect } from 'chai'
import type { FakeWeChat } from '../fakes/wechat-api.js'
import { asAdmin, Client, type TestApp } from '../helpers/app.js'
import { ballotBody, surveyBody } from '../helpers/surveys.js'
import { loginAs, startWithWeChat, subscribe } from '../helpers/wechat.js'
import { bindingCode } from '../bots/helpers.js'
import { STAFF_PASSWORD } from '../fixtures.js'

const SUPERSEDED = '已被后来的变化取代，未发送'
const NIGHT = { start: '21:00', end: '08:00', immediateKinds: [] }
/** Monday 2026-11-23 at hh:mm in Asia/Shanghai, or `days` later. */
const monday = (hh: number, mm = 0, days = 0) => new Date(Date.UTC(2026, 10, 23 + days, hh - 8, mm))

/**
 * A 票决通知 (「…已开始，请投票」) published at night waits for 08:00 (quiet hours), as a reminder does. A deputy
 * who voted meanwhile is not told to vote, nor is anyone once the ballot has closed: the console says why it
 * was not sent, and its 投票情况 tab does not promise a notice that will never go (待发送). A survey's notice
 * to a deputy who already answered is dropped alike.
 */
describe('no 票决通知 after the deputy voted or the ballot closed', function () {
  this.timeout(60_000)
  let app: TestApp & { fake: FakeWeChat }
  let sunli: Client
  afterEach(() => app.close())

  async function start() {
    app = await startWithWeChat({ outbox: { quietHours: NIGHT } })
    app.clock.set(monday(20))
    sunli = await new Client(app.baseUrl).login('sunli', STAFF_PASSWORD)
  }
  async function mpDeputy(openid: string, deputyId: string) {
    const client = await loginAs(app, openid)
    expect((await client.post('/api/mp/bind', { bindCode: await bindingCode(app, deputyId) })).status).to.equal(200)
    await subscribe(client, 'accept', 3)
    return client
  }
  /** 孙丽 publishes a ballot of 张伟 and 李强 at 22:00, in quiet hours, and the dispatcher runs: its id. */
  async function ballotPublishedAt22(): Promise<string> {
    app.clock.set(monday(22))
    await sunli.login('sunli', STAFF_PASSWORD)
    const created = await sunli.post(
      '/api/admin/surveys',
      ballotBody({ ballot: { passRule: 'roll_majority', maxChosen: 2, roll: { deputyIds: ['dp0001', 'dp0003'] } } }),
    )
    expect(created.status, JSON.stringify(created.body)).to.equal(201)
    await app.liaison.services.dispatcher.drain()
    return created.body.id as string
  }
  const notice = async (kind: string, deputyId: string) => (await app.liaison.store.outbox.search({ limit: 10, kind, recipientId: deputyId })).items[0]!
  const deliveryShown = async (kind: string, deputyId: string) =>
    (await (await asAdmin(app)).get(`/api/admin/outbox?recipientId=${deputyId}&kind=${kind}`)).body.items[0].delivery
  const cardsTo = (openid: string) => app.fake.sent().filter((m) => m.touser === openid)

  it('does not send the 票决通知 at 08:00 to the deputy who voted at 07:30; the others get theirs', async () => {
    await start()
    const zhang = await mpDeputy('o-zhangwei', 'dp0001')
    await mpDeputy('o-liqiang', 'dp0003')
    const ballot = await ballotPublishedAt22()
    expect(cardsTo('o-zhangwei'), 'not at night').to.deep.equal([])

    app.clock.set(monday(7, 30, 1))
    expect((await zhang.post(`/api/mp/surveys/${ballot}/responses`, { answers: { projects: ['p1'] } })).status).to.equal(201)
    app.clock.set(monday(8, 5, 1))
    await app.liaison.services.dispatcher.drain()

    expect(cardsTo('o-zhangwei'), 'he voted at 07:30').to.deep.equal([])
    const voted = `${SUPERSEDED}（代表已经投票，不再通知）`
    expect(await notice('ballot.published', 'dp0001')).to.deep.include({ status: 'dead', lastError: voted })
    expect(await deliveryShown('ballot.published', 'dp0001')).to.deep.equal({ state: 'superseded', label: '不用再发', reason: voted })
    expect((await notice('ballot.published', 'dp0003')).status).to.equal('sent')
    expect(cardsTo('o-liqiang')).to.have.length(1)
  })

  it('does not send it once the ballot closed, and 投票情况 says 不再发送, not 待发送, for those who did not vote', async () => {
    await start()
    await mpDeputy('o-liqiang', 'dp0003')
    const ballot = await ballotPublishedAt22()

    // Before the close the notice waits for the morning, and the tab says so.
    const open = await sunli.get(`/api/admin/surveys/${ballot}/not-voted`)
    expect(open.body.items.map((i: { name: string; notice: { label: string } }) => `${i.name} ${i.notice.label}`)).to.deep.equal(['张伟 待发送', '李强 待发送'])

    app.clock.set(monday(7, 40, 1))
    await sunli.login('sunli', STAFF_PASSWORD)
    expect((await sunli.post(`/api/admin/surveys/${ballot}/close`)).status).to.equal(200)
    const closed = await sunli.get(`/api/admin/surveys/${ballot}/not-voted`)
    expect(
      closed.body.items.map((i: { name: string; notice: { label: string; reason: string } }) => `${i.name} ${i.notice.label}：${i.notice.reason}`),
    ).to.deep.equal(['张伟 不再发送：投票已经截止，不再通知', '李强 不再发送：投票已经截止，不再通知'])

    app.clock.set(monday(8, 5, 1))
    await app.liaison.services.dispatcher.drain()
    expect(cardsTo('o-liqiang'), 'the ballot closed at 07:40').to.deep.equal([])
    expect(await notice('ballot.published', 'dp0003')).to.deep.include({ status: 'dead', lastError: `${SUPERSEDED}（投票已经截止，不再通知）` })
    // Dropped, it still reads 不再发送: not 未能送达, which would send the organizer looking for a fault.
    const after = await sunli.get(`/api/admin/surveys/${ballot}/not-voted`)
    expect(after.body.items.map((i: { notice: { label: string } }) => i.notice.label)).to.deep.equal(['不再发送', '不再发送'])
  })

  it('does not send a survey notice to the deputy who answered before it went', async () => {
    await start()
    const zhang = await mpDeputy('o-zhangwei', 'dp0001')
    app.clock.set(monday(22))
    await sunli.login('sunli', STAFF_PASSWORD)
    const created = await sunli.post('/api/admin/surveys', surveyBody({ title: '代表履职问卷', audience: { deputyIds: ['dp0001'] } }))
    expect(created.status, JSON.stringify(created.body)).to.equal(201)
    await app.liaison.services.dispatcher.drain()
    const survey = (await zhang.get(`/api/mp/surveys/${created.body.id}`)).body
    app.clock.set(monday(7, 30, 1))
    const answers = Object.fromEntries(
      survey.questions.map((q: { id: string; type: string; options: Array<{ id: string }> }) => [
        q.id,
        q.type === 'single' ? q.options[0]!.id : q.type === 'multiple' ? [q.options[0]!.id] : q.type === 'rating' ? 5 : q.type === 'number' ? 1 : '好',
      ]),
    )
    const answered = await zhang.post(`/api/mp/surveys/${created.body.id}/responses`, { answers })
    expect(answered.status, JSON.stringify(answered.body)).to.equal(201)
    app.clock.set(monday(8, 5, 1))
    await app.liaison.services.dispatcher.drain()
    expect(cardsTo('o-zhangwei'), 'he answered at 07:30').to.deep.equal([])
    expect(await notice('survey.published', 'dp0001')).to.deep.include({ status: 'dead', lastError: `${SUPERSEDED}（代表已经填写，不再通知）` })
  })
})
