import { expect } from 'chai'
import { decodeCursorMatching, decodeTimeCursor, encodeCursor, timeCursorKey, toPage } from '../../src/store/cursor.js'
import { ValidationError } from '../../src/errors.js'

/** The 400 every list answers for a cursor it did not issue. */
function refused(read: () => unknown) {
  try {
    read()
  } catch (err) {
    expect(err).to.be.instanceOf(ValidationError)
    expect((err as ValidationError).message).to.equal('翻页参数无效，请从第一页重新查看')
    expect((err as ValidationError).details).to.deep.equal([{ path: 'query.cursor', message: '翻页参数无效，请从第一页重新查看' }])
    return
  }
  expect.fail('the cursor was accepted')
}

describe('cursors: "<time>|<id>" pages, decoded and checked in one place', () => {
  const at = new Date('2026-11-23T02:00:00.000Z')

  it('gives back the time and id of the last item of a page', () => {
    const page = toPage(
      [
        { at, id: 'mt-b' },
        { at, id: 'mt-a' },
      ],
      1,
      (m) => timeCursorKey(m.at, m.id),
    )
    expect(decodeTimeCursor(page.nextCursor)).to.deep.equal({ key: '2026-11-23T02:00:00.000Z', at, id: 'mt-b' })
  })

  it('is null on the first page', () => {
    expect(decodeTimeCursor(undefined)).to.equal(null)
    expect(decodeTimeCursor('')).to.equal(null)
  })

  it('keeps an id that itself holds the separator whole after the time', () => {
    expect(decodeTimeCursor(encodeCursor(timeCursorKey(at, 'a|b')))?.id).to.equal('a|b')
  })

  it('admits the one extra key a list names ("9999": no deadline, sorted last), and only that list', () => {
    const cursor = encodeCursor(timeCursorKey('9999', 'c-1'))
    expect(decodeTimeCursor(cursor, '9999')).to.deep.equal({ key: '9999', at: null, id: 'c-1' })
    refused(() => decodeTimeCursor(cursor))
  })

  it('refuses anything this server did not issue with the same 400', () => {
    refused(() => decodeTimeCursor('not base64 json!'))
    refused(() => decodeTimeCursor(encodeCursor('no-separator')))
    refused(() => decodeTimeCursor(encodeCursor('yesterday|mt-1')))
    refused(() => decodeTimeCursor(encodeCursor('2026-11-23|mt-1')))
    refused(() => decodeTimeCursor(Buffer.from(JSON.stringify({ k: 5 })).toString('base64url')))
  })

  it('checks a single-key cursor against what the adapter issues', () => {
    expect(decodeCursorMatching(encodeCursor('42'), /^\d+$/)).to.equal('42')
    expect(decodeCursorMatching(undefined, /^\d+$/)).to.equal(null)
    refused(() => decodeCursorMatching(encodeCursor('42 OR 1=1'), /^\d+$/))
  })
})
