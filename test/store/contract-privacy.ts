import { expect } from 'chai'
import { tallyIncrements } from '../../src/domain/survey-tally.js'
import type { Store } from '../../src/store/ports.js'
import { ERASED_RESIDENT } from '../../src/store/privacy-ports.js'
import { caseEvent, caseRecord, outboxMessage } from './records.js'
import { quizRecord } from './contract-quizzes.js'
import { responseRecord, surveyRecord } from './contract-surveys.js'
import { campaignRecord } from './contract-campaigns.js'
import { maskPersonalData } from '../../src/domain/pii-mask.js'

const T0 = new Date('2026-11-22T02:00:00Z')
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000)
const DAY = 24 * 60

/** The contract of the privacy port (copies, erasure, retention), for every adapter. */
export function privacyContract(store: () => Store) {
  const person = (id: string) =>
    store().mpUsers.create({
      id,
      openid: `o-${id}`,
      unionid: `un-${id}`,
      deputyId: null,
      phoneEnc: 'v1:k1:sealed',
      phoneIndex: `idx-${id}`,
      consentVersion: 'v1',
      consentAt: T0,
      createdAt: T0,
      botContactId: `wx-${id}`,
      botAlias: `al-${id}`,
    })

  describe('privacy', () => {
    it('anonymises a case once: masked texts in, resident link, phone, images and key out; counts unchanged', async () => {
      const record = caseRecord({
        residentId: 'mu-a',
        text: '我叫张三，电话13800000001',
        images: ['/api/mp/uploads/x.jpg'],
        phoneEnc: 'v1:k1:p',
        idempotencyKey: 'k1',
        status: 'closed',
        closedAt: at(10),
        reply: '张三您好',
        rating: 4,
        ratingComment: '张三很满意',
      })
      const submitted = caseEvent(record.id, 'submitted', { actorRole: 'resident', actorId: 'mu-a', note: '电话13800000001' })
      const replied = caseEvent(record.id, 'replied', { actorRole: 'deputy', actorId: 'dp0001', note: '张三您好' })
      const told = outboxMessage(`case:${record.id}:submitted`, { payload: { caseId: record.id, ticket: 'x', text: '新留言：我叫张三，电话13800000001' } })
      const other = outboxMessage('case:other:submitted', { payload: { caseId: 'other', ticket: 'y', text: '别的留言' } })
      const stored = await store().cases.submit({ record, ticketDate: '2026-11-22', events: [submitted, replied], outbox: [told, other] })
      expect(await store().privacy.anonymisedAt(stored.id)).to.equal(null)
      expect(await store().privacy.caseMessages(stored.id)).to.deep.equal([{ id: told.id, text: '新留言：我叫张三，电话13800000001' }])

      const change = {
        caseId: stored.id,
        text: '我叫某某，电话〔手机号〕',
        reply: '某某您好',
        ratingComment: '某某很满意',
        eventNotes: { [submitted.id]: '电话〔手机号〕', [replied.id]: '某某您好' },
        messageTexts: { [told.id]: '新留言：我叫某某，电话〔手机号〕', [other.id]: 'not this case' },
      }
      expect(await store().privacy.anonymiseCase(change, at(20))).to.equal(true)
      expect(await store().privacy.anonymiseCase(change, at(30)), 'only once').to.equal(false)
      expect(await store().privacy.anonymiseCase({ ...change, caseId: 'nope' }, at(30))).to.equal(false)

      const after = (await store().cases.get(stored.id))!
      expect(after).to.deep.include({
        residentId: ERASED_RESIDENT,
        text: change.text,
        reply: change.reply,
        ratingComment: change.ratingComment,
        phoneEnc: null,
        images: [],
        idempotencyKey: null,
        status: 'closed',
        rating: 4,
        topic: record.topic,
        districtId: 'd01',
        version: stored.version + 1,
      })
      expect(await store().privacy.anonymisedAt(stored.id)).to.deep.equal(at(20))
      const events = await store().cases.events(stored.id)
      expect(events.map((e) => [e.note, e.actorId])).to.deep.equal([
        ['电话〔手机号〕', null],
        ['某某您好', 'dp0001'],
      ])
      const message = (await store().outbox.get(told.id))!
      expect(message.payload).to.deep.equal({ caseId: record.id, ticket: 'x', text: '新留言：我叫某某，电话〔手机号〕' })
      expect((await store().outbox.get(other.id))!.payload.text, "another case's message").to.equal('别的留言')
      expect((await store().cases.search({ limit: 10, residentId: 'mu-a' })).items).to.deep.equal([])
      expect((await store().cases.listForStats({ districtIds: ['d01'] })).length, 'still counted').to.equal(1)
      // A later workflow write (from the version read) keeps the masked text and the mark.
      await store().cases.update({ ...after, ratingComment: after.ratingComment }, [], [])
      expect(await store().privacy.anonymisedAt(stored.id)).to.deep.equal(at(20))
    })

    it('lists ended cases closed before a time and not yet anonymised, oldest first', async () => {
      const submit = (over: Parameters<typeof caseRecord>[0]) =>
        store().cases.submit({ record: caseRecord(over), ticketDate: '2026-11-22', events: [], outbox: [] })
      const old = await submit({ status: 'closed', closedAt: at(-900 * DAY) })
      const older = await submit({ status: 'withdrawn', closedAt: at(-1200 * DAY) })
      const rejected = await submit({ status: 'rejected', closedAt: at(-1100 * DAY) })
      await submit({ status: 'closed', closedAt: at(-10 * DAY) })
      await submit({ status: 'replied', closedAt: null })
      const done = await submit({ status: 'closed', closedAt: at(-2000 * DAY) })
      await store().privacy.anonymiseCase({ caseId: done.id, text: 'x', reply: null, ratingComment: null, eventNotes: {}, messageTexts: {} }, T0)
      const due = await store().privacy.casesToAnonymise(at(-365 * DAY), 10)
      expect(due.map((c) => c.id)).to.deep.equal([older.id, rejected.id, old.id])
      expect((await store().privacy.casesToAnonymise(at(-365 * DAY), 2)).map((c) => c.id)).to.deep.equal([older.id, rejected.id])
    })

    it('erases a person: identifiers, phone, consent and bot links cleared, subscriptions and dialogue gone, row kept', async () => {
      await person('mu-e')
      await person('mu-other')
      await store().subscriptions.record('mu-e', 'tpl1', 'accept_once', T0)
      await store().subscriptions.record('mu-other', 'tpl1', 'accept_once', T0)
      await store().bot.saveDialogue('wx-mu-e', { flow: 'x' }, T0)
      expect(await store().privacy.subscriptionsOf('mu-e')).to.deep.equal([{ templateId: 'tpl1', oneTime: 1, longTerm: false, updatedAt: T0 }])

      expect(await store().privacy.eraseMpUser('mu-e', at(5))).to.equal(true)
      expect(await store().privacy.eraseMpUser('nobody', at(5))).to.equal(false)
      expect(await store().mpUsers.get('mu-e')).to.deep.equal({
        id: 'mu-e',
        openid: null,
        unionid: null,
        deputyId: null,
        phoneEnc: null,
        phoneIndex: null,
        consentVersion: null,
        consentAt: null,
        createdAt: T0,
        botContactId: null,
        botAlias: null,
      })
      expect(await store().privacy.erasedAt('mu-e')).to.deep.equal(at(5))
      expect(await store().privacy.erasedAt('mu-other')).to.equal(null)
      expect(await store().mpUsers.getByOpenid('o-mu-e')).to.equal(null)
      expect(await store().privacy.subscriptionsOf('mu-e')).to.deep.equal([])
      expect(await store().bot.dialogue('wx-mu-e')).to.equal(null)
      expect((await store().privacy.subscriptionsOf('mu-other')).length, 'others keep theirs').to.equal(1)
      expect((await store().mpUsers.get('mu-other'))!.openid).to.equal('o-mu-other')
    })

    it('masks what a person wrote in surveys, opinions and check-ins, and unlinks their answers; tallies stay', async () => {
      const s = await store().surveys.create(surveyRecord())
      const respond = (id: string, mpUserId: string, text: string) => {
        const response = {
          id,
          surveyId: s.id,
          respondentKey: mpUserId,
          mpUserId,
          deputyId: null,
          stationId: 'st001',
          districtId: 'd01',
          via: null,
          answers: { q1: 'yes', q2: text },
          comments: [{ articleId: 'a1', text }],
          createdAt: at(1),
        }
        return store().surveys.respond({
          response,
          increments: tallyIncrements(s, response),
          texts: [{ responseId: id, questionId: 'q2', text, stationId: 'st001', districtId: 'd01', createdAt: at(1) }],
          opinions: [
            {
              id: `op-${id}`,
              surveyId: s.id,
              responseId: id,
              articleId: 'a1',
              text,
              mpUserId,
              via: null,
              stationId: 'st001',
              outcome: 'pending',
              reason: null,
              decidedBy: null,
              decidedAt: null,
              createdAt: at(1),
            },
          ],
        })
      }
      await respond('sr-mine', 'mu-m', '我叫张三，电话13800000001，建议多种树')
      await respond('sr-other', 'mu-o', '我叫李四，建议多建公园')
      const c = await store().campaigns.create(campaignRecord())
      await store().campaigns.addCheckIn({
        id: 'ci-m',
        campaignId: c.id,
        itemId: null,
        personKind: 'mp_user',
        personId: 'mu-m',
        slot: 'day:2026-11-22',
        reflection: '本人张三学习了',
        at: T0,
      })
      const tallies = await store().surveys.tallies(s.id, 'all')

      expect(await store().privacy.maskContributions('mu-m', maskPersonalData)).to.equal(3)
      const responses = await store().surveys.responses(s.id)
      const mine = responses.find((r) => r.id === 'sr-mine')!
      expect(mine).to.deep.include({
        mpUserId: null,
        answers: { q1: 'yes', q2: '我叫某某，电话〔手机号〕，建议多种树' },
        comments: [{ articleId: 'a1', text: '我叫某某，电话〔手机号〕，建议多种树' }],
      })
      expect(responses.find((r) => r.id === 'sr-other')!.answers.q2, 'others untouched').to.equal('我叫李四，建议多建公园')
      const texts = (await store().surveys.textAnswers(s.id, { questionId: 'q2', limit: 10 })).items.map((t) => t.text)
      expect(texts).to.have.members(['我叫某某，电话〔手机号〕，建议多种树', '我叫李四，建议多建公园'])
      const opinion = (await store().surveys.getOpinion('op-sr-mine'))!
      expect(opinion).to.deep.include({ text: '我叫某某，电话〔手机号〕，建议多种树', mpUserId: null })
      expect((await store().campaigns.checkInsOf(c.id))[0].reflection).to.equal('本人某某学习了')
      expect(await store().surveys.tallies(s.id, 'all')).to.deep.equal(tallies)
      expect(await store().privacy.surveyAnswersOf('mu-m')).to.deep.equal([])
    })

    it("finds a person's named survey answers and quiz attempts", async () => {
      const s = await store().surveys.create(surveyRecord())
      const answer = (key: string, mpUserId: string | null, minute: number) => {
        const response = responseRecord(s, { id: `sr-p-${key}`, respondentKey: key, mpUserId, createdAt: at(minute) })
        return store().surveys.respond({ response, increments: tallyIncrements(s, response), texts: [], opinions: [] })
      }
      await answer('mu-s', 'mu-s', 2)
      await answer('someone', 'mu-x', 1)
      expect(await store().privacy.surveyAnswersOf('mu-s')).to.deep.equal([{ surveyId: s.id, answers: { q1: 'yes' }, comments: [], createdAt: at(2) }])

      const q = await store().quizzes.create(quizRecord())
      const attempt = (kind: 'mp_user' | 'deputy', personId: string, minute: number) =>
        store().quizzes.startAttempt(
          {
            id: `qa-p-${personId}`,
            quizId: q.id,
            personKind: kind,
            personId,
            stationId: null,
            districtId: null,
            number: 0,
            seed: 1,
            questionIds: [],
            optionOrders: [],
            startedAt: at(minute),
            deadline: at(minute + 10),
            status: 'open',
            finishedAt: null,
            answers: null,
            score: null,
            maxScore: 10,
          },
          at(minute),
          3,
        )
      await attempt('deputy', 'dp0001', 3)
      await attempt('mp_user', 'mu-s', 1)
      await attempt('mp_user', 'mu-x', 2)
      const held = await store().privacy.quizAttemptsOf([
        { kind: 'mp_user', id: 'mu-s' },
        { kind: 'deputy', id: 'dp0001' },
      ])
      expect(held).to.deep.equal([
        { quizId: q.id, number: 1, status: 'open', score: null, maxScore: 10, startedAt: at(1), finishedAt: null },
        { quizId: q.id, number: 1, status: 'open', score: null, maxScore: 10, startedAt: at(3), finishedAt: null },
      ])
      expect(await store().privacy.quizAttemptsOf([])).to.deep.equal([])
    })
  })
}
