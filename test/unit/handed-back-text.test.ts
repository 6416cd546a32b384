import { expect } from 'chai'
import { handedBackText } from '../../src/services/directory/deputy-hand-back.js'

const station = (id: string) => ({ st001: '轻工街道代表联络站', st003: '光明社区代表联络点' })[id] ?? id
const office = (id: string) => ({ d01: '湛河区人大办' })[id] ?? id

describe('what the console says of a departed deputy’s messages', () => {
  it('says where they went: back to stations with clerks, or told to the office where a station has none', () => {
    expect(handedBackText({ count: 0, unstaffed: [] }, station, office)).to.equal('没有未办结的留言')
    expect(handedBackText({ count: 2, unstaffed: [] }, station, office)).to.equal('2 条未办结留言已退回联络站，由工作人员重新分派')
    expect(handedBackText({ count: 1, unstaffed: [{ stationId: 'st003', officeId: 'd01', count: 1 }] }, station, office)).to.equal(
      '1 条未办结留言已退回光明社区代表联络点，该站没有在用的工作人员账号，已告知湛河区人大办分派',
    )
    expect(handedBackText({ count: 3, unstaffed: [{ stationId: 'st003', officeId: 'd01', count: 1 }] }, station, office)).to.equal(
      '3 条未办结留言已退回联络站，由工作人员重新分派；其中 1 条在光明社区代表联络点，该站没有在用的工作人员账号，已告知湛河区人大办分派',
    )
  })
})
