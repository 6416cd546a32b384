import { expect } from 'chai'
import { loadConfig } from '../../src/config.js'
import { runMaintenanceJob } from '../../src/jobs/maintenance-job.js'
import { PiiCipher } from '../../src/security/pii.js'
import { codeHash, type CodePurpose } from '../../src/services/accounts/mp-account.js'
import { asAdmin, asResident, type Client, type TestApp } from '../helpers/app.js'
import { startWithBotApi } from '../helpers/bot-api.js'
import { joinHerChat } from '../helpers/chat-join.js'

/**
 * Review 36, findings 2 to 4. The chat takes deputies', staff's and residents' codes alike. A resident's own code is
 * eight digits, so it can never be a deputy's (six): sent, it only asks to join her account, and never binds her chat
 * as a deputy. A six-digit code that is both a deputy's and a staff member's binds neither. Residents' wrong codes lock
 * only residents' codes and use their own hourly budget; a chat's own resident codes do not clear its count of wrong
 * tries; a joined account's codes are refused before they are tried; her new code replaces the earlier one; codes go a
 * week after they end.
 */
describe('binding codes: a resident’s, a deputy’s and a staff member’s kept apart', () => {
  let app: TestApp
  let bot: Client
  afterEach(() => app.close())
  const start = async (limits: Record<string, number> = {}) => {
    ;({ app, bot } = await startWithBotApi({ overrides: { limits } }))
  }

  const WRONG = '绑定码无效或已过期（每个码只能用一次）。'
  const chatPerson = async (contactId: string) => (await bot.post('/api/bot/people/resolve', { contactId })).body.personId as string
  const send = async (contactId: string, code: string) => bot.post(`/api/bot/people/${await chatPerson(contactId)}/bind`, { code })
  const deputyCode = async (deputyId: string) => (await (await asAdmin(app)).post(`/api/admin/deputies/${deputyId}/binding-code`)).body.code as string
  const residentCode = async (resident: Client) => ((await resident.post('/api/mp/me/chat-code')).body.words as string).slice(3)
  /** A code placed in the store as it was issued before codes were held apart (the same digits under two purposes). */
  const planted = async (purpose: CodePurpose, code: string, subjectId: string) => {
    const { security } = loadConfig({ overrides: {} })
    const cipher = new PiiCipher(security.secretKeyId, security.secretKey!, security.previousKeys)
    const now = app.clock.now()
    await app.liaison.store.bindingCodes.create({
      codeHash: codeHash(cipher, purpose, code),
      deputyId: subjectId,
      createdBy: subjectId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + 3_600_000),
    })
  }

  it('her code is eight digits, and sent from her chat it only asks to join her account, whatever deputy’s code it matches', async () => {
    await start()
    const her = await asResident(app, 'o-her-code')
    const words = (await her.post('/api/mp/me/chat-code')).body.words as string
    await planted('deputy', words.slice(3), 'dp0001')
    const sent = await send('wx-her-code', words.slice(3))
    expect(sent.status).to.equal(200)
    expect(sent.body).to.deep.include({ deputy: null, staff: null })
    expect(sent.body.joinAsked).to.be.an('object')
    expect((await bot.post('/api/bot/people/resolve', { contactId: 'wx-her-code' })).body.deputy, 'not 张伟 in the chat').to.equal(null)
    expect(words).to.match(/^绑定 \d{8}$/)
  })

  it('a code that is both a deputy’s and a staff member’s binds neither, and says to ask for a new one', async () => {
    await start()
    const code = await deputyCode('dp0001')
    await planted('staff', code, 'sf01')
    const refused = await send('wx-lina', code)
    expect(refused.status).to.equal(409)
    expect(refused.body.error).to.deep.include({
      code: 'binding_code_ambiguous',
      message: '这个绑定码不能用了（为了安全已经作废）。请向联络站工作人员重新获取绑定码。',
    })
    expect((await bot.post('/api/bot/people/resolve', { contactId: 'wx-lina' })).body).to.deep.include({ deputy: null, staff: null })
    expect((await send('wx-zhang', code)).status, 'both spent').to.equal(422)
    expect((await send('wx-zhang', await deputyCode('dp0001'))).body.deputy).to.include({ code: 'DP0001' })
  })

  it('residents’ wrong codes lock only residents’ codes and use their own hourly budget: the deputy still binds', async () => {
    await start({ bindCodeLockAfterWrongTries: 3, bindFailuresGlobal: 4 })
    const forZhang = await deputyCode('dp0001')
    const her = await asResident(app, 'o-her-typos')
    const hers = await residentCode(her)
    for (let i = 0; i < 3; i++) {
      const typo = await send(`wx-typo-${i}`, String(40000000 + i))
      expect(typo.status).to.equal(422)
      expect(typo.body.error.message).to.include(WRONG)
    }
    expect((await send('wx-her-typos', hers)).body.error.message, 'her code met three wrong ones: locked').to.include(WRONG)
    const busy = await send('wx-typo-9', '49999999')
    expect(busy.status, 'residents’ budget for the hour is spent').to.equal(429)
    expect(busy.body.error.message).to.equal('绑定码验证暂时繁忙，请稍后再试')
    const bound = await send('wx-zhang', forZhang)
    expect(bound.status, JSON.stringify(bound.body)).to.equal(200)
    expect(bound.body.deputy).to.include({ code: 'DP0001', name: '张伟' })
  })

  it('a chat guessing deputies’ codes does not start afresh by sending a resident’s code of its own', async () => {
    await start()
    const own = await asResident(app, 'o-guesser')
    for (let i = 0; i < 4; i++) expect((await send('wx-guesser', String(300000 + i))).status).to.equal(422)
    expect((await send('wx-guesser', await residentCode(own))).status).to.equal(200)
    const sixth = await send('wx-guesser', '300009')
    expect(sixth.status).to.equal(429)
    expect(sixth.body.error.message).to.equal('尝试次数过多，请 15 分钟后再试')
  })

  it('a joined account’s codes are refused before they are tried: a wrong one is not counted, a right one not spent', async () => {
    await start()
    const her = await asResident(app, 'o-joined-guess')
    await joinHerChat(bot, her, await chatPerson('wx-joined-guess'))
    // Her chat joined here: no deputy's code binds this account until she undoes it (unjoin_chat_first), so none is tried.
    for (let i = 0; i < 6; i++) expect((await her.post('/api/mp/bind', { bindCode: String(500000 + i) })).body.error.code).to.equal('unjoin_chat_first')
    const code = await deputyCode('dp0002')
    expect((await her.post('/api/mp/bind', { bindCode: code })).status).to.equal(409)
    expect((await her.request('DELETE', '/api/mp/me/chat-join')).status).to.equal(200)
    const bound = await her.post('/api/mp/bind', { bindCode: code })
    expect(bound.status, 'not spent, and no wrong tries counted against her').to.equal(200)
    expect(bound.body.deputy).to.include({ code: 'DP0002' })
  })

  it('her new code replaces the one before: the earlier one sent in the chat asks nothing', async () => {
    await start()
    const her = await asResident(app, 'o-her-twice')
    const first = await residentCode(her)
    const second = await residentCode(her)
    const old = await send('wx-her-twice', first)
    expect(old.status).to.equal(422)
    expect(old.body.error.message).to.include(WRONG).and.include('请在小程序“我的”里再点一次“把聊天里的留言放到这里”，把新给的那句话发给我')
    expect((await send('wx-her-twice', second)).body.joinAsked).to.be.an('object')
  })

  it('the maintenance job deletes codes a week after they end, and keeps the others', async () => {
    await start()
    await deputyCode('dp0001')
    app.clock.advance((24 + 7 * 24) * 3_600_000 - 60_000)
    const her = await asResident(app, 'o-her-kept')
    await residentCode(her)
    expect((await runMaintenanceJob({ store: app.liaison.store, clock: app.clock })).bindingCodes, 'not a week past its end yet').to.equal(0)
    app.clock.advance(2 * 60_000)
    expect((await runMaintenanceJob({ store: app.liaison.store, clock: app.clock })).bindingCodes).to.equal(1)
    expect((await send('wx-her-kept', await residentCode(her))).body.joinAsked, 'hers still works').to.be.an('object')
  })
})
