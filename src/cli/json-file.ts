/**
 * The text of a JSON file as a value, or why it is not one in words an office clerk can act on:
 * the line and column where it goes wrong. Node's own message is English and, on Node 20, names
 * no position at all.
 */
export function parseJsonFile(text: string): { value: unknown } | { problem: string } {
  // Notepad and WPS save UTF-8 with a byte-order mark; the HTTP import never sees it (the body
  // reader drops it), and the same file must not be refused here.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  try {
    return { value: JSON.parse(body) }
  } catch {
    return { problem: describeProblem(body) }
  }
}

function describeProblem(text: string): string {
  let at: number | null
  try {
    at = firstErrorAt(text)
  } catch {
    at = null // nested too deep to scan: say what we can
  }
  if (at === null) return '不是有效的 JSON 文件'
  const before = text.slice(0, at)
  const line = before.split('\n').length
  const column = at - before.lastIndexOf('\n')
  if (at >= text.length) return `不是有效的 JSON 文件：第 ${line} 行第 ${column} 列处文件意外结束（可能少了括号、引号或内容不完整）`
  const what = text[at] < ' ' ? '换行或控制字符' : `“${text[at]}”`
  return `不是有效的 JSON 文件：第 ${line} 行第 ${column} 列有误（此处的${what}不符合 JSON 格式）`
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y

/** Where a JSON text first goes wrong (its length when it ends too soon), by reading it as JSON.parse does. */
function firstErrorAt(s: string): number | null {
  let i = 0
  const fail = (): never => {
    throw new JsonAt(i)
  }
  const ws = () => {
    while (i < s.length && (s[i] === ' ' || s[i] === '\t' || s[i] === '\n' || s[i] === '\r')) i++
  }
  const string = () => {
    i++
    for (;;) {
      if (i >= s.length || s[i] < ' ') fail()
      const c = s[i]
      if (c === '"') {
        i++
        return
      }
      if (c !== '\\') i++
      else if ('"\\/bfnrt'.includes(s[i + 1] ?? 'x')) i += 2
      else if (s[i + 1] === 'u' && /^[0-9a-fA-F]{4}$/.test(s.slice(i + 2, i + 6))) i += 6
      else fail()
    }
  }
  const value = (): void => {
    ws()
    const c = s[i]
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']'
      i++
      ws()
      if (s[i] === close) {
        i++
        return
      }
      for (;;) {
        if (c === '{') {
          ws()
          if (s[i] !== '"') fail()
          string()
          ws()
          if (s[i] !== ':') fail()
          i++
        }
        value()
        ws()
        if (s[i] === ',') i++
        else if (s[i] === close) {
          i++
          return
        } else fail()
      }
    }
    if (c === '"') return string()
    NUMBER.lastIndex = i
    const number = NUMBER.exec(s)
    if (number) {
      i += number[0].length
      return
    }
    const word = ['true', 'false', 'null'].find((w) => s.startsWith(w, i))
    if (!word) fail()
    i += word!.length
  }
  try {
    value()
    ws()
    if (i < s.length) fail()
    return null
  } catch (err) {
    if (err instanceof JsonAt) return err.at
    throw err
  }
}

class JsonAt {
  constructor(readonly at: number) {}
}
