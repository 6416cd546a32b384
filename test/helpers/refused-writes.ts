import { expect } from 'chai'
import type { Answer } from './app.js'

/** A write tried by someone outside what it acts on, and how it is refused: 404 not_found unless said. */
export type Attempt = [what: string, write: () => Promise<Answer>, refused?: [status: number, code: string]]

/**
 * Every attempt is refused in the one error shape (`{ error: { code, message } }`, the message in words), and what
 * `reads` answer afterwards is exactly what they answered before: nothing was changed on the way to the refusal.
 */
export async function refusedAndUnchanged(reads: Array<() => Promise<Answer>>, attempts: Attempt[]) {
  const before = await Promise.all(reads.map(async (read) => (await read()).body))
  for (const [what, write, refused = [404, 'not_found']] of attempts) {
    const answer = await write()
    expect([answer.status, answer.body.error?.code], `${what}: ${JSON.stringify(answer.body)}`).to.deep.equal(refused)
    expect(answer.body.error.message, what).to.be.a('string').and.not.equal('')
  }
  const after = await Promise.all(reads.map(async (read) => (await read()).body))
  expect(after, 'what those it belongs to read has not changed').to.deep.equal(before)
}
