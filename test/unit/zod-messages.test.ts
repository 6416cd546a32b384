import { expect } from 'chai'
import { z } from 'zod'
import { issuesToDetails } from '../../src/domain/zod-issues.js'
import { hasInvisible, longText, singleLine, stripInvisible } from '../../src/domain/free-text.js'

const details = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value)
  return result.success ? [] : issuesToDetails(result.error.issues, 'body')
}

describe('validation messages people read', () => {
  it("names the field in Chinese and says what is wrong in plain words, never zod's own text", () => {
    const schema = z.strictObject({
      title: z.string(),
      limit: z.number().int().max(100),
      options: z.array(z.string()).min(2),
      kind: z.enum(['single', 'multiple']),
      startsAt: z.iso.datetime({ offset: true }),
      note: z.string().max(5).optional(),
    })
    const found = details(schema, { title: 42, limit: 1.5, options: ['a'], kind: 'many', startsAt: '明天', note: '一二三四五六' })
    expect(found).to.deep.equal([
      { path: 'body.title', message: '标题应为文字' },
      { path: 'body.limit', message: '每页条数应为整数' },
      { path: 'body.options', message: '选项至少要有 2 项' },
      { path: 'body.kind', message: '类型只能是以下之一：single、multiple' },
      { path: 'body.startsAt', message: '开始时间应为带时区的时间，例如 2026-12-01T09:00:00+08:00' },
      { path: 'body.note', message: '备注最多 5 个字' },
    ])
    expect(details(schema, {}).find((d) => d.path === 'body.title')?.message).to.equal('请填写标题')
    expect(details(z.strictObject({ zzz: z.number().max(3) }), { zzz: 9 })).to.deep.equal([{ path: 'body.zzz', message: '此项不能大于 3' }])
  })

  it("keeps a schema's own wording", () => {
    expect(details(z.strictObject({ text: z.string().min(1, '留言内容不能为空') }), { text: '' })).to.deep.equal([
      { path: 'body.text', message: '留言内容不能为空' },
    ])
  })
})

describe('free-text building blocks', () => {
  it('finds every control and direction character, and nothing else', () => {
    for (const c of ['\u0000', '\u0007', '\u001b', '\t', '\n', '\u007f', '\u0085', '\u202a', '\u202e', '\u2066', '\u2069', '\u200f', '\u061c']) {
      expect(hasInvisible(`a${c}b`), JSON.stringify(c)).to.equal(true)
    }
    for (const ok of ['张伟', 'Hello, world', '👨‍👩‍👧 一家人', '（一）第三条', '¥100 — 好']) expect(hasInvisible(ok), ok).to.equal(false)
  })

  it('refuses in a line, strips from long text keeping line breaks and tabs', () => {
    expect(singleLine().safeParse('  会议\u202e名称 ').success).to.equal(false)
    expect(singleLine().parse('  会议名称 ')).to.equal('会议名称')
    expect(longText().parse(' 第一行\r\n第二\u0000行\t末尾\u202e ')).to.equal('第一行\n第二行\t末尾')
    expect(stripInvisible('a\rb')).to.equal('a\nb')
  })
})
