import { expect } from 'chai'
import type { Store } from '../../src/store/ports.js'
import { ERASED_RESIDENT } from '../../src/store/privacy-ports.js'
import { caseEvent, caseRecord, outboxMessage } from './records.js'
import { suggestionRecord } from './contract-suggestions.js'

// The clock both privacy contracts share (a person's erasure: contract-privacy-people.ts).
export const T0 = new Date('2026-11-22T02:00:00Z')
export const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000)
const DAY = 24 * 60

/**
 * The contract of the privacy port for cases (anonymised once, with every copy of their words:
 * events, messages, audit notes, ratings, suggestions quoting them; which are due), for every adapter.
 */
export function privacyContract(store: () => Store) {
  describe('privacy: cases anonymised', () => {
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
      expect(await store().privacy.caseMessages(stored.id)).to.deep.equal([{ id: told.id, text: '新留言：我叫张三，电话13800000001', fields: {} }])

      const change = {
        caseId: stored.id,
        text: '我叫某某，电话（已隐去）',
        reply: '某某您好',
        ratingComment: '某某很满意',
        ratingComments: [],
        eventNotes: { [submitted.id]: '电话（已隐去）', [replied.id]: '某某您好' },
        messageTexts: { [told.id]: '新留言：我叫某某，电话（已隐去）', [other.id]: 'not this case' },
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
        ['电话（已隐去）', null],
        ['某某您好', 'dp0001'],
      ])
      const message = (await store().outbox.get(told.id))!
      expect(message.payload).to.deep.equal({ caseId: record.id, ticket: 'x', text: '新留言：我叫某某，电话（已隐去）' })
      expect((await store().outbox.get(other.id))!.payload.text, "another case's message").to.equal('别的留言')
      expect((await store().cases.search({ limit: 10, residentId: 'mu-a' })).items).to.deep.equal([])
      expect((await store().cases.listForStats({ districtIds: ['d01'] })).length, 'still counted').to.equal(1)
      // A later workflow write (from the version read) keeps the masked text and the mark.
      await store().cases.update({ ...after, ratingComment: after.ratingComment }, [], [])
      expect(await store().privacy.anonymisedAt(stored.id)).to.deep.equal(at(20))
    })

    it("王阿姨's erased message: every word of every message about it, sent or not, and the audit notes about it are masked", async () => {
      const record = caseRecord({ residentId: 'mu-wang', text: '我叫王秀兰，住建设路12号，电话13912345678', status: 'closed', closedAt: at(10) })
      const reply = '王秀兰阿姨您好，已经电话13912345678联系您'
      const about = '您11月23日反映的“我叫王秀兰，住建设路12…”'
      const sent = outboxMessage(`case:${record.id}:replied`, {
        recipientKind: 'mp_user',
        recipientId: 'mu-wang',
        kind: 'case.replied',
        status: 'sent',
        payload: { caseId: record.id, ticket: 'x', text: `张伟代表答复了${about}：${reply}`, cardText: '张伟代表已答复', reply, about },
      })
      const waiting = outboxMessage(`case:${record.id}:urged`, {
        kind: 'case.urged',
        payload: { caseId: record.id, ticket: 'x', text: '请尽快办理', about, attempts: 2 },
      })
      const stored = await store().cases.submit({ record, ticketDate: '2026-11-22', events: [], outbox: [sent, waiting] })
      await store().audit.append({
        at: at(11),
        actorKind: 'system',
        actorId: null,
        action: 'case.handed_back',
        targetKind: 'case',
        targetId: stored.id,
        details: { ticket: stored.ticket, fromDeputyId: 'dp0001', note: '王秀兰住在建设路，这片归您' },
      })
      await store().audit.append({
        at: at(12),
        actorKind: 'system',
        actorId: null,
        action: 'meeting.noted',
        targetKind: 'meeting',
        targetId: stored.id,
        details: { note: '王秀兰 not about this case' },
      })
      const messages = await store().privacy.caseMessages(stored.id)
      expect(messages.find((m) => m.id === sent.id)!.fields, 'every text field but the ids and the text').to.deep.equal({
        cardText: '张伟代表已答复',
        reply,
        about,
      })
      expect(messages.find((m) => m.id === waiting.id)!.fields).to.deep.equal({ about })
      const [entry] = (await store().audit.list({ targetId: stored.id, limit: 10, action: 'case.handed_back' })).items

      const change = {
        caseId: stored.id,
        text: '我叫某某，住建设路（门牌号已隐去），电话（已隐去）',
        reply: null,
        ratingComment: null,
        ratingComments: [],
        eventNotes: {},
        messageTexts: { [sent.id]: '张伟代表答复了您的留言：某某阿姨您好', [waiting.id]: '请尽快办理' },
        messageFields: <Record<string, Record<string, string>>>{
          [sent.id]: { reply: '某某阿姨您好，已经电话（已隐去）联系您', about: '您11月23日反映的“我叫某某，住建设路（门牌号已隐去）…”', 'bad.path': 'x' },
          [waiting.id]: { about: '您11月23日反映的“我叫某某”' },
        },
        auditNotes: { [entry.id]: { note: '某某住在建设路，这片归您' } },
      }
      expect(await store().privacy.anonymiseCase(change, at(20))).to.equal(true)

      expect((await store().outbox.get(sent.id))!.payload).to.deep.equal({
        caseId: record.id,
        ticket: 'x',
        text: '张伟代表答复了您的留言：某某阿姨您好',
        cardText: '张伟代表已答复',
        reply: '某某阿姨您好，已经电话（已隐去）联系您',
        about: '您11月23日反映的“我叫某某，住建设路（门牌号已隐去）…”',
      })
      const notSent = (await store().outbox.get(waiting.id))!
      expect(notSent.payload, 'a message still waiting keeps what it needs to be sent').to.deep.equal({
        caseId: record.id,
        ticket: 'x',
        text: '请尽快办理',
        about: '您11月23日反映的“我叫某某”',
        attempts: 2,
      })
      expect(notSent.status).to.equal('pending')
      const audit = (await store().audit.list({ limit: 10 })).items
      expect(audit.find((e) => e.action === 'case.handed_back')!.details).to.deep.equal({
        ticket: stored.ticket,
        fromDeputyId: 'dp0001',
        note: '某某住在建设路，这片归您',
      })
      expect(audit.find((e) => e.action === 'meeting.noted')!.details.note, 'an entry about something else').to.equal('王秀兰 not about this case')
    })

    it("masks the comment of every rating in a case's ratings, and drops one given since the case was read", async () => {
      const record = caseRecord({
        status: 'closed',
        closedAt: at(10),
        rating: 4,
        ratingComment: '张三很满意',
        ratings: [
          { rating: 2, comment: '电话13800000001，还是不亮', at: at(1) },
          { rating: 4, comment: null, at: at(5) },
          { rating: 4, comment: '张三很满意', at: at(8) },
        ],
      })
      const stored = await store().cases.submit({ record, ticketDate: '2026-11-22', events: [], outbox: [] })
      const change = {
        caseId: stored.id,
        text: '路灯不亮',
        reply: null,
        ratingComment: '某某很满意',
        ratingComments: ['电话（已隐去），还是不亮', null],
        eventNotes: {},
        messageTexts: {},
      }
      expect(await store().privacy.anonymiseCase(change, at(20))).to.equal(true)
      const after = (await store().cases.get(stored.id))!
      expect(after.ratings).to.deep.equal([
        { rating: 2, comment: '电话（已隐去），还是不亮', at: at(1) },
        { rating: 4, comment: null, at: at(5) },
        { rating: 4, comment: null, at: at(8) },
      ])
      expect(after).to.deep.include({ rating: 4, ratingComment: '某某很满意' })
    })

    it('writes again, from the masked text, the words of an anonymised case that suggestions quote', async () => {
      const record = caseRecord({ text: '我叫张三电话13800000001反映路灯不亮的问题', status: 'closed', closedAt: at(10) })
      const stored = await store().cases.submit({ record, ticketDate: '2026-11-22', events: [], outbox: [] })
      const quoting = await store().suggestions.create(
        suggestionRecord({
          id: 'sg-quoting',
          cases: [
            { id: stored.id, ticket: stored.ticket, title: '我叫张三电话13800000001反映路' },
            { id: 'cs-other', ticket: '20261122-0099', title: '别人的留言' },
          ],
        }),
        [],
      )
      const unrelated = await store().suggestions.create(
        suggestionRecord({ id: 'sg-unrelated', cases: [{ id: 'cs-other', ticket: '20261122-0099', title: '别人的留言' }] }),
        [],
      )
      const change = {
        caseId: stored.id,
        text: '我叫某某电话（已隐去）反映路灯不亮的问题',
        reply: null,
        ratingComment: null,
        ratingComments: [],
        eventNotes: {},
        messageTexts: {},
      }
      expect(await store().privacy.anonymiseCase(change, at(20))).to.equal(true)

      const after = (await store().suggestions.get(quoting.id))!
      expect(after.cases).to.deep.equal([
        { id: stored.id, ticket: stored.ticket, title: '我叫某某电话（已隐去）反映路灯不亮的问题' },
        { id: 'cs-other', ticket: '20261122-0099', title: '别人的留言' },
      ])
      expect(after.version, 'a deputy saving what they read before is refused, not writing the words back').to.equal(quoting.version + 1)
      expect(after).to.deep.include({ title: quoting.title, body: quoting.body, status: quoting.status })
      expect(await store().suggestions.get(unrelated.id)).to.deep.equal(unrelated)
      let stale: unknown = null
      await store()
        .suggestions.update(quoting, [])
        .catch((err) => (stale = err))
      expect(stale, 'the copy read before the anonymisation').to.be.instanceOf(Error)
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
      await store().privacy.anonymiseCase(
        { caseId: done.id, text: 'x', reply: null, ratingComment: null, ratingComments: [], eventNotes: {}, messageTexts: {} },
        T0,
      )
      const due = await store().privacy.casesToAnonymise(at(-365 * DAY), 10)
      expect(due.map((c) => c.id)).to.deep.equal([older.id, rejected.id, old.id])
      expect((await store().privacy.casesToAnonymise(at(-365 * DAY), 2)).map((c) => c.id)).to.deep.equal([older.id, rejected.id])
    })
  })
}
