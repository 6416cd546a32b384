import { expect } from 'chai'
import { deputyEscalationWords } from '../../src/domain/deputy-case-words.js'
import { handedUpText } from '../../src/domain/handed-up-words.js'

/**
 * Review 44. A station clerk reads where a message her station handed up stands, to tell the resident who asks: in the
 * resident's own words for it (代表已看到，正在办, as her page says), never the office's 受理. A deputy's message page
 * says a report of lateness as his chat and digest say lateness (已过受理期限, 答复已超期), never 逾期.
 */
describe('words a clerk passes on and a deputy reads when late', () => {
  it('a handed-up message a deputy took up stands as 代表已看到，正在办', () => {
    const text = handedUpText(
      { ticket: '20261205-0021', status: 'acknowledged', mergedInto: null },
      new Date('2026-12-05T02:00:00Z'),
      '澜江区人大常委会办公室',
      'Asia/Shanghai',
    )
    expect(text).to.include('由澜江区人大办负责办理。现在：代表已看到，正在办。').and.not.include('受理')
  })

  it('his page says a report long late in his chat’s words, for the acknowledgement and for the answer', () => {
    expect(deputyEscalationWords('ack', 2, '湛河区人大常委会办公室', true)).to.equal('过受理期限较久，已通知湛河区人大常委会办公室督办')
    expect(deputyEscalationWords('reply', 2, null, false)).to.equal('答复超期较久')
    expect(deputyEscalationWords('reply', 1, '轻工街道代表联络站', true)).to.equal('已过答复期限，已通知轻工街道代表联络站督办')
  })
})
