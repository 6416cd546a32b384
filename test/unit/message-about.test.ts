import { expect } from 'chai'
import { messageGist, yourMessage } from '../../src/domain/message-about.js'

/**
 * 老李 has two messages open. A notice that names hers only by number ("您的留言 20261203-0001 已办结")
 * does not tell her which; it says the day she wrote it and its first words, never the whole text.
 */
describe('domain: how a notice names her message (yourMessage)', () => {
  const TZ = 'Asia/Shanghai'
  const now = new Date('2026-12-10T02:00:00Z')
  // 12月3日 09:30 in Shanghai
  const createdAt = new Date('2026-12-03T01:30:00Z')

  it('the day and the first words of a long message, then its number', () => {
    const c = { ticket: '20261203-0001', text: '小区路灯不亮已经两个星期了，晚上老人出门看不见路，请代表帮忙问问', createdAt }
    expect(yourMessage(c, TZ, now)).to.equal('您12月3日反映的“小区路灯不亮已经两个星期了…”（编号 20261203-0001）')
  })

  it('her words are never cut inside a word: a clause a few characters longer is quoted whole, else the last whole word', () => {
    const at = (text: string) => yourMessage({ ticket: '20261206-0001', text, createdAt }, TZ, now)
    expect(at('我家楼下那个路灯坏了快一个月了，晚上黑咕隆咚的')).to.equal('您12月3日反映的“我家楼下那个路灯坏了快一个月了…”（编号 20261206-0001）')
    expect(at('路灯，坏了好久了晚上看不见路老人怕摔')).to.equal('您12月3日反映的“路灯，坏了好久了晚上…”（编号 20261206-0001）')
    // Nor just after a bare number ("12…" of "12号楼"), nor inside a mask of her personal data.
    expect(at('我叫王秀兰，住建设路12号楼3单元，楼下的路灯坏了')).to.equal('您12月3日反映的“我叫王秀兰，住建设路…”（编号 20261206-0001）')
    expect(at('我叫某某，住建设路（门牌号已隐去）的楼下路灯坏了')).to.equal('您12月3日反映的“我叫某某，住建设路…”（编号 20261206-0001）')
    // A run of one kind with no word to end at is cut where it was.
    expect(at('一二三四五六七八九十十一十二十三十四')).to.equal('您12月3日反映的“一二三四五六七八九十十一…”（编号 20261206-0001）')
  })

  it('a message that would fit whole is never cut: its end is a clause’s end, as a full stop is (review 50)', () => {
    const at = (text: string) => yourMessage({ ticket: '20261123-0001', text, createdAt }, TZ, now)
    // 13 characters: the answer notice said “建设路12号门口的路灯坏…”, though “…坏了。” was said whole.
    expect(at('建设路12号门口的路灯坏了')).to.equal('您12月3日反映的“建设路12号门口的路灯坏了”（编号 20261123-0001）')
    expect(at('建设路12号门口的路灯坏了。')).to.equal('您12月3日反映的“建设路12号门口的路灯坏了”（编号 20261123-0001）')
    // As far as a clause may run past the twelve, and no further.
    expect(at('小区门口的路灯坏了一个多月了没人')).to.equal('您12月3日反映的“小区门口的路灯坏了一个多月了没人”（编号 20261123-0001）')
    expect(at('小区门口的路灯坏了一个多月了没人修')).to.equal('您12月3日反映的“小区门口的路灯坏了一个多…”（编号 20261123-0001）')
  })

  it('a short message is said whole, without "…" and without its final full stop', () => {
    expect(yourMessage({ ticket: '20261203-0002', text: '小区路灯不亮。', createdAt }, TZ, now)).to.equal('您12月3日反映的“小区路灯不亮”（编号 20261203-0002）')
  })

  it('the day is hers in the business time zone, and names the year when it was another year', () => {
    // 2025-12-31 17:00 UTC is already 2026年1月1日 in Shanghai
    const newYear = { ticket: '20260101-0001', text: '路灯', createdAt: new Date('2025-12-31T17:00:00Z') }
    expect(yourMessage(newYear, TZ, now)).to.equal('您1月1日反映的“路灯”（编号 20260101-0001）')
    expect(yourMessage(newYear, TZ, new Date('2027-01-05T02:00:00Z'))).to.equal('您2026年1月1日反映的“路灯”（编号 20260101-0001）')
  })

  it('a message whose words show nothing is named by its day and number', () => {
    expect(yourMessage({ ticket: '20261203-0003', text: '\u200b \n', createdAt }, TZ, now)).to.equal('您12月3日的留言（编号 20261203-0003）')
  })
})

describe('domain: the first words of a message (messageGist)', () => {
  it('one line: line breaks and spaces become one space, invisible characters are dropped', () => {
    expect(messageGist('路灯\r\n\n不亮\u200b\u202e了\u0007')).to.equal('路灯 不亮了')
  })

  it('twelve characters then "…", never cutting an emoji in half, no comma before the dots', () => {
    expect(messageGist('一二三四五六七八九十十一十二十三')).to.equal('一二三四五六七八九十十一…')
    expect(messageGist('🏮🏮🏮🏮🏮🏮🏮🏮🏮🏮🏮🏮🏮')).to.equal(`${'🏮'.repeat(12)}…`)
    expect(messageGist('小区的路灯坏了好久了，晚上看不见')).to.equal('小区的路灯坏了好久了…')
    expect(messageGist('路灯，坏了好久了晚上看不见路')).to.equal('路灯，坏了好久了晚上看不…')
  })

  it('her own double quotes are dropped, so the notice’s quotes stay the only ones', () => {
    expect(messageGist('“路灯”不亮')).to.equal('路灯不亮')
  })
})
