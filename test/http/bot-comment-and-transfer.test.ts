import { expect } from 'chai'
import { asAdmin, Client, type TestApp } from '../helpers/app.js'
import { startWithBotApi } from '../helpers/bot-api.js'

/**
 * The backend's side of two chat moves: a resident's words after a bare score join that rating (once,
 * shortly after it), and a deputy hands a message to a colleague by code, from the list of who may take it.
 */
describe('the bot API: a comment after the score, and 转交 to a colleague', () => {
  let app: TestApp
  let bot: Client
  beforeEach(async () => {
    ;({ app, bot } = await startWithBotApi())
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
  })
  afterEach(() => app.close())

  const person = async (contactId: string) => {
    const { body } = await bot.post('/api/bot/people/resolve', { contactId })
    await bot.post(`/api/bot/people/${body.personId}/consent`, { version: 'v3' })
    return body.personId as string
  }
  /** 张伟 bound in the chat, and a resident's message in his hands. */
  const inHisHands = async () => {
    const deputy = await person('wxid_zhangwei')
    const admin = await asAdmin(app)
    await bot.post(`/api/bot/people/${deputy}/bind`, { code: (await admin.post('/api/admin/deputies/dp0001/binding-code')).body.code })
    const resident = await person('wxid_elder')
    const { body: c } = await bot.post(`/api/bot/people/${resident}/cases`, { text: '楼下的路灯坏了', deputyCode: 'DP0001' })
    return { deputy, resident, ticket: c.ticket as string }
  }

  it('adds her words to the rating she just gave, once, and tells the deputy with them', async () => {
    const { deputy, resident, ticket } = await inHisHands()
    await bot.post(`/api/bot/people/${deputy}/deputy/cases/${ticket}/reply`, { text: '已联系供电所' })
    await bot.post(`/api/bot/people/${resident}/cases/${ticket}/rate`, { rating: 3 })
    const added = await bot.post(`/api/bot/people/${resident}/cases/${ticket}/comment`, { comment: '路灯还是没修好' })
    expect(added.status).to.equal(200)
    const c = (await app.liaison.store.cases.getByTicket(ticket))!
    expect(c).to.include({ rating: 3, ratingComment: '路灯还是没修好' })
    expect(c.ratings.at(-1)).to.include({ rating: 3, comment: '路灯还是没修好' })
    const notices = (await app.liaison.store.outbox.search({ kind: 'case.rated', limit: 50 })).items
    expect(
      notices.map((m) => (m.payload as { text: string }).text),
      'the bare notice still waiting is replaced',
    ).to.deep.equal([`您答复的留言 ${ticket} 获得 3 分评价。群众说：路灯还是没修好`])

    const again = await bot.post(`/api/bot/people/${resident}/cases/${ticket}/comment`, { comment: '再说一句' })
    expect(again.status).to.equal(409)
    expect(again.body.error).to.include({ code: 'comment_closed', message: '这次评价已经不能再补充了。还有问题的话，请再写一条留言' })
  })

  it('takes no comment, reopening reason or leave of only zero-width characters: her one comment stays hers', async () => {
    const { deputy, resident, ticket } = await inHisHands()
    await bot.post(`/api/bot/people/${deputy}/deputy/cases/${ticket}/reply`, { text: '已联系供电所' })
    await bot.post(`/api/bot/people/${resident}/cases/${ticket}/rate`, { rating: 2 })
    const blank = await bot.post(`/api/bot/people/${resident}/cases/${ticket}/comment`, { comment: '\u200b\u2800' })
    expect(blank.status).to.equal(400)
    expect(blank.body.error.details).to.deep.equal([{ path: 'body.comment', message: '请写下您想说的话' }])
    const reopen = await bot.post(`/api/bot/people/${resident}/cases/${ticket}/reopen`, { reason: '\u200b' })
    expect(reopen.body.error.details).to.deep.equal([{ path: 'body.reason', message: '请说明原因' }])
    expect((await app.liaison.store.cases.getByTicket(ticket))!).to.include({ status: 'closed', ratingComment: null })
    expect((await bot.post(`/api/bot/people/${resident}/cases/${ticket}/comment`, { comment: '灯还是不亮' })).status).to.equal(200)
  })

  it('answers the same words again (a retry whose answer was lost) as taken: nothing written or sent twice', async () => {
    const { deputy, resident, ticket } = await inHisHands()
    await bot.post(`/api/bot/people/${deputy}/deputy/cases/${ticket}/reply`, { text: '已联系供电所' })
    await bot.post(`/api/bot/people/${resident}/cases/${ticket}/rate`, { rating: 3 })
    expect((await bot.post(`/api/bot/people/${resident}/cases/${ticket}/comment`, { comment: '路灯还是没修好' })).status).to.equal(200)
    const before = (await app.liaison.store.cases.getByTicket(ticket))!
    const retried = await bot.post(`/api/bot/people/${resident}/cases/${ticket}/comment`, { comment: '路灯还是没修好' })
    expect(retried.status).to.equal(200)
    expect(retried.body).to.include({ ticket, status: 'closed' })
    const after = (await app.liaison.store.cases.getByTicket(ticket))!
    expect(after).to.include({ ratingComment: '路灯还是没修好', version: before.version })
    expect(after.ratings).to.have.length(1)
    const notices = (await app.liaison.store.outbox.search({ kind: 'case.rated', limit: 50 })).items
    expect(notices.map((m) => (m.payload as { text: string }).text)).to.deep.equal([`您答复的留言 ${ticket} 获得 3 分评价。群众说：路灯还是没修好`])
    expect((await bot.post(`/api/bot/people/${resident}/cases/${ticket}/comment`, { comment: '再说一句' })).status, 'other words: closed').to.equal(409)
  })

  it('takes no words for an answer not rated, nor later than the chat invites them (30 minutes, told with the score)', async () => {
    const { deputy, resident, ticket } = await inHisHands()
    await bot.post(`/api/bot/people/${deputy}/deputy/cases/${ticket}/reply`, { text: '已联系供电所' })
    expect((await bot.post(`/api/bot/people/${resident}/cases/${ticket}/comment`, { comment: '还没修' })).status, 'not rated yet').to.equal(409)
    const rated = await bot.post(`/api/bot/people/${resident}/cases/${ticket}/rate`, { rating: 4 })
    expect(rated.body, 'the bot is told how long it may invite her words').to.include({ commentWindowMs: 30 * 60_000 })
    app.clock.advance(31 * 60_000)
    expect((await bot.post(`/api/bot/people/${resident}/cases/${ticket}/comment`, { comment: '还没修' })).status).to.equal(409)
    expect(await app.liaison.store.cases.getByTicket(ticket)).to.include({ ratingComment: null })
  })

  it('refuses words about another thing (垃圾 after a 路灯) unless she confirmed them, and names what the message is about', async () => {
    const { deputy, resident, ticket } = await inHisHands()
    await bot.post(`/api/bot/people/${deputy}/deputy/cases/${ticket}/reply`, { text: '已联系供电所' })
    await bot.post(`/api/bot/people/${resident}/cases/${ticket}/rate`, { rating: 5 })
    const other = await bot.post(`/api/bot/people/${resident}/cases/${ticket}/comment`, { comment: '垃圾还是没人收' })
    expect(other.status).to.equal(422)
    expect(other.body.error).to.include({ code: 'comment_off_subject' })
    expect(other.body.error.details).to.deep.equal([{ path: 'case.subject', message: '路灯' }])
    expect(await app.liaison.store.cases.getByTicket(ticket)).to.include({ ratingComment: null })

    // Naming the thing the message or its answer names, or nothing at all, is about it.
    const { ticket: second } = await inHisHands()
    await bot.post(`/api/bot/people/${deputy}/deputy/cases/${second}/reply`, { text: '已联系供电所' })
    await bot.post(`/api/bot/people/${resident}/cases/${second}/rate`, { rating: 4 })
    expect((await bot.post(`/api/bot/people/${resident}/cases/${second}/comment`, { comment: '供电所还是没来人' })).status).to.equal(200)

    const confirmed = await bot.post(`/api/bot/people/${resident}/cases/${ticket}/comment`, { comment: '垃圾还是没人收', confirmed: true })
    expect(confirmed.status).to.equal(200)
    expect(await app.liaison.store.cases.getByTicket(ticket)).to.include({ ratingComment: '垃圾还是没人收' })
  })

  it('lists whom the deputy may hand a message to, and hands it to the colleague named by code', async () => {
    const { deputy, ticket } = await inHisHands()
    const options = await bot.get(`/api/bot/people/${deputy}/deputy/cases/${ticket.slice(-4)}/transfer-options`)
    expect(options.body.choices.map((c: { name: string; deputyCode: string | null }) => [c.name, c.deputyCode])).to.deep.equal([
      ['轻工街道代表联络站', null],
      ['李强', 'DP0003'],
      ['王芳', 'DP0002'],
    ])
    const moved = await bot.post(`/api/bot/people/${deputy}/deputy/cases/${ticket.slice(-4)}/transfer`, { reason: '她联系这个小区', deputyCode: 'DP0002' })
    expect(moved.status).to.equal(200)
    expect(await app.liaison.store.cases.getByTicket(ticket)).to.include({ deputyId: 'dp0002', status: 'assigned' })
  })
})
