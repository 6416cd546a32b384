import { expect } from 'chai'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const { toNodes } = require('../miniprogram/utils/rich-text.js') as { toNodes(html: string, apiBase: string): unknown[] }

/**
 * A reading item's text reaches rich-text rebuilt from a short list of tags, whatever the
 * server lets through: the page's own guard, should the server's rules ever change.
 */
describe('mini-program: reading items as rich text', () => {
  it('keeps headings, paragraphs, emphasis, lists and images; nothing else', () => {
    const nodes = toNodes(
      '<h2 style="color:red">第一章</h2><p onclick="steal()">第一条 <strong>代表</strong>依法&amp;履职<a href="javascript:alert(1)">详见</a></p>' +
        '<script>alert(1)</script><style>p{display:none}</style><iframe src="https://x.example">框</iframe>' +
        '<ul><li>一</li></ul><img src="/api/mp/uploads/u1.jpg" alt="图"><img src="http://plain.example/a.png"><img src="javascript:x">',
      'https://api.example.gov.cn',
    )
    const text = JSON.stringify(nodes)
    expect(text).not.to.match(/alert|steal|display|iframe|框|javascript|http:\/\/|onclick|color:red/)
    expect(nodes).to.deep.include({
      name: 'img',
      attrs: { src: 'https://api.example.gov.cn/api/mp/uploads/u1.jpg', alt: '图', style: 'max-width: 100%; height: auto;' },
    })
    expect(text).to.include('"name":"h2"').and.include('"name":"strong"').and.include('"name":"li"').and.include('依法&履职').and.include('详见')
    expect(nodes.filter((n: any) => n.name === 'img')).to.have.length(1)
  })
})
