// Run by network-guard.test.ts in a child mocha: a test whose code swallows the refused
// connection must still fail, naming where it tried to go.
describe('a test that forgets to stub the network', () => {
  it('calls out and ignores the error', async () => {
    await fetch('http://203.0.113.7:8080/').catch(() => {})
  })
})
