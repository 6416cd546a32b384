import { expect } from 'chai'
import { maskForCaseWork, maskPersonalData } from '../../src/domain/pii-mask.js'
import { demoDirectory } from '../../src/demo/demo-city.js'

/**
 * "我是文昌社区的退休职工" became "我是某某区的退休职工" in 热点问题 and the weekly report: 文昌社 was read as a name after
 * 我是 (review 38 § 12). A place a resident says she is from stays; a name after 我是 still goes.
 */
describe('pii masks: a place after 我是 is no name', () => {
  const places = (demoDirectory().regions ?? []).filter((r) => r.kind === 'community' || r.kind === 'street').map((r) => r.name)

  it('keeps every community and street of the demo city after 我是 and 本人是', () => {
    expect(places.length).to.be.greaterThan(10)
    for (const place of places)
      for (const text of [`我是${place}的退休职工，养老金对不上`, `本人是${place}居民`]) {
        expect(maskForCaseWork(text), text).to.equal(text)
        expect(maskPersonalData(text), text).to.equal(text)
      }
  })

  it('keeps 文昌社区 and a village, and still masks a name, a name with a title, and a name before a place', () => {
    expect(maskForCaseWork('我是文昌社区的退休职工')).to.equal('我是文昌社区的退休职工')
    expect(maskForCaseWork('我是周家村的村民')).to.equal('我是周家村的村民')
    expect(maskForCaseWork('我是王小明，住在文昌社区')).to.equal('我是某某，住在文昌社区')
    expect(maskForCaseWork('我是李村长')).to.equal('我是某某')
    expect(maskForCaseWork('我叫文昌')).to.equal('我叫某某')
  })
})
