import { expect } from 'chai'
import { residentPhoneNote, type ResidentPhoneFacts } from '../../src/domain/resident-phone-note.js'

/** The words beside a masked 留言人电话 (review 37, finding 15), for each way her message may stand. */
describe('residentPhoneNote', () => {
  const facts = (over: Partial<ResidentPhoneFacts>): ResidentPhoneFacts => ({
    anonymous: false,
    phoneField: true,
    phoneInWords: false,
    open: true,
    deputy: '朱丽华',
    deputyUnreachable: false,
    ...over,
  })
  const HIDDEN = '号码已隐去：工作台不显示群众留的完整电话，只有办理代表能在小程序或微信助手里看到并拨打（每次查看都有记录）。'

  it('names the deputy who calls her back when he can see the number', () => {
    expect(residentPhoneNote(facts({}))).to.equal(`${HIDDEN}需要回访时，请朱丽华代表打电话联系群众。`)
  })
  it('says only that it is hidden once her message is no longer handled', () => {
    expect(residentPhoneNote(facts({ open: false, deputy: null }))).to.equal(HIDDEN)
  })
  it('says nothing of an anonymous message, nor of one with no number at all', () => {
    expect(residentPhoneNote(facts({ anonymous: true, phoneInWords: true }))).to.equal(null)
    expect(residentPhoneNote(facts({ phoneField: false }))).to.equal(null)
  })
})
