import { expect } from 'chai'
import { PasswordHasher } from '../../src/security/passwords.js'
import { maskPhone, PiiCipher } from '../../src/security/pii.js'

const KEY_A = 'a'.repeat(64)
const KEY_B = 'b'.repeat(64)

describe('personal data at rest', () => {
  it('round-trips a phone number bound to its record', () => {
    const cipher = new PiiCipher('k1', KEY_A)
    const sealed = cipher.encrypt('13800000001', 'dp0001')
    expect(sealed).to.match(/^v1:k1:/)
    expect(sealed).not.to.include('13800000001')
    expect(cipher.decrypt(sealed, 'dp0001')).to.equal('13800000001')
    expect(() => cipher.decrypt(sealed, 'dp0002'), 'copied onto another record').to.throw()
  })

  it('uses a fresh IV each time, and a stable blind index for lookups', () => {
    const cipher = new PiiCipher('k1', KEY_A)
    expect(cipher.encrypt('13800000001', 'x')).not.to.equal(cipher.encrypt('13800000001', 'x'))
    expect(cipher.blindIndex('13800000001')).to.equal(cipher.blindIndex('13800000001'))
    expect(cipher.blindIndex('13800000001')).not.to.equal(cipher.blindIndex('13800000002'))
  })

  it('still reads values sealed with a previous key after rotation', () => {
    const old = new PiiCipher('k1', KEY_A).encrypt('13800000001', 'dp1')
    const rotated = new PiiCipher('k2', KEY_B, { k1: KEY_A })
    expect(rotated.decrypt(old, 'dp1')).to.equal('13800000001')
    expect(rotated.encrypt('x', 'dp1')).to.match(/^v1:k2:/)
    expect(() => new PiiCipher('k2', KEY_B).decrypt(old, 'dp1')).to.throw(/k1/)
  })

  it('masks the middle of a number', () => {
    expect(maskPhone('13800000001')).to.equal('138****0001')
    expect(maskPhone(null)).to.equal(null)
  })
})

describe('passwords', () => {
  const hasher = new PasswordHasher(1024)
  it('verifies the right password only, and never stores it in clear', async () => {
    const hash = await hasher.hash('correct horse')
    expect(hash).to.match(/^scrypt\$1024\$8\$1\$/)
    expect(hash).not.to.include('correct horse')
    expect(await hasher.verify('correct horse', hash)).to.equal(true)
    expect(await hasher.verify('correct horsE', hash)).to.equal(false)
    expect(await hasher.verify('anything', null)).to.equal(false)
  })
  it("asks for a rehash of a hash made at a lower cost than today's", async () => {
    const today = new PasswordHasher(4096)
    expect(today.needsRehash(await new PasswordHasher(1024).hash('x'))).to.equal(true)
    expect(today.needsRehash(await today.hash('x'))).to.equal(false)
    expect(today.needsRehash(null)).to.equal(false)
  })

  it('still verifies hashes made with an older cost', async () => {
    const old = await new PasswordHasher(2048).hash('pw-123456')
    expect(await hasher.verify('pw-123456', old)).to.equal(true)
  })
})
