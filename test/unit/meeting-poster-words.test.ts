import { expect } from 'chai'
import { QrCodeRenderer } from '../../src/services/qr-codes.js'

type Line = { text: string; size: number }

/**
 * What a meeting's check-in poster prints under its code: its title, then when it is as every notice to its invitees
 * says it, then what to do. The drawing itself is replaced by a recorder of the lines the poster hands to it.
 */
describe('meeting poster words', () => {
  const meeting = { shortCode: 'm8k2', title: '第三季度代表活动日', startAt: new Date('2026-11-26T01:30:00Z'), endAt: new Date('2026-11-26T03:30:00Z') } // 9:30–11:30 in Shanghai

  const printed = async (now: Date) => {
    const drawn: Array<{ scene: string; lines: Line[] }> = []
    const renderer = new QrCodeRenderer({ qrLinkPrefix: 'https://liaison.example/q', cityName: '青澜市' })
    Object.assign(renderer, { render: async (scene: string, lines: Line[]) => (drawn.push({ scene, lines }), Buffer.alloc(0)) })
    await renderer.meetingPoster(meeting, 'Asia/Shanghai', now)
    expect(drawn).to.have.length(1)
    expect(drawn[0]!.scene).to.equal('m=m8k2')
    return drawn[0]!.lines.map((l) => l.text)
  }

  it('says the day, its weekday and the part of the day, as every notice does', async () => {
    expect(await printed(new Date('2026-11-23T02:00:00Z'))).to.deep.equal([
      '第三季度代表活动日',
      '11月26日（星期四）上午9:30至上午11:30',
      '参会人员微信扫一扫签到',
    ])
  })

  it('names the year on a poster printed the year before', async () => {
    expect((await printed(new Date('2025-12-20T02:00:00Z')))[1]).to.equal('2026年11月26日（星期四）上午9:30至上午11:30')
  })
})
