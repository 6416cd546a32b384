import { expect } from 'chai'
import { urgedLine, urgedTogetherText } from '../../src/domain/urge-together.js'

/** 一起催办's notice to Deputy Liu, as a pure function of her messages and the moment: a line each, in her 待办's words. */
const now = new Date('2026-11-25T04:00:00Z') // Wednesday 12:00 in Asia/Shanghai
const TZ = 'Asia/Shanghai'
const message = (ticket: string, text: string, late: 'reply' | 'ack' | null) => ({
  ticket,
  topic: '城乡建设',
  text,
  status: 'assigned' as const,
  acknowledgedAt: null,
  ackDueAt: new Date(late ? '2026-11-24T02:00:00Z' : '2026-11-26T02:00:00Z'),
  replyDueAt: new Date(late === 'reply' ? '2026-11-22T16:00:00Z' : '2026-12-14T16:00:00Z'),
})

describe('一起催办 names each of her messages on a line', () => {
  it('by its short number, her first words masked, and which deadline it has passed, with the days as her 待办 says it', () => {
    const lamp = message('20261123-0001', '路灯不亮两个星期了，我的电话13812345678', 'reply')
    const all = [lamp.ticket, '20261123-0002']
    expect(urgedLine(lamp, all, now, TZ)).to.equal('0001 路灯不亮两个星期了，我的电话（已隐去）（答复已超期 2 天）')
    expect(urgedLine(message('20261123-0002', '垃圾没人清', 'ack'), all, now, TZ)).to.equal('0002 垃圾没人清（已过受理期限 1 天）')
    expect(urgedLine(message('20261123-0002', '垃圾没人清', null), all, now, TZ)).to.equal('0002 垃圾没人清')
    expect(urgedLine(lamp, [...all, '20261124-0001'], now, TZ), 'another ends in 0001: the whole number').to.match(/^20261123-0001 /)
  })

  it('says who urged and how many are late, then the lines, then ten at most and how many more, then her note', () => {
    const cases = Array.from({ length: 12 }, (_, i) => message(`20261123-${String(i + 1).padStart(4, '0')}`, `第${i + 1}条：电梯坏了`, i < 2 ? 'reply' : null))
    const text = urgedTogetherText(cases, { deputy: '刘芳', staff: '孙丽' }, now, TZ, '附言：请本周内答复')
    const lines = text.split('\n')
    expect(lines[0]).to.equal('催办：刘芳代表，工作人员孙丽催办您的 12 条留言（城乡建设），其中 2 条答复已超期，请尽快办理：')
    expect(lines.slice(1, 4)).to.deep.equal(['0001 第1条：电梯坏了（答复已超期 2 天）', '0002 第2条：电梯坏了（答复已超期 2 天）', '0003 第3条：电梯坏了'])
    expect(lines.slice(11)).to.deep.equal(['……另有 2 条', '附言：请本周内答复'])
    const heldToo = urgedTogetherText(cases.slice(0, 2), { deputy: '刘芳', staff: '孙丽' }, now, TZ, '', ['20261120-0001'])
    expect(heldToo.split('\n')[1], 'another she holds ends in 0001: the whole number').to.equal('20261123-0001 第1条：电梯坏了（答复已超期 2 天）')
  })
})
