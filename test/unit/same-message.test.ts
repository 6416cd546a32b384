import { expect } from 'chai'
import { sameMessage, saidIn, saysAgain } from '../../src/domain/same-message.js'
import type { RoutingReason } from '../../src/domain/routing-types.js'

describe('the same message again (saysAgain)', () => {
  const lamp = '建设路12号门口的路灯坏了，晚上很黑。'

  it('is the same words, whatever the spaces, punctuation and full-width digits', () => {
    expect(saysAgain('建设路１２号门口的路灯坏了 晚上很黑！', lamp)).to.equal(true)
  })

  it('is her first words alone, sent again after a line was added to them', () => {
    expect(saysAgain(lamp, `${lamp}\n灯还没修好`)).to.equal(true)
  })

  it('is not words that say more, another number, or a short phrase found in a longer message', () => {
    expect(saysAgain(`${lamp}已经一个星期了`, lamp)).to.equal(false)
    expect(saysAgain('建设路14号门口的路灯坏了，晚上很黑。', lamp)).to.equal(false)
    expect(saysAgain('路灯坏了', lamp)).to.equal(false)
    expect(saysAgain('？？', '！！')).to.equal(false)
  })

  describe('about a place (sameMessage)', () => {
    const jianshe = { regionId: 'c010101', communityId: 'c010101', districtId: 'd01', chosen: null }
    const guangming = { regionId: 'c010102', communityId: 'c010102', districtId: 'd01', chosen: null }
    // Written to a station's deputy, no place given: the community and district are the station's.
    const byStation = { regionId: null, communityId: 'c010101', districtId: 'd01', chosen: 'station:st001' }
    const nowhere = { regionId: null, communityId: null, districtId: null, chosen: null }
    // Written to a deputy she named: no community kept, only the district of his station.
    const toZhang = { regionId: null, communityId: null, districtId: 'd01', chosen: 'deputy:dp0001' }
    const toWang = { ...toZhang, chosen: 'deputy:dp0002' }

    it('takes short words as the same message only about the same place', () => {
      expect(sameMessage({ text: '路灯坏了', ...jianshe }, { text: '路灯坏了。', ...jianshe })).to.equal(true)
      expect(sameMessage({ text: '路灯坏了', ...guangming }, { text: '路灯坏了', ...jianshe }), 'another community').to.equal(false)
      expect(sameMessage({ text: '路灯坏了', ...byStation }, { text: '路灯坏了', ...jianshe }), 'a place given against none').to.equal(false)
      expect(sameMessage({ text: '路灯坏了', ...byStation }, { text: '路灯坏了', ...nowhere }), 'a station against nowhere').to.equal(false)
    })

    it('takes short words about no place at all as the same: nothing tells them apart, and she is only asked', () => {
      expect(sameMessage({ text: '路灯坏了', ...nowhere }, { text: '路灯坏了', ...nowhere })).to.equal(true)
    })

    it('takes short words to another deputy or station she chose as another message, wherever both are about', () => {
      expect(sameMessage({ text: '路灯坏了', ...toZhang }, { text: '路灯坏了', ...toZhang }), 'the same deputy').to.equal(true)
      expect(sameMessage({ text: '路灯坏了', ...toWang }, { text: '路灯坏了', ...toZhang }), 'another deputy').to.equal(false)
      expect(sameMessage({ text: '路灯坏了', ...toZhang, chosen: 'station:st001' }, { text: '路灯坏了', ...toZhang }), 'a station against a deputy').to.equal(
        false,
      )
      expect(sameMessage({ text: '路灯坏了', ...toZhang, chosen: null }, { text: '路灯坏了', ...toZhang }), 'nobody chosen against a deputy').to.equal(false)
      expect(sameMessage({ text: '路灯坏了', ...byStation, chosen: 'station:st002' }, { text: '路灯坏了', ...byStation }), 'another station').to.equal(false)
    })

    it("keeps the words' own rule for a text of some length, wherever it was sent", () => {
      expect(sameMessage({ text: lamp, ...toWang }, { text: lamp, ...toZhang }), 'to another deputy').to.equal(true)
      expect(sameMessage({ text: lamp, ...guangming }, { text: lamp, ...jianshe })).to.equal(true)
      expect(sameMessage({ text: lamp, ...nowhere }, { text: `${lamp}\n灯还没修好`, ...jianshe })).to.equal(true)
      expect(sameMessage({ text: '路灯坏了', ...jianshe }, { text: lamp, ...jianshe }), 'short words inside a longer message').to.equal(false)
    })
  })
  describe('whom she chose, as her sent message keeps it (saidIn)', () => {
    const reason = (code: string): RoutingReason => ({ rule: 'explicit', code, message: '' })
    const sent = (codes: string[], deputyId: string | null, stationId: string | null) => ({
      text: '路灯坏了',
      regionId: null,
      communityId: null,
      districtId: 'd01',
      routingReasons: codes.map(reason),
      deputyId,
      stationId,
    })

    it('is the deputy she named, scanned or picked; the station she wrote to; nobody when she wrote by place', () => {
      for (const code of ['deputy_code', 'deputy_named', 'deputy_chosen'])
        expect(saidIn(sent([code, 'station_code', 'topic'], 'dp0002', 'st001')).chosen, code).to.equal('deputy:dp0002')
      for (const code of ['station_code', 'station_named', 'station_chosen', 'deputy_left_office'])
        expect(saidIn(sent([code, 'fewest_open'], 'dp0003', 'st002')).chosen, code).to.equal('station:st002')
      expect(saidIn(sent(['covering_station', 'fewest_open'], 'dp0001', 'st001')).chosen).to.equal(null)
    })
  })
})
