import { expect } from 'chai'
import type { LivelihoodProposal } from '../../src/domain/livelihood.js'
import { maskPersonalData } from '../../src/domain/pii-mask.js'
import { tallyIncrements } from '../../src/domain/survey-tally.js'
import type { Store } from '../../src/store/ports.js'
import { ERASED_RESIDENT } from '../../src/store/privacy-ports.js'
import { campaignRecord } from './contract-campaigns.js'
import { meetingRecord } from './contract-meetings.js'
import { at, T0 } from './contract-privacy.js'
import { attemptRecord, quizRecord } from './contract-quizzes.js'
import { responseRecord, surveyRecord } from './contract-surveys.js'
import { mpUserRecord, outboxMessage } from './records.js'

/**
 * The contract of the privacy port for a person (erased; what they wrote masked and unlinked: proposals,
 * meeting registrations, messages, survey answers, check-ins, quiz attempts; what is held of them), for
 * every adapter. Cases anonymised: contract-privacy.ts.
 */
export function personErasureContract(store: () => Store) {
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
  const startAttempt = (quizId: string, personKind: 'mp_user' | 'deputy', personId: string, minute: number) =>
    store().quizzes.startAttempt(attemptRecord(quizId, personId, { personKind, startedAt: at(minute), deadline: at(minute + 10) }), at(minute), 3)

  describe('privacy: a person erased', () => {
    it("masks a person's 民生实事 proposals and what they were told of them, unlinks them, and gives back their photos", async () => {
      const proposal = (id: string, mpUserId: string | null, over: Partial<LivelihoodProposal> = {}): LivelihoodProposal => ({
        id,
        cycleId: 'lc-p',
        mpUserId,
        deputyId: mpUserId ? null : 'dp0001',
        stationId: null,
        title: '和平路8号加装电梯',
        description: '我叫张三，电话13800000001，住和平路8号，想加装电梯',
        place: '和平路8号',
        reason: '本人张三反映老人上下楼难',
        photos: [`/api/mp/uploads/${id}.jpg`],
        consentVersion: 'lp-2026-1',
        status: 'candidate',
        projectId: 'lpj-p',
        note: '',
        createdAt: at(1),
        updatedAt: at(1),
        ...over,
      })
      await store().livelihood.createProposal(proposal('lpp-m1', 'mu-p'))
      await store().livelihood.createProposal(proposal('lpp-m2', 'mu-p', { photos: [], createdAt: at(2) }))
      const others = await store().livelihood.createProposal(proposal('lpp-o', 'mu-q'))
      const deputys = await store().livelihood.createProposal(proposal('lpp-d', null))
      const told = outboxMessage('livelihood.candidate:lpp-m1', {
        recipientKind: 'mp_user',
        recipientId: 'mu-p',
        kind: 'livelihood.proposal',
        payload: { text: '您提出的民生实事项目建议「和平路8号加装电梯」已列为候选项目', proposalId: 'lpp-m1' },
      })
      const toOther = outboxMessage('livelihood.candidate:lpp-o', {
        recipientKind: 'mp_user',
        recipientId: 'mu-q',
        kind: 'livelihood.proposal',
        payload: { text: '您提出的民生实事项目建议「和平路8号加装电梯」已列为候选项目', proposalId: 'lpp-o' },
      })
      await store().livelihood.updateProposals([], [told, toOther])

      const masked = await store().privacy.maskProposals('mu-p', maskPersonalData)
      expect(masked).to.deep.equal({ proposals: 2, photos: ['/api/mp/uploads/lpp-m1.jpg'] })
      expect(await store().privacy.maskProposals('mu-p', maskPersonalData), 'nothing is theirs any more').to.deep.equal({ proposals: 0, photos: [] })
      expect(await store().livelihood.listProposalsBy({ mpUserId: 'mu-p' })).to.deep.equal([])
      expect(await store().livelihood.getProposal('lpp-m1')).to.deep.equal({
        ...proposal('lpp-m1', null),
        deputyId: null,
        title: '和平路（门牌号已隐去）加装电梯',
        description: '我叫某某，电话（已隐去），住和平路（门牌号已隐去），想加装电梯',
        place: '和平路（门牌号已隐去）',
        reason: '本人某某反映老人上下楼难',
        photos: [],
      })
      expect(
        (await store().livelihood.listProposals('lc-p')).map((p) => p.id),
        'still counted in the cycle',
      ).to.have.members(['lpp-m1', 'lpp-m2', 'lpp-o', 'lpp-d'])
      expect(await store().livelihood.getProposal('lpp-o')).to.deep.equal(others)
      expect(await store().livelihood.getProposal('lpp-d')).to.deep.equal(deputys)
      expect((await store().outbox.get(told.id))!.payload).to.deep.equal({
        text: '您提出的民生实事项目建议「和平路（门牌号已隐去）加装电梯」已列为候选项目',
        proposalId: 'lpp-m1',
      })
      expect((await store().outbox.get(toOther.id))!.payload.text, "another person's message").to.include('和平路8号')
    })

    it('masks the name a person gave for public meetings and unlinks it, the seat still taken; lists what they registered', async () => {
      const first = await store().meetings.create(meetingRecord({ id: 'mt-p1', shortCode: 'MTP001', publicSeats: 3 }))
      const second = await store().meetings.create(meetingRecord({ id: 'mt-p2', shortCode: 'MTP002', publicSeats: 3 }))
      await store().meetings.registerPublic({ meetingId: second.id, mpUserId: 'mu-r', name: '王建国', createdAt: at(2) }, 3)
      await store().meetings.registerPublic({ meetingId: first.id, mpUserId: 'mu-r', name: '王建国', createdAt: at(1) }, 3)
      await store().meetings.registerPublic({ meetingId: first.id, mpUserId: 'mu-s', name: '李四', createdAt: at(3) }, 3)
      await store().meetings.registerPublic({ meetingId: first.id, mpUserId: 'mu-t', name: '赵六', createdAt: at(4) }, 3)
      expect(await store().privacy.publicRegistrationsOf('mu-r')).to.deep.equal([
        { meetingId: first.id, mpUserId: 'mu-r', name: '王建国', createdAt: at(1) },
        { meetingId: second.id, mpUserId: 'mu-r', name: '王建国', createdAt: at(2) },
      ])

      expect(await store().privacy.maskPublicRegistrations('mu-r', '某某')).to.equal(2)
      expect(await store().privacy.maskPublicRegistrations('mu-s', '某某'), 'two erased in one meeting').to.equal(1)
      expect(await store().privacy.publicRegistrationsOf('mu-r')).to.deep.equal([])
      const held = await store().meetings.publicRegistrations(first.id)
      expect(held.map((r) => r.name)).to.deep.equal(['某某', '某某', '赵六'])
      expect(held.filter((r) => r.mpUserId === 'mu-r' || r.mpUserId === 'mu-s')).to.deep.equal([])
      expect(held[2].mpUserId).to.equal('mu-t')
      expect((await store().meetings.publicRegistrations(second.id)).map((r) => r.name)).to.deep.equal(['某某'])
      let full: unknown = null
      await store()
        .meetings.registerPublic({ meetingId: first.id, mpUserId: 'mu-u', name: '孙七', createdAt: at(5) }, 3)
        .catch((err) => (full = err))
      expect(full, 'the erased seats are still taken').to.have.property('code', 'public_seats_full')
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
      // Nothing of her is left but her id and when she came.
      expect(await store().mpUsers.get('mu-e')).to.deep.equal(mpUserRecord('mu-e', { createdAt: T0 }))
      expect(await store().privacy.erasedAt('mu-e')).to.deep.equal(at(5))
      expect(await store().privacy.erasedAt('mu-other')).to.equal(null)
      expect(await store().mpUsers.getByOpenid('o-mu-e')).to.equal(null)
      expect(await store().privacy.subscriptionsOf('mu-e')).to.deep.equal([])
      expect(await store().bot.dialogue('wx-mu-e')).to.equal(null)
      expect((await store().privacy.subscriptionsOf('mu-other')).length, 'others keep theirs').to.equal(1)
      expect((await store().mpUsers.get('mu-other'))!.openid).to.equal('o-mu-other')
    })

    it('王阿姨 erased: no message, survey answer or quiz attempt is linked to her emptied account or her chat any more', async () => {
      await person('mu-wang')
      await person('mu-li')
      const toHer = (key: string, recipientId = 'mu-wang') =>
        outboxMessage(key, { recipientKind: 'mp_user', recipientId, kind: 'survey.invited', payload: { text: '请填写问卷' } })
      const sent = toHer('invite:s1:mp_user:mu-wang')
      const hers = toHer('invite:s1:mp_user:mu-li', 'mu-li')
      await store().outbox.enqueue([sent, hers])
      // Sent to her chat: the bot's contact id is where it went.
      for (const m of await store().outbox.claimDue(at(1), { limit: 10, leaseMs: 60_000, holder: 'h', channels: ['auto'] })) {
        await store().outbox.complete(m.id, 'h', { status: 'sent', at: at(1), channel: 'bot', address: `wx-${m.recipientId}` })
      }
      const waiting = toHer('invite:s2:mp_user:mu-wang')
      await store().outbox.enqueue([waiting])
      const s = await store().surveys.create(surveyRecord())
      const answer = (who: string) => {
        const response = responseRecord(s, { id: `sr-${who}`, respondentKey: `mp:${who}`, mpUserId: null })
        return store().surveys.respond({ response, increments: tallyIncrements(s, response), texts: [], opinions: [] })
      }
      await answer('mu-wang')
      await answer('mu-li')
      const quiz = await store().quizzes.create(quizRecord())
      await startAttempt(quiz.id, 'mp_user', 'mu-wang', 1)
      await startAttempt(quiz.id, 'mp_user', 'mu-li', 2)

      expect(await store().privacy.eraseMpUser('mu-wang', at(5))).to.equal(true)

      const told = (await store().outbox.get(sent.id))!
      expect(told).to.deep.include({ recipientId: ERASED_RESIDENT, address: null, status: 'sent' })
      expect(told.dedupeKey).not.to.include('mu-wang')
      expect(told.payload.text, 'what was sent is kept').to.equal('请填写问卷')
      expect(await store().outbox.get(waiting.id), 'nobody to deliver it to any more').to.equal(null)
      expect((await store().outbox.get(hers.id))!).to.deep.include({ recipientId: 'mu-li', address: 'wx-mu-li' })
      const answers = await store().surveys.responses(s.id)
      expect(answers.map((r) => r.respondentKey).filter((k) => k.includes('mu-wang'))).to.deep.equal([])
      expect(answers.map((r) => r.respondentKey)).to.include('mp:mu-li')
      expect(answers.length, 'her answer still counted').to.equal(2)
      expect(await store().privacy.quizAttemptsOf([{ kind: 'mp_user', id: 'mu-wang' }])).to.deep.equal([])
      expect((await store().privacy.quizAttemptsOf([{ kind: 'mp_user', id: 'mu-li' }])).length).to.equal(1)
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
        answers: { q1: 'yes', q2: '我叫某某，电话（已隐去），建议多种树' },
        comments: [{ articleId: 'a1', text: '我叫某某，电话（已隐去），建议多种树' }],
      })
      expect(responses.find((r) => r.id === 'sr-other')!.answers.q2, 'others untouched').to.equal('我叫李四，建议多建公园')
      const texts = (await store().surveys.textAnswers(s.id, { questionId: 'q2', limit: 10 })).items.map((t) => t.text)
      expect(texts).to.have.members(['我叫某某，电话（已隐去），建议多种树', '我叫李四，建议多建公园'])
      const opinion = (await store().surveys.getOpinion('op-sr-mine'))!
      expect(opinion).to.deep.include({ text: '我叫某某，电话（已隐去），建议多种树', mpUserId: null })
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
      await startAttempt(q.id, 'deputy', 'dp0001', 3)
      await startAttempt(q.id, 'mp_user', 'mu-s', 1)
      await startAttempt(q.id, 'mp_user', 'mu-x', 2)
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
