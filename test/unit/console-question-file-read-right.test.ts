import { expect } from 'chai'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { readQuestionCsv } from '../../src/services/quizzes/quiz-csv.js'

// Loaded by path, as console-refusals.test.ts does: the console's modules are vue-tsc's to check.
const consoleModule = (path: string) => import(pathToFileURL(resolve(import.meta.dirname, '../../admin/src', path)).href)

type QuestionFile = { ok: true; csv: string; gbk: boolean } | { ok: false; message: string }
type Problems = ReadonlyArray<{ path: string; message: string }>

/** `text` as a file saved in `encoding` (gbk, big5): each character's bytes found by reading every two-byte pair back. */
function saved(text: string, encoding: string): Uint8Array<ArrayBuffer> {
  const decoder = new TextDecoder(encoding)
  const bytesOf = new Map<string, number[]>()
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const c = decoder.decode(new Uint8Array([lead, trail]))
      if (c.length === 1 && !bytesOf.has(c)) bytesOf.set(c, [lead, trail])
    }
  return new Uint8Array([...text].flatMap((c) => (c.charCodeAt(0) < 0x80 ? [c.charCodeAt(0)] : bytesOf.get(c)!)))
}

/**
 * Review 45: a question sheet saved by Excel as plain CSV on a Chinese Windows (GBK) with headings of her own (序号,
 * 内容, 备注) was told 这个文件可能没有读对 beside the missing headings: read right, she was sent to save it again for
 * nothing. That is said only when what was read is not words (a Big5 file from a Traditional-Chinese computer).
 */
describe('console: a question file read as GBK is said to be misread only when it reads as nonsense', () => {
  let questionCsv: (file: File) => Promise<QuestionFile>
  let saveAgainHint: (gbk: boolean, csv: string, problems: Problems) => string
  before(async () => {
    ;({ questionCsv, saveAgainHint } = await consoleModule('views/quizzes/question-file.ts'))
  })

  /** What she reads under the problems the server lists, for a file of these bytes. */
  async function hintFor(bytes: Uint8Array<ArrayBuffer>) {
    const read = await questionCsv(new File([bytes], '题目.csv'))
    if (!read.ok) throw new Error(read.message)
    expect(read.gbk, 'read as GBK').to.equal(true)
    const { problems } = await readQuestionCsv(read.csv)
    expect(problems[0]?.message, 'the server names the missing headings').to.match(/^第一行表头少了“题型”/)
    return saveAgainHint(read.gbk, read.csv, problems)
  }

  it('says nothing more than the missing headings for a GBK file headed in plain Chinese, only not the sample’s words', async () => {
    expect(await hintFor(saved('序号,内容,备注（可不填）\r\n1,代表法是哪一年通过的？,\r\n', 'gbk'))).to.equal('')
  })

  it('says the file may not have been read right when its header, read as GBK, is not words', async () => {
    const hint = await hintFor(saved('題型,題幹,選項,答案\r\n單選,代表法是哪一年通過的？,1992|2010,A\r\n', 'big5'))
    expect(hint).to.match(/^这个文件可能没有读对。请在 Excel 或 WPS 里另存为“CSV UTF-8（逗号分隔）”再选/)
  })
})
