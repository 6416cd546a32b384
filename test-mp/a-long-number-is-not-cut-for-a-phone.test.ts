import { expect } from 'chai'
import { createRequire } from 'node:module'

// The mini-program is CommonJS, as WeChat loads it.
const require = createRequire(import.meta.url)
const { phoneApart } = require('../miniprogram/utils/phone-apart.js') as {
  phoneApart(text: string): Array<{ text: string; phone: boolean }>
}

/** The pieces as the page draws them: a number kept whole in [brackets]. */
const drawn = (text: string) => phoneApart(text).map((p) => (p.phone ? `[${p.text}]` : p.text))

/**
 * Review 38, finding 10. The meeting pages keep a phone number whole on its line (phone-apart.js, now in utils/ beside
 * time-apart.js). Its pattern had no digit boundaries: eleven digits starting with 1 inside an 18-digit ID number, or a
 * long meeting number, were cut out and drawn as a phone number, which is the misreading the pieces exist to prevent.
 */
describe('mini-program: only a whole phone number is kept apart as one', () => {
  it('keeps landlines and mobiles whole, as before', () => {
    expect(drawn('如果您到了会，请联系孙丽（电话 0375-2661234）为您补签。')).to.deep.equal([
      '如果您到了会，请联系孙丽（电话 ',
      '[0375-2661234]',
      '）为您补签。',
    ])
    expect(drawn('请联系王丽13812345678或0375-2661234-8001')).to.deep.equal(['请联系王丽', '[13812345678]', '或', '[0375-2661234-8001]'])
  })

  it('does not take eleven digits out of an ID number or a longer number', () => {
    expect(drawn('身份证号 410402195812301234 已登记，会议号 9138123456789。')).to.deep.equal(['身份证号 410402195812301234 已登记，会议号 9138123456789。'])
    expect(drawn('编号 138123456789，电话 13812345678。')).to.deep.equal(['编号 138123456789，电话 ', '[13812345678]', '。'])
  })
})
