import { expect } from 'chai'
import { casePhoneNote, casePhoneRefusal, casePhoneStanding } from '../../src/domain/case-phone.js'

const until = new Date('2026-12-10T10:00:00Z')
const at = { timeZone: 'Asia/Shanghai', now: new Date('2026-12-06T02:00:00Z') }
const open = { allowed: true, until }

/**
 * The phone on one of her messages: changed while a deputy may still call it, only removed once nobody will; the
 * note beside it in 我的信息 and the refusal of a change say why in the same words.
 */
describe('the phone on a message: what she may do with it, and why', () => {
  it('may be changed while the message is handled, or closed but still to be asked again', () => {
    expect(casePhoneStanding({ status: 'assigned', mergedInto: null }, null)).to.deep.equal({ canChange: true, why: 'open' })
    expect(casePhoneStanding({ status: 'replied', mergedInto: null }, null)).to.deep.equal({ canChange: true, why: 'open' })
    expect(casePhoneStanding({ status: 'closed', mergedInto: null }, open)).to.deep.equal({ canChange: true, why: 'reopen', until })
  })

  it('only removed once nobody will call it: over, asking again refused, or merged into another', () => {
    expect(casePhoneStanding({ status: 'closed', mergedInto: null }, null)).to.deep.equal({ canChange: false, why: 'ended' })
    expect(casePhoneStanding({ status: 'closed', mergedInto: null }, { allowed: false, until })).to.deep.equal({ canChange: false, why: 'ended' })
    expect(casePhoneStanding({ status: 'withdrawn', mergedInto: null }, null)).to.deep.equal({ canChange: false, why: 'ended' })
    expect(casePhoneStanding({ status: 'closed', mergedInto: 'cs-2' }, open), 'the other message’s phone is used').to.deep.equal({
      canChange: false,
      why: 'merged',
    })
  })

  it('says why beside it and in the refusal alike: the status in words, a merged one’s other message by number', () => {
    const ended = { canChange: false, why: 'ended' } as const
    const merged = { canChange: false, why: 'merged' } as const
    expect(casePhoneNote(ended, { status: 'rejected', carrierTicket: null }, at)).to.equal('这条留言没有受理，代表不会再打这个电话。不想留着，可以删掉。')
    expect(casePhoneRefusal(ended, { status: 'rejected', carrierTicket: null })).to.equal(
      '这条留言没有受理，代表不会再打这个电话，所以不用改号码。不想留着这个电话，可以删掉。',
    )
    expect(casePhoneNote(merged, { status: 'closed', carrierTicket: '20261201-0007' }, at)).to.equal(
      '这条留言已和留言 20261201-0007 合并办理，代表按那条留言联系，不会再打这个电话。不想留着，可以删掉。',
    )
    expect(casePhoneRefusal(merged, { status: 'closed', carrierTicket: null })).to.equal(
      '这条留言已和留言 另一条相同问题的留言 合并办理，代表按那条留言联系，不会再打这个电话，所以不用改号码。不想留着这个电话，可以删掉。',
    )
    expect(casePhoneNote({ canChange: true, why: 'open' }, { status: 'assigned', carrierTicket: null }, at)).to.equal(null)
    expect(casePhoneNote({ canChange: true, why: 'reopen', until }, { status: 'closed', carrierTicket: null }, at)).to.match(
      /^这条留言已经办完。.+前您还可以申请重新办理，那时代表会打这个电话，号码不对可以改。$/,
    )
  })
})
