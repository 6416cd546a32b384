import { expect } from 'chai'
import { listTicketRefs } from '../../src/domain/ticket-refs.js'

describe('the numbers of a list sent to a deputy, written one way (listTicketRefs)', () => {
  it('writes each as its last four digits when none of his messages end the same', () => {
    const ref = listTicketRefs(['20261123-0001', '20261125-0003', '20261124-0042'])
    expect(['20261123-0001', '20261124-0042'].map(ref)).to.deep.equal(['0001', '0042'])
  })

  it('writes every one whole when any two of his end the same, those that do not too', () => {
    const ref = listTicketRefs(['20261123-0001', '20261125-0001', '20261124-0042'])
    expect(['20261123-0001', '20261125-0001', '20261124-0042'].map(ref)).to.deep.equal(['20261123-0001', '20261125-0001', '20261124-0042'])
  })

  it('leaves a number of another shape as it is, and a number named twice is no clash', () => {
    const ref = listTicketRefs(['20261123-0001', '20261123-0001', 'LEGACY-7'])
    expect(['20261123-0001', 'LEGACY-7'].map(ref)).to.deep.equal(['0001', 'LEGACY-7'])
  })
})
