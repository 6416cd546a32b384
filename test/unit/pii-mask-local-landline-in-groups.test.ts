import { expect } from 'chai'
import { maskForCaseWork, maskPersonalData, maskPhoneAndIdNumbers, MASKS, phonesWrittenIn } from '../../src/domain/pii-mask.js'

/**
 * A local landline is written without its area code, and most often in the two groups it is read out in
 * ("座机8765-4321", "电话：8765 4321", "876-5432"). After a word that says it is a phone, it is masked as one for
 * whoever must not read it, and it is the number "打电话给群众" dials; a hotline or a date after such a word is not.
 */
describe('a local landline written in two groups after a phone word', () => {
  const everyMask = (text: string) => [maskPhoneAndIdNumbers(text), maskPersonalData(text), maskForCaseWork(text)]

  it('is masked by every mask, and a hotline or a date after such a word is not', () => {
    expect(everyMask('路灯坏了很久了，我家座机8765-4321，晚上在家')).to.deep.equal(Array(3).fill(`路灯坏了很久了，我家座机${MASKS.landline}，晚上在家`))
    expect(everyMask('电话：8765 4321')).to.deep.equal(Array(3).fill(`电话：${MASKS.landline}`))
    expect(everyMask('电话：876-5432，白天没人')).to.deep.equal(Array(3).fill(`电话：${MASKS.landline}，白天没人`))
    expect(everyMask('联系电话是 8765．4321')).to.deep.equal(Array(3).fill(`联系电话是 ${MASKS.landline}`))
    // Not a hotline, a date or a count after a phone word.
    for (const text of ['打了电话12345热线', '电话2024年3月打过', '电话 2024.3.15 打过', '打电话3次，没人接'])
      expect([...everyMask(text), phonesWrittenIn(text)], text).to.deep.equal([text, text, text, []])
  })

  it('is the number he dials, as digits', () => {
    expect(phonesWrittenIn('路灯坏了很久了，我家座机8765-4321，晚上在家')).to.deep.equal(['87654321'])
    expect(phonesWrittenIn('电话：8765 4321')).to.deep.equal(['87654321'])
    expect(phonesWrittenIn('电话：876-5432')).to.deep.equal(['8765432'])
    expect(phonesWrittenIn('手机13912345678，座机8765-4321')).to.deep.equal(['13912345678', '87654321'])
  })
})
